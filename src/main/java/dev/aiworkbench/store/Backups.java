package dev.aiworkbench.store;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Optional;

/**
 * Copies of the open database, so months of progress never hang on one file: made before risky changes
 * (a progress import, a pack upgrade) and once a day, the newest {@value #KEEP} kept.
 */
public final class Backups {
    public static final int KEEP = 7;
    public static final String DAILY = "daily";
    public static final String BEFORE_IMPORT = "before-import";
    /** For the pack upgrade, which calls {@link #backup} with it before it changes anything. */
    public static final String BEFORE_UPGRADE = "before-upgrade";
    /** Before a pack's progress is deleted on the learner's request. */
    public static final String BEFORE_FORGET = "before-forget";
    public static final String MANUAL = "manual";

    private final Database database;
    private final BackupFolder folder;
    private final Clock clock;

    public Backups(Database database, BackupFolder folder, Clock clock) {
        this.database = database;
        this.folder = folder;
        this.clock = clock;
    }

    /**
     * Copies the database into the backups folder and deletes the oldest beyond {@value #KEEP}.
     *
     * @param reason lower-case words joined by hyphens; it becomes part of the file name
     * @throws BackupException the copy could not be written (the message says where and why)
     */
    public Backup backup(String reason) {
        Instant now = clock.instant().truncatedTo(ChronoUnit.SECONDS);
        Path target = folder.fileFor(now, reason);
        Path partial = target.resolveSibling("." + target.getFileName() + ".partial");
        try {
            Files.createDirectories(folder.path());
            Files.deleteIfExists(partial);
            // Written under another name and then moved, so a half-written copy never looks like a backup.
            database.copyInto(partial);
            Files.move(partial, target, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
            folder.keepNewest(KEEP);
            return new Backup(target, now, reason, Files.size(target));
        } catch (IOException | DatabaseException e) {
            throw new BackupException(DatabaseFailures.backupFailed(folder.path(), e), e);
        } finally {
            try {
                Files.deleteIfExists(partial);
            } catch (IOException ignored) {
                // the failure that matters was reported above
            }
        }
    }

    /** Makes a {@value #DAILY} backup when the newest backup is older than {@code age}, or there is none. */
    public Optional<Backup> backupIfOlderThan(Duration age) {
        Optional<Backup> newest = list().stream().findFirst();
        if (newest.isPresent() && newest.get().time().isAfter(clock.instant().minus(age))) {
            return Optional.empty();
        }
        return Optional.of(backup(DAILY));
    }

    /** The backups, newest first. */
    public List<Backup> list() {
        return folder.list();
    }

    public BackupFolder folder() {
        return folder;
    }
}
