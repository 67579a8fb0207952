package dev.aiworkbench.cli;

import dev.aiworkbench.app.ClosedDataFolder;
import dev.aiworkbench.app.DataFolder;
import dev.aiworkbench.store.Backup;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

import java.util.List;
import java.util.concurrent.Callable;

/** {@code workbench database backups}: the copies of the database, newest first. */
@Command(name = "backups", description = "List the backups of the progress database, newest first. They are made before "
        + "every progress import and once a day while the app runs; the newest seven are kept.")
final class DatabaseBackupsCommand extends Verb implements Callable<Integer> {
    @Option(names = "--json", description = "Print the list as JSON.")
    boolean json;

    @Override
    public Integer call() {
        DataFolder folder = DataFolder.fromEnvironment(options().dataDir());
        List<Backup> backups = ClosedDataFolder.listBackups(folder);
        if (json) {
            out().println(Json.write(backups.stream().map(b -> Json.object("file", b.file().toString(),
                    "time", b.time().toString(), "reason", b.reason(), "bytes", b.size())).toList()));
            return Cli.OK;
        }
        if (backups.isEmpty()) {
            out().println("No backups yet in " + folder.backups() + ".");
            return Cli.OK;
        }
        for (Backup backup : backups) {
            out().println(backup.time() + "  " + backup.reason() + "  " + backup.size() + " bytes  " + backup.file());
        }
        out().println("Restore one with `workbench database restore <file>`.");
        return Cli.OK;
    }
}
