package dev.aiworkbench.ui.common;

/** A screen that knows which control should have the keyboard when it is opened. */
public interface FocusableScreen {
    void focusFirst();
}
