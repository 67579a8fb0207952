package dev.aiworkbench.cli;

import dev.aiworkbench.app.Workbench;
import dev.aiworkbench.observability.GroupBy;
import dev.aiworkbench.observability.Percentiles;
import dev.aiworkbench.observability.TimeRange;
import dev.aiworkbench.observability.UsageGroup;
import dev.aiworkbench.observability.UsageReport;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;

/** {@code workbench usage report}: the recorded calls of a time range, grouped. */
@Command(name = "report", description = "Calls, errors, tokens in and out, cost, and time to first token and total time "
        + "(p50/p95/p99, over the calls that ended well) for the calls since a time, grouped by model, feature or day.")
final class UsageReportCommand extends Verb implements Callable<Integer> {
    @Option(names = "--since", paramLabel = "<duration|date>", defaultValue = "7d",
            description = "From when: 30m, 24h, 7d, 2w, a date (2026-01-31) or an instant (default: ${DEFAULT-VALUE}).")
    String since;

    @Option(names = "--by", paramLabel = "model|feature|day", defaultValue = "model",
            description = "Group by model, feature or day (default: ${DEFAULT-VALUE}).")
    String by;

    @Option(names = "--json", description = "Print the report as JSON.")
    boolean json;

    @Override
    public Integer call() {
        GroupBy grouping = grouping();
        Instant now = clock().instant();
        Instant from = Since.parse(since, now, clock().getZone());
        if (from.isAfter(now)) {
            throw new CommandFailure("--since " + since + " is in the future; give a time before now.", Cli.USAGE);
        }
        try (Workbench workbench = openWorkbench()) {
            UsageReport report = workbench.observability().stats().report(new TimeRange(from, now), grouping,
                    clock().getZone());
            if (json) {
                out().println(Json.write(json(report)));
            } else {
                text(report);
            }
            return Cli.OK;
        }
    }

    private GroupBy grouping() {
        if (!by.equals("model") && !by.equals("feature") && !by.equals("day")) {
            throw new CommandFailure("--by takes model, feature or day, not '" + by + "'.", Cli.USAGE);
        }
        return GroupBy.of(by);
    }

    private static Object json(UsageReport report) {
        return Json.object("since", report.since().toString(), "calls", report.calls(), "errors", report.errors(),
                "costUsd", report.costUsd(), "groups", report.groups().stream().map(g -> Json.object(
                        "key", g.key(), "calls", g.calls(), "errors", g.errors(), "inputTokens", g.inputTokens(),
                        "outputTokens", g.outputTokens(), "costUsd", g.costUsd(), "ttftMs", json(g.ttftMs()),
                        "totalMs", json(g.totalMs()))).toList());
    }

    private static Object json(Percentiles p) {
        return Json.object("p50", p.p50(), "p95", p.p95(), "p99", p.p99());
    }

    private void text(UsageReport report) {
        out().println(report.calls() + " model call(s) since " + report.since() + ", " + report.errors() + " error(s), $"
                + money(report.costUsd()) + ".");
        if (report.groups().isEmpty()) {
            out().println("Nothing was recorded in that time. Calls from the playground, evals, judges, lab checks and "
                    + "assessments are recorded as they are made.");
            return;
        }
        String[] header = {report.by().id(), "calls", "errors", "tokens in", "tokens out", "cost $",
                "TTFT p50/p95/p99 ms", "total p50/p95/p99 ms"};
        List<String[]> rows = new ArrayList<>();
        rows.add(header);
        for (UsageGroup g : report.groups()) {
            rows.add(new String[] {g.key(), Long.toString(g.calls()), Long.toString(g.errors()),
                    Long.toString(g.inputTokens()), Long.toString(g.outputTokens()), money(g.costUsd()), ms(g.ttftMs()),
                    ms(g.totalMs())});
        }
        int[] widths = new int[header.length];
        for (String[] row : rows) {
            for (int i = 0; i < row.length; i++) {
                widths[i] = Math.max(widths[i], row[i].length());
            }
        }
        for (String[] row : rows) {
            StringBuilder line = new StringBuilder();
            for (int i = 0; i < row.length; i++) {
                String cell = i == 0 ? String.format("%-" + widths[i] + "s", row[i])
                        : String.format("%" + widths[i] + "s", row[i]);
                line.append(i == 0 ? "" : "  ").append(cell);
            }
            out().println(line.toString().stripTrailing());
        }
    }

    private static String money(double usd) {
        return String.format(Locale.ROOT, "%.4f", usd);
    }

    private static String ms(Percentiles p) {
        return one(p.p50()) + "/" + one(p.p95()) + "/" + one(p.p99());
    }

    private static String one(Double value) {
        return value == null ? "-" : String.format(Locale.ROOT, "%.0f", value);
    }
}
