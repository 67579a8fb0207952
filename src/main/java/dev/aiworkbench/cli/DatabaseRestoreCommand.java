package dev.aiworkbench.cli;

import dev.aiworkbench.app.ClosedDataFolder;
import dev.aiworkbench.app.DataFolder;
import dev.aiworkbench.store.BackupException;
import dev.aiworkbench.store.DatabaseRestore;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import java.util.concurrent.Callable;

/**
 * {@code workbench database restore <file>}: puts a backup in place of the database. It never opens the
 * workbench, so it also rescues a data folder whose database no longer opens.
 */
@Command(name = "restore", description = "Replace the progress database with a backup. The current file is set aside "
        + "(renamed, never deleted) first. Close the app before you run it.")
final class DatabaseRestoreCommand extends Verb implements Callable<Integer> {
    @Parameters(paramLabel = "<file>", description = "A backup: a path, or a file name from `workbench database backups`.")
    Path file;

    @Option(names = "--yes", description = "Do not ask for confirmation.")
    boolean yes;

    @Override
    public Integer call() throws IOException {
        DataFolder folder = DataFolder.fromEnvironment(options().dataDir());
        Path backup = locate(folder);
        try {
            // Checked before asking, so nobody confirms a restore that cannot happen.
            DatabaseRestore.check(backup);
            if (!yes && !confirmed("Replace the database " + folder.database() + " with the backup " + backup
                    + "? The current file is set aside first.", "No answer on standard input; pass --yes to restore "
                    + "without asking.")) {
                out().println("Nothing changed.");
                return Cli.FAILED;
            }
            Optional<Path> kept = ClosedDataFolder.restoreDatabase(folder, backup, clock());
            kept.ifPresent(path -> out().println("Set the current database aside as " + path + "."));
            out().println("Restored " + backup + " into " + folder.database() + ". The next start uses it.");
            return Cli.OK;
        } catch (BackupException e) {
            throw new CommandFailure(e.getMessage(), Cli.USAGE);
        }
    }

    /** A bare name from the list means the file of that name in the backups folder. */
    private Path locate(DataFolder folder) {
        Path inBackups = folder.backups().resolve(file.toString());
        return !Files.exists(file) && file.getNameCount() == 1 && Files.exists(inBackups) ? inBackups : file;
    }
}
