package dev.aiworkbench.ui.shell;

/** A screen that knows which control should have the keyboard when it is opened. */
public interface FocusableScreen {
    void focusFirst();
}
