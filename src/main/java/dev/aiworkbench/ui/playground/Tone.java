package dev.aiworkbench.ui.playground;

/** How a status line reads: plain, a warning (stopped), or a problem. */
public enum Tone {
    NORMAL, WARNING, DANGER
}
