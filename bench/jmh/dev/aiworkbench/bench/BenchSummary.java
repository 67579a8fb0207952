package dev.aiworkbench.bench;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * Reads JMH's JSON result and prints the budgets as ratios against the baselines that ran in the
 * same invocation. Every score is shown as JMH's mean ± 99.9% error and as the median of the
 * measurement iterations; verdicts use the median, which a busy machine disturbs least.
 * Exit status: 0 when every budget that could be checked holds, 1 when one is missed, 2 when the
 * result file cannot be read.
 *
 * <p>Usage: {@code BenchSummary [--rows] <jmh-result.json>}. With {@code --rows} it prints each row as
 * {@code SUMMARY|what|measured|baseline|budget|verdict} instead of a table, for a script that gathers
 * rows from several harnesses into one table (bench/evals.sh).
 */
public final class BenchSummary {
    private static final String PKG = "dev.aiworkbench.bench.";
    /** Loading is called linear when 10x the weeks takes at most this many times as long. */
    static final double LINEAR_LIMIT = 12.5;
    static final double PACK_LOAD_BUDGET_MS = 150;
    static final double MARKS_BUDGET_MS = 1000;
    static final double GRADE_BUDGET_MS = 2000;
    /** A tick over 100,000 events of history may take at most this many times a tick over 1,000. */
    static final double TICK_HISTORY_LIMIT = 1.2;
    static final double DASHBOARD_BUDGET_MS = 1000;
    static final double SCRIPT_CASE_BUDGET_US = 50;
    static final double SCRIPT_FIRST_USE_BUDGET_MS = 300;
    private static final String DASHBOARD = "dev.aiworkbench.observability.DashboardAggregateBenchmark.";

    private record Score(double mean, double error, double median, String unit, double allocPerOp) {
        String meanText() {
            return Double.isNaN(error) ? fmt(mean) : fmt(mean) + " ± " + fmt(error);
        }
    }

    private BenchSummary() {
    }

    public static void main(String[] args) {
        boolean asRows = args.length == 2 && args[0].equals("--rows");
        if (args.length != 1 && !asRows) {
            System.err.println("usage: BenchSummary [--rows] <jmh-result.json>");
            System.exit(2);
        }
        String file = args[args.length - 1];
        JsonNode results;
        try {
            results = new ObjectMapper().readTree(Path.of(file).toFile());
        } catch (IOException e) {
            System.err.println("cannot read " + file + ": " + e.getMessage());
            System.exit(2);
            return;
        }
        System.exit(summarise(results, asRows, interleaved(Path.of(file))) ? 0 : 1);
    }

    /** The medians ProgressTickBenchmark.tickInTurn leaves beside the result file, if it ran. */
    private static Optional<JsonNode> interleaved(Path resultFile) {
        Path file = resultFile.resolveSibling(Path.of(ProgressTickBenchmark.INTERLEAVED_FILE).getFileName());
        try {
            return Files.exists(file) ? Optional.of(new ObjectMapper().readTree(file.toFile()))
                    : Optional.empty();
        } catch (IOException e) {
            System.err.println("cannot read " + file + ": " + e.getMessage());
            return Optional.empty();
        }
    }

    static boolean summarise(JsonNode results, boolean asRows) {
        return summarise(results, asRows, Optional.empty());
    }

    /** @param interleaved ProgressTickBenchmark's medians of both histories ticked in turn, when it ran */
    static boolean summarise(JsonNode results, boolean asRows, Optional<JsonNode> interleaved) {
        List<String[]> rows = new ArrayList<>();
        boolean ok = true;

        Optional<Score> load = find(results, "PackLoadBenchmark.loadAndValidate", null);
        Optional<Score> bytes = find(results, "PackLoadBenchmark.readBytesBaseline", null);
        if (load.isPresent()) {
            boolean pass = load.get().median() < PACK_LOAD_BUDGET_MS;
            ok &= pass;
            rows.add(row("a. default pack load+validate, warm", load.get(), "< 150 ms", verdict(pass)));
            if (bytes.isPresent()) {
                rows.add(row("   baseline: read the same files' bytes", bytes.get(), "", ""));
                rows.add(ratioRow("   ratio load / read bytes", load.get(), bytes.get(), "parse+validate over I/O",
                        "info"));
            }
        }

        Optional<Score> small = find(results, "PackScalingBenchmark.load", "500");
        Optional<Score> large = find(results, "PackScalingBenchmark.load", "5000");
        small.ifPresent(s -> rows.add(row("b. load generated pack, 500 weeks", s, "", "")));
        large.ifPresent(l -> rows.add(row("   load generated pack, 5,000 weeks", l, "", "")));
        if (small.isPresent() && large.isPresent()) {
            boolean pass = large.get().median() / small.get().median() <= LINEAR_LIMIT;
            ok &= pass;
            rows.add(ratioRow("   ratio time(5000) / time(500)", large.get(), small.get(),
                    "linear = 10, pass <= " + fmt(LINEAR_LIMIT), verdict(pass)));
            if (!Double.isNaN(small.get().allocPerOp()) && !Double.isNaN(large.get().allocPerOp())) {
                rows.add(new String[] {"   ratio bytes allocated (5000) / (500)",
                        fmt(large.get().allocPerOp() / small.get().allocPerOp()) + "x", "",
                        "work done; linear = 10", "info"});
            }
        }

        Optional<Score> marks = find(results, "ProgressMarkBenchmark.mark10k", null);
        Optional<Score> inserts = find(results, "ProgressMarkBenchmark.jdbcInsert10kBaseline", null);
        if (marks.isPresent()) {
            boolean pass = marks.get().median() < MARKS_BUDGET_MS;
            ok &= pass;
            rows.add(row("c. 10,000 ProgressService.mark", marks.get(), "< 1000 ms", verdict(pass)));
            if (inserts.isPresent()) {
                rows.add(row("   baseline: 10,000 autocommit INSERTs", inserts.get(), "", ""));
                rows.add(ratioRow("   ratio mark / plain INSERT", marks.get(), inserts.get(), "cost over the floor",
                        "info"));
            }
        }

        Optional<Score> grade = find(results, "EvalGradeBenchmark.grade10k", null);
        Optional<Score> contains = find(results, "EvalGradeBenchmark.containsBaseline10k", null);
        Optional<Score> cold = find(results, "EvalGradeColdBenchmark.firstGrade10k", null);
        if (grade.isPresent()) {
            boolean pass = grade.get().median() < GRADE_BUDGET_MS;
            ok &= pass;
            rows.add(row("d. grade 10,000 eval cases (54,000 assertions), warm", grade.get(), "< 2000 ms",
                    verdict(pass)));
            if (contains.isPresent()) {
                rows.add(row("   baseline: fill {{var}} + String.contains, same assertions", contains.get(), "", ""));
                rows.add(ratioRow("   ratio grade / contains loop", grade.get(), contains.get(), "cost over the floor",
                        "info"));
            }
        }
        cold.ifPresent(c -> rows.add(row("   the same 10,000 graded first in a fresh JVM (per fork)", c, "",
                "info")));

        ok &= scriptRows(results, rows);
        ok &= tickRows(results, rows, interleaved);
        ok &= dashboardRows(results, rows);

        if (rows.isEmpty()) {
            System.out.println("no known benchmarks in the result file");
            return true;
        }
        if (asRows) {
            for (String[] row : rows) {
                System.out.println(String.join("|", "SUMMARY", row[0], row[2] + " median [mean " + row[1] + "]", "",
                        row[3], row[4]));
            }
            return ok;
        }
        print(rows);
        System.out.println("Verdicts use the median of the measurement iterations; mean ± error is JMH's score"
                + " with its 99.9% confidence half-width.");
        System.out.println(ok ? "All checked budgets hold." : "A budget is MISSED (see above).");
        return ok;
    }

    /** Issue 17: a javascript assertion per case, warm, and what the first one adds to a fresh JVM. */
    private static boolean scriptRows(JsonNode results, List<String[]> rows) {
        boolean ok = true;
        Optional<Score> contains = find(results, "ScriptAssertionBenchmark.containsBaseline", null);
        for (String form : List.of("inline", "file")) {
            Optional<Score> js = find(results, "ScriptAssertionBenchmark." + form, null);
            if (js.isPresent()) {
                boolean pass = js.get().median() < SCRIPT_CASE_BUDGET_US;
                ok &= pass;
                rows.add(row("e. a case with one javascript assertion (" + form + "), warm", js.get(), "< 50 us",
                        verdict(pass)));
                contains.ifPresent(c -> rows.add(ratioRow("   ratio to one contains assertion", js.get(), c,
                        "cost over the floor", "info")));
            }
        }
        contains.ifPresent(c -> rows.add(row("   baseline: a case with one contains assertion", c, "", "")));
        Optional<Score> first = find(results, "ScriptFirstUseBenchmark.javascript", null);
        Optional<Score> plain = find(results, "ScriptFirstUseBenchmark.baseline", null);
        if (first.isPresent() && plain.isPresent()) {
            double added = first.get().median() - plain.get().median();
            boolean pass = added < SCRIPT_FIRST_USE_BUDGET_MS;
            ok &= pass;
            rows.add(row("f. 20 cases, fresh JVM, one javascript assertion", first.get(), "", ""));
            rows.add(row("   baseline: the same with one contains assertion", plain.get(), "", ""));
            rows.add(new String[] {"   added by the first javascript assertion", "", fmt(added) + " ms", "< 300 ms",
                    verdict(pass)});
        }
        return ok;
    }

    /** Issue 9: a tick from the click to the week page updated costs the same with 1,000 and 100,000 events. */
    private static boolean tickRows(JsonNode results, List<String[]> rows, Optional<JsonNode> interleaved) {
        boolean ok = true;
        if (interleaved.isPresent()) {
            JsonNode in = interleaved.get();
            double small = in.path("smallMedianMs").asDouble();
            double large = in.path("largeMedianMs").asDouble();
            boolean pass = large / small <= TICK_HISTORY_LIMIT;
            ok = pass;
            rows.add(new String[] {"e. 20 ticks, both histories in turn in one fork, 1,000 events", "",
                    fmt(small) + " ms/op", "", ""});
            rows.add(new String[] {"   the same, 100,000 events (" + in.path("operations").asInt() + " operations each)",
                    "", fmt(large) + " ms/op", "", ""});
            rows.add(new String[] {"   ratio 100,000 / 1,000 events, in turn", "", fmt(large / small) + "x",
                    "<= " + fmt(TICK_HISTORY_LIMIT), verdict(pass)});
        }
        Optional<Score> small = find(results, "ProgressTickBenchmark.tick", "history", "1000");
        Optional<Score> large = find(results, "ProgressTickBenchmark.tick", "history", "100000");
        small.ifPresent(s -> rows.add(row("   20 ticks in a fork of their own, 1,000 events", s, "", "")));
        large.ifPresent(l -> rows.add(row("   the same, 100,000 events", l, "", "")));
        if (small.isPresent() && large.isPresent()) {
            // Without the run in turn, the verdict falls to the separate forks, which load can sway.
            boolean pass = large.get().median() / small.get().median() <= TICK_HISTORY_LIMIT;
            if (interleaved.isEmpty()) {
                ok = pass;
            }
            rows.add(ratioRow("   ratio 100,000 / 1,000 events, separate forks", large.get(), small.get(),
                    interleaved.isEmpty() ? "<= " + fmt(TICK_HISTORY_LIMIT) : "",
                    interleaved.isEmpty() ? verdict(pass) : "info"));
            if (!Double.isNaN(small.get().allocPerOp()) && !Double.isNaN(large.get().allocPerOp())) {
                rows.add(new String[] {"   ratio bytes allocated 100,000 / 1,000 events",
                        fmt(large.get().allocPerOp() / small.get().allocPerOp()) + "x", "",
                        "work done, unmoved by load; flat = 1", "info"});
            }
        }
        Optional<Score> fullSmall = find(results, "ProgressTickBenchmark.tickFullRead", "history", "1000");
        Optional<Score> fullLarge = find(results, "ProgressTickBenchmark.tickFullRead", "history", "100000");
        fullSmall.ifPresent(s -> rows.add(row("   before: mark + full snapshot, 1,000 events", s, "", "info")));
        fullLarge.ifPresent(l -> rows.add(row("   before: mark + full snapshot, 100,000 events", l, "", "info")));
        if (fullSmall.isPresent() && fullLarge.isPresent()) {
            rows.add(ratioRow("   before: ratio 100,000 / 1,000 events", fullLarge.get(), fullSmall.get(), "",
                    "info"));
        }
        return ok;
    }

    /** Issue 13: the Observability screen's queries over 1,000,000 calls, against the same answers from the calls. */
    private static boolean dashboardRows(JsonNode results, List<String[]> rows) {
        boolean ok = true;
        for (String days : List.of("30", "90")) {
            Optional<Score> set = find(results, DASHBOARD + "dashboard", "days", days);
            Optional<Score> raw = find(results, DASHBOARD + "rawBaseline", "days", days);
            if (set.isEmpty()) {
                continue;
            }
            boolean pass = set.get().median() < DASHBOARD_BUDGET_MS;
            ok &= pass;
            rows.add(row("f. dashboard query set, " + days + " days of 1,000,000 calls", set.get(), "< 1000 ms",
                    verdict(pass)));
            if (raw.isPresent()) {
                rows.add(row("   baseline: the same from the calls (percentile_cont)", raw.get(), "", ""));
                rows.add(ratioRow("   ratio baseline / rollups (speed-up)", raw.get(), set.get(), "", "info"));
            }
        }
        return ok;
    }

    private static String[] row(String name, Score s, String budget, String verdict) {
        return new String[] {name, s.meanText() + " " + s.unit(), fmt(s.median()) + " " + s.unit(), budget, verdict};
    }

    /** a / b: the ratio of means with an error bar propagated from JMH's errors, and the ratio of medians. */
    private static String[] ratioRow(String name, Score a, Score b, String budget, String verdict) {
        double r = a.mean() / b.mean();
        String mean = fmt(r) + "x";
        if (!Double.isNaN(a.error()) && !Double.isNaN(b.error())) {
            double rel = Math.sqrt(Math.pow(a.error() / a.mean(), 2) + Math.pow(b.error() / b.mean(), 2));
            mean += " ± " + fmt(r * rel);
        }
        return new String[] {name, mean, fmt(a.median() / b.median()) + "x", budget, verdict};
    }

    private static Optional<Score> find(JsonNode results, String benchmark, String weeks) {
        return find(results, benchmark, "weeks", weeks);
    }

    private static Optional<Score> find(JsonNode results, String benchmark, String param, String value) {
        for (JsonNode result : results) {
            String name = benchmark.startsWith("dev.") ? benchmark : PKG + benchmark;
            if (!result.path("benchmark").asText().equals(name)) {
                continue;
            }
            if (value != null && !value.equals(result.path("params").path(param).asText())) {
                continue;
            }
            JsonNode metric = result.path("primaryMetric");
            double error = metric.path("scoreError").isNumber() ? metric.path("scoreError").asDouble() : Double.NaN;
            double median = metric.path("scorePercentiles").path("50.0").asDouble(metric.path("score").asDouble());
            JsonNode alloc = result.path("secondaryMetrics").path("gc.alloc.rate.norm");
            double allocPerOp = alloc.path("score").isNumber() ? alloc.path("score").asDouble() : Double.NaN;
            return Optional.of(new Score(metric.path("score").asDouble(), error, median,
                    metric.path("scoreUnit").asText(), allocPerOp));
        }
        return Optional.empty();
    }

    private static String verdict(boolean pass) {
        return pass ? "PASS" : "MISS";
    }

    private static String fmt(double value) {
        if (Math.abs(value) >= 100) {
            return String.format(Locale.ROOT, "%.0f", value);
        }
        if (Math.abs(value) >= 10) {
            return String.format(Locale.ROOT, "%.1f", value);
        }
        return String.format(Locale.ROOT, "%.2f", value);
    }

    private static void print(List<String[]> rows) {
        String[] header = {"benchmark", "mean ± 99.9% error", "median", "budget", "verdict"};
        int[] width = new int[header.length];
        for (int i = 0; i < header.length; i++) {
            width[i] = header[i].length();
            for (String[] row : rows) {
                width[i] = Math.max(width[i], row[i].length());
            }
        }
        StringBuilder format = new StringBuilder();
        int total = 0;
        for (int i = 0; i < header.length; i++) {
            format.append(i == header.length - 1 ? "%s%n" : "%-" + width[i] + "s | ");
            total += width[i] + 3;
        }
        System.out.println();
        System.out.printf(Locale.ROOT, format.toString(), (Object[]) header);
        System.out.println("-".repeat(total - 3));
        for (String[] row : rows) {
            System.out.printf(Locale.ROOT, format.toString(), (Object[]) row);
        }
        System.out.println();
    }
}
