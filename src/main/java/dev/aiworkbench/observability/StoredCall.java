package dev.aiworkbench.observability;

/** A kept call, with the id that names it for a drill-down. */
public record StoredCall(long id, ModelCall call, Double costUsd) {
}
