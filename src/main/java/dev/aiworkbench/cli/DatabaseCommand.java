package dev.aiworkbench.cli;

import dev.aiworkbench.app.ClosedDataFolder;
import dev.aiworkbench.app.DataFolder;
import picocli.CommandLine.Command;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.concurrent.Callable;

@Command(name = "database", description = "Look after the progress database.", subcommands = {DatabaseCommand.SetAside.class,
        DatabaseBackupsCommand.class, DatabaseRestoreCommand.class})
final class DatabaseCommand {

    @Command(name = "set-aside", description = "Keep the current database file aside (renamed, never deleted) so the next "
            + "start begins with a fresh one. Use it when the file is damaged or from a newer version.")
    static final class SetAside extends Verb implements Callable<Integer> {
        @Override
        public Integer call() throws IOException {
            DataFolder folder = DataFolder.fromEnvironment(options().dataDir());
            if (!Files.exists(folder.database())) {
                out().println("There is no database at " + folder.database() + "; nothing to set aside.");
                return Cli.OK;
            }
            Path kept = ClosedDataFolder.setAsideDatabase(folder, Clock.systemDefaultZone());
            out().println("Kept the old database as " + kept + ". The next start creates a fresh one.");
            return Cli.OK;
        }
    }
}
