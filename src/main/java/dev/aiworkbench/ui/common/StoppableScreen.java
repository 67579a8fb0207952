package dev.aiworkbench.ui.common;

import java.util.List;

/**
 * A screen with work or timers of its own. Before the shell replaces its screens (a switch of pack), it asks each
 * what is running, so the learner can be asked first, and then stops it, so nothing of the old screen goes on
 * working against services that are being closed.
 */
public interface StoppableScreen {

    /** What replacing the screen now would stop, each a short phrase ("an eval run"); empty when nothing runs. */
    List<String> running();

    /** Stops the screen's work and timers; it is not shown again. */
    void stop();
}
