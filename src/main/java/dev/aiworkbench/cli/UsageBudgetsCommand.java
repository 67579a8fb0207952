package dev.aiworkbench.cli;

import dev.aiworkbench.app.Workbench;
import dev.aiworkbench.observability.BudgetStatus;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

import java.util.List;
import java.util.concurrent.Callable;

/** {@code workbench usage budgets}: each budget checked now; exit 1 when one is crossed, for CI. */
@Command(name = "budgets", description = "Checks the budgets set in Settings > Observability (daily cost, p95 time to "
        + "first token, a suite's pass rate against its baseline, faithfulness floor) and exits 1 when one is crossed.")
final class UsageBudgetsCommand extends Verb implements Callable<Integer> {
    @Option(names = "--json", description = "Print each budget's status as JSON.")
    boolean json;

    @Override
    public Integer call() {
        try (Workbench workbench = openWorkbench()) {
            List<BudgetStatus> statuses = workbench.budgets().check();
            long crossed = statuses.stream().filter(BudgetStatus::crossed).count();
            if (json) {
                out().println(Json.write(Json.object("crossed", crossed, "budgets", statuses.stream()
                        .map(UsageBudgetsCommand::json).toList())));
            } else {
                text(statuses, crossed);
            }
            return crossed > 0 ? Cli.FAILED : Cli.OK;
        }
    }

    private static Object json(BudgetStatus status) {
        return Json.object("kind", status.budget().kind().id(), "scope", status.budget().scope(),
                "threshold", status.budget().threshold(), "value", status.value(), "limit", status.limit(),
                "crossed", status.crossed(), "message", status.sentence());
    }

    private void text(List<BudgetStatus> statuses, long crossed) {
        if (statuses.isEmpty()) {
            out().println("No budgets are set. Set them in the app under Settings > Observability.");
            return;
        }
        for (BudgetStatus status : statuses) {
            out().println((status.crossed() ? "CROSSED  " : "ok       ") + status.budget().label() + " ("
                    + status.budget().limitText() + "): " + status.sentence());
        }
        out().println(crossed == 0 ? "All " + statuses.size() + " budget(s) hold."
                : crossed + " of " + statuses.size() + " budget(s) crossed.");
    }
}
