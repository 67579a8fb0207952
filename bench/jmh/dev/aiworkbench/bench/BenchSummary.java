package dev.aiworkbench.bench;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * Reads JMH's JSON result and prints the budgets as ratios against the baselines that ran in the
 * same invocation. Exit status: 0 when every budget that could be checked holds, 1 when one is
 * missed, 2 when the result file cannot be read.
 *
 * <p>Usage: {@code BenchSummary <jmh-result.json>}
 */
public final class BenchSummary {
    private static final String PKG = "dev.aiworkbench.bench.";
    /** Loading is called linear when 10x the weeks takes at most this many times as long. */
    static final double LINEAR_LIMIT = 12.5;

    private record Score(String name, double score, double error, String unit) {
        String text() {
            return Double.isNaN(error) ? fmt(score) + " " + unit : fmt(score) + " ± " + fmt(error) + " " + unit;
        }
    }

    private BenchSummary() {
    }

    public static void main(String[] args) {
        if (args.length != 1) {
            System.err.println("usage: BenchSummary <jmh-result.json>");
            System.exit(2);
        }
        JsonNode results;
        try {
            results = new ObjectMapper().readTree(Path.of(args[0]).toFile());
        } catch (IOException e) {
            System.err.println("cannot read " + args[0] + ": " + e.getMessage());
            System.exit(2);
            return;
        }
        System.exit(summarise(results) ? 0 : 1);
    }

    static boolean summarise(JsonNode results) {
        List<String[]> rows = new ArrayList<>();
        boolean ok = true;

        Optional<Score> load = find(results, "PackLoadBenchmark.loadAndValidate", null);
        Optional<Score> bytes = find(results, "PackLoadBenchmark.readBytesBaseline", null);
        if (load.isPresent()) {
            boolean pass = load.get().score() < 150.0;
            ok &= pass;
            rows.add(new String[] {"default pack load+validate (warm)", load.get().text(), "< 150 ms", verdict(pass)});
            bytes.ifPresent(b -> {
                rows.add(new String[] {"  baseline: read the same files' bytes", b.text(), "", ""});
                rows.add(new String[] {"  ratio load / read bytes", ratio(load.get(), b), "(parse+validate over I/O)",
                        "info"});
            });
        }

        Optional<Score> small = find(results, "PackScalingBenchmark.load", "500");
        Optional<Score> large = find(results, "PackScalingBenchmark.load", "5000");
        small.ifPresent(s -> rows.add(new String[] {"load generated pack, 500 weeks", s.text(), "", ""}));
        large.ifPresent(l -> rows.add(new String[] {"load generated pack, 5,000 weeks", l.text(), "", ""}));
        if (small.isPresent() && large.isPresent()) {
            double r = large.get().score() / small.get().score();
            boolean pass = r <= LINEAR_LIMIT;
            ok &= pass;
            rows.add(new String[] {"  ratio time(5000) / time(500)", ratio(large.get(), small.get()),
                    "linear ≈ 10, ≤ " + fmt(LINEAR_LIMIT), verdict(pass)});
        }

        Optional<Score> marks = find(results, "ProgressMarkBenchmark.mark10k", null);
        Optional<Score> inserts = find(results, "ProgressMarkBenchmark.jdbcInsert10kBaseline", null);
        if (marks.isPresent()) {
            boolean pass = marks.get().score() < 1000.0;
            ok &= pass;
            rows.add(new String[] {"10,000 marks via ProgressService.mark", marks.get().text(), "< 1000 ms", verdict(pass)});
            inserts.ifPresent(i -> {
                rows.add(new String[] {"  baseline: 10,000 autocommit INSERTs (JDBC)", i.text(), "", ""});
                rows.add(new String[] {"  ratio mark / plain INSERT", ratio(marks.get(), i), "(cost of a mark over the floor)",
                        "info"});
            });
        }

        if (rows.isEmpty()) {
            System.out.println("no known benchmarks in the result file");
            return true;
        }
        print(rows);
        System.out.println(ok ? "All checked budgets hold." : "A budget is MISSED (see above).");
        return ok;
    }

    private static Optional<Score> find(JsonNode results, String benchmark, String weeks) {
        for (JsonNode result : results) {
            if (!result.path("benchmark").asText().equals(PKG + benchmark)) {
                continue;
            }
            if (weeks != null && !weeks.equals(result.path("params").path("weeks").asText())) {
                continue;
            }
            JsonNode metric = result.path("primaryMetric");
            double error = metric.path("scoreError").isNumber() ? metric.path("scoreError").asDouble() : Double.NaN;
            return Optional.of(new Score(benchmark, metric.path("score").asDouble(), error,
                    metric.path("scoreUnit").asText()));
        }
        return Optional.empty();
    }

    /** The ratio a / b, with an error bar propagated from the two 99.9% errors JMH reports. */
    private static String ratio(Score a, Score b) {
        double r = a.score() / b.score();
        if (Double.isNaN(a.error()) || Double.isNaN(b.error())) {
            return fmt(r) + "x";
        }
        double rel = Math.sqrt(Math.pow(a.error() / a.score(), 2) + Math.pow(b.error() / b.score(), 2));
        return fmt(r) + "x ± " + fmt(r * rel);
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
        String[] header = {"benchmark", "score (99.9% error)", "budget", "verdict"};
        int[] width = new int[header.length];
        for (int i = 0; i < header.length; i++) {
            width[i] = header[i].length();
            for (String[] row : rows) {
                width[i] = Math.max(width[i], row[i].length());
            }
        }
        String format = "%-" + width[0] + "s | %-" + width[1] + "s | %-" + width[2] + "s | %s%n";
        System.out.println();
        System.out.printf(Locale.ROOT, format, (Object[]) header);
        System.out.println("-".repeat(width[0] + width[1] + width[2] + width[3] + 9));
        for (String[] row : rows) {
            System.out.printf(Locale.ROOT, format, (Object[]) row);
        }
        System.out.println();
    }
}
