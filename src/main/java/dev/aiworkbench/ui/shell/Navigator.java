package dev.aiworkbench.ui.shell;

/** Opens a screen by its registry id and shows one thing on it: how screens link to each other. */
@FunctionalInterface
public interface Navigator {
    void open(String screenId, String target);
}
