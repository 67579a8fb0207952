package dev.aiworkbench.ui.common;

/** Opens a web address in the learner's browser (the app's HostServices in production). */
@FunctionalInterface
public interface LinkOpener {
    void open(String url);
}
