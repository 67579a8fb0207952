package dev.aiworkbench.labs.services;

import dev.aiworkbench.labs.definition.ServiceType;

import java.time.Instant;

/**
 * One line of a service's log.
 *
 * @param source where it came from: the process's or container's stdout or stderr, or the workbench itself
 *               (what it ran, what it found). Uvicorn logs everything to stderr: stderr is not an error.
 */
public record LogLine(Instant at, ServiceType service, Source source, String text) {
    public enum Source {
        STDOUT, STDERR, WORKBENCH
    }

    @Override
    public String toString() {
        return text;
    }
}
