package dev.aiworkbench.progress;

import java.time.Instant;

/**
 * An id whose progress an upgrade set aside because the new version of the pack no longer has it.
 *
 * @param packVersion the version that still had it
 */
public record ArchivedItem(String id, String title, String packVersion, Instant archivedAt) {
}
