package dev.aiworkbench.ui.settings;

import dev.aiworkbench.store.Backup;

import java.nio.file.Path;
import java.util.List;
import java.util.function.Consumer;
import java.util.function.Supplier;

/**
 * What the Backups section may do with the database; every call does disk work, so it runs on the task executor.
 *
 * @param list           the backups, newest first
 * @param backUpNow      makes a backup at once
 * @param restoreOnClose checks a backup and has it put in place when the app closes
 */
public record BackupOperations(Supplier<List<Backup>> list, Supplier<Backup> backUpNow, Consumer<Path> restoreOnClose) {
}
