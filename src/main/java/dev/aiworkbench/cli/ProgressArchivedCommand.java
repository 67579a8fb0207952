package dev.aiworkbench.cli;

import dev.aiworkbench.app.Workbench;
import dev.aiworkbench.curriculum.Pack;
import dev.aiworkbench.progress.ArchivedItem;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;

/** {@code progress archived}: progress set aside by upgrades of the pack, which a later version may bring back. */
@Command(name = "archived", description = "List the progress that upgrades of the pack archived (ids the new"
        + " version no longer has); it comes back when a later version has the id again.")
final class ProgressArchivedCommand extends Verb implements Callable<Integer> {
    @Option(names = "--json", description = "Print the archived items as JSON.")
    boolean json;

    @Override
    public Integer call() {
        try (Workbench workbench = openWorkbench()) {
            Pack pack = pack(workbench);
            List<ArchivedItem> archived = workbench.carryOver().archived(pack.id());
            if (json) {
                out().println(Json.write(archived.stream().map(ProgressArchivedCommand::row).toList()));
            } else if (archived.isEmpty()) {
                out().println("Nothing is archived for " + pack.id() + ": every item with progress is in the pack.");
            } else {
                out().println("Archived progress in " + pack.id() + " (kept; it comes back if a later version has the id):");
                for (ArchivedItem item : archived) {
                    out().println("  " + item.id() + "  " + item.title() + "  (from " + item.packVersion() + ", archived "
                            + item.archivedAt() + ")");
                }
            }
            return Cli.OK;
        }
    }

    private static Map<String, Object> row(ArchivedItem item) {
        Map<String, Object> row = new LinkedHashMap<>();
        row.put("id", item.id());
        row.put("title", item.title());
        row.put("packVersion", item.packVersion());
        row.put("archivedAt", item.archivedAt().toString());
        return row;
    }
}
