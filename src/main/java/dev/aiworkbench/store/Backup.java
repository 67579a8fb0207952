package dev.aiworkbench.store;

import java.nio.file.Path;
import java.time.Instant;

/**
 * One copy of the database in the backups folder.
 *
 * @param time   when it was made (UTC, to the second, as its name says)
 * @param reason why it was made, such as {@code daily} or {@code before-import}
 * @param size   its length in bytes
 */
public record Backup(Path file, Instant time, String reason, long size) {
}
