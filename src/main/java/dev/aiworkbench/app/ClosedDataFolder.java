package dev.aiworkbench.app;

import dev.aiworkbench.curriculum.InstalledPack;
import dev.aiworkbench.curriculum.PackLoadCaches;
import dev.aiworkbench.packs.ActivePack;
import dev.aiworkbench.packs.PackShelf;
import dev.aiworkbench.packs.TrustedKeys;
import dev.aiworkbench.store.Backup;
import dev.aiworkbench.store.BackupFolder;
import dev.aiworkbench.store.Database;
import dev.aiworkbench.store.DatabaseRestore;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import java.util.Optional;

/** What can be done to a data folder whose database no workbench has open: its packs, keys, backups and restores. */
public final class ClosedDataFolder {
    private ClosedDataFolder() {
    }

    /** The installed packs of a data folder; the database need not be open. */
    public static PackShelf packShelf(DataFolder folder) {
        return new PackShelf(folder.packs());
    }

    /** The pack-signing keys the learner trusts in a data folder; the database need not be open. */
    public static TrustedKeys trustedKeys(DataFolder folder, Clock clock) {
        return new TrustedKeys(folder.trustedKeys(), clock);
    }

    /** Keeps an unusable database aside (renamed, never deleted) so the next open starts fresh. */
    public static Path setAsideDatabase(DataFolder folder, Clock clock) throws IOException {
        return Database.setAside(folder.database(), clock);
    }

    /** The backups in the data folder, newest first; the database need not be open. */
    public static List<Backup> listBackups(DataFolder folder) {
        return new BackupFolder(folder.backups()).list();
    }

    /**
     * Puts a backup in place of the database of a folder no workbench has open; the current file is set aside.
     *
     * @return where the current database was set aside, if there was one
     * @throws dev.aiworkbench.store.BackupException the file is not a backup of ours; nothing changed
     */
    public static Optional<Path> restoreDatabase(DataFolder folder, Path backup, Clock clock) throws IOException {
        return DatabaseRestore.restore(folder.database(), backup, clock);
    }

    /**
     * The pack a run walks: {@code --pack} when given, else the active installed pack, else the built-in one. Only
     * the data folder's path is needed, so this runs in parallel with opening the database.
     */
    public static InstalledPack readPack(WorkbenchOptions options) {
        DataFolder folder = DataFolder.fromEnvironment(options.dataDir());
        PackLoadCaches caches = PackLoadCaches.in(folder.cache());
        if (options.pack().isPresent()) {
            return InstalledPack.load(options.pack(), AppInfo.version(), caches);
        }
        return ActivePack.read(packShelf(folder), AppInfo.version(), caches);
    }
}
