package dev.aiworkbench.cli;

import dev.aiworkbench.app.Workbench;
import dev.aiworkbench.eval.report.EvalHistory;
import dev.aiworkbench.eval.report.QualityMeasure;
import dev.aiworkbench.eval.report.QualityPoint;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

import java.nio.file.Path;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;

@Command(name = "history", description = "A suite's quality run by run, oldest first: the pass rate and, when the "
        + "suite grades with them, faithfulness (1 − hallucination rate), context relevance (retrieval precision), "
        + "context recall and answer relevance, each with its 95% interval.")
final class EvalHistoryCommand extends Verb implements Callable<Integer> {
    private static final DateTimeFormatter WHEN = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm", Locale.ROOT)
            .withZone(ZoneOffset.UTC);

    @Parameters(paramLabel = "<suite.yaml>", description = "The suite file the runs were started with.")
    Path suite;

    @Option(names = "--json", description = "Print the series as JSON: per suite key, per measure, the points "
            + "{at, runId, value, ci95, items}.")
    boolean json;

    @Override
    public Integer call() {
        try (Workbench workbench = openWorkbench()) {
            EvalHistory history = workbench.evalHistory();
            String file = suite.toAbsolutePath().normalize().toString();
            List<String> keys = history.suiteKeys().stream().filter(k -> k.equals(file) || k.startsWith(file + "#"))
                    .sorted().toList();
            Map<String, Map<QualityMeasure, List<QualityPoint>>> series = new LinkedHashMap<>();
            keys.forEach(key -> series.put(key, history.qualitySeries(key)));
            if (json) {
                out().println(Json.write(json(series)));
                return Cli.OK;
            }
            if (keys.isEmpty()) {
                out().println("No runs of " + file + " yet; start one with `workbench eval run " + suite + "`.");
                return Cli.OK;
            }
            series.forEach(this::print);
            return Cli.OK;
        }
    }

    /** One line a run: its time and id, then each measure it has, in the order of {@link QualityMeasure}. */
    private void print(String key, Map<QualityMeasure, List<QualityPoint>> measures) {
        out().println(key);
        Map<String, List<String>> lines = new LinkedHashMap<>();
        Map<String, QualityPoint> first = new LinkedHashMap<>();
        measures.forEach((measure, points) -> points.forEach(point -> {
            first.putIfAbsent(point.runId(), point);
            lines.computeIfAbsent(point.runId(), id -> new ArrayList<>()).add(cell(measure, point));
        }));
        if (lines.isEmpty()) {
            out().println("  no finished run yet");
        }
        lines.forEach((runId, cells) -> out().println("  " + WHEN.format(first.get(runId).at()) + "  " + runId + "  "
                + String.join("  ", cells)));
    }

    private static String cell(QualityMeasure measure, QualityPoint point) {
        boolean rate = measure == QualityMeasure.PASS_RATE;
        String format = rate ? "%s %.1f%% [%.1f–%.1f]" : "%s %.3f [%.3f–%.3f]";
        double scale = rate ? 100 : 1;
        return String.format(Locale.ROOT, format, measure.label(), scale * point.value(), scale * point.low(),
                scale * point.high());
    }

    private static Map<String, Object> json(Map<String, Map<QualityMeasure, List<QualityPoint>>> series) {
        Map<String, Object> suites = new LinkedHashMap<>();
        series.forEach((key, measures) -> {
            Map<String, Object> byMeasure = new LinkedHashMap<>();
            measures.forEach((measure, points) -> byMeasure.put(measure.jsonName(), points.stream()
                    .map(p -> Json.object("at", p.at().toString(), "runId", p.runId(), "value", p.value(),
                            "ci95", List.of(p.low(), p.high()), "items", p.items())).toList()));
            suites.put(key, byMeasure);
        });
        return Json.object("suites", suites);
    }
}
