package dev.aiworkbench.labs.services;

import dev.aiworkbench.labs.definition.ServiceType;
import dev.aiworkbench.llm.PullBoard;

/**
 * Hears what a lab's services do. Every method is called on a background thread (a process reader, a container
 * log stream, a pull, a worker), never on the JavaFX thread, and must return quickly: hand the value over to
 * the UI (coalesced) or a queue. A listener that throws is logged and kept.
 */
public interface ServiceListener {
    /** A service moved to a new state (or its sentence changed). */
    default void onState(ServiceState state) {
    }

    /** A log line arrived. */
    default void onLog(LogLine line) {
    }

    /**
     * A model pull progressed; the board holds every layer's bytes so far.
     *
     * @param model the model being pulled, as the lab names it
     */
    default void onPull(String model, PullBoard board) {
    }

    /**
     * A container image's download progressed (before the service's container can start).
     *
     * @param service the service that waits for the image (two may wait for the same one)
     */
    default void onImagePull(ServiceType service, ImagePullSnapshot pull) {
    }
}
