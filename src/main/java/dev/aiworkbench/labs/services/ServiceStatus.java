package dev.aiworkbench.labs.services;

/** Where a lab service is in its life. */
public enum ServiceStatus {
    /** Being prepared: a probe, an image download, a process or container coming up, a model pull. */
    STARTING,
    /** Answering at its endpoints. A fix on a running state is a warning (for example a model that did not pull). */
    RUNNING,
    /** Not started yet, or stopped: nothing of it is left running. */
    STOPPED,
    /** It cannot run on this machine as it is (no Docker, no Python with FastAPI): the fix says what to install. */
    UNAVAILABLE,
    /** It was tried and did not come up, or stopped answering: the sentence says why, the fix what to do. */
    FAILED;

    /** Whether something of it may be running (a process or container the lab must stop). */
    public boolean active() {
        return this == STARTING || this == RUNNING || this == FAILED;
    }
}
