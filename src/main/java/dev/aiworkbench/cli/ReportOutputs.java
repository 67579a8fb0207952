package dev.aiworkbench.cli;

import dev.aiworkbench.eval.report.EvalHistory;
import dev.aiworkbench.eval.report.EvalReport;
import dev.aiworkbench.eval.report.CellComparison;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;

/** What {@code eval run} and {@code eval merge} share: checking and writing report files, and the summary they print. */
final class ReportOutputs {
    private ReportOutputs() {
    }

    /** The report's folder must be a folder (or creatable as one), and the report not a folder itself. */
    static void checkWritable(Path output) {
        Path path = output.toAbsolutePath();
        if (Files.isDirectory(path)) {
            throw new CommandFailure(output + " is a folder; give the file name to write the report to.", Cli.USAGE);
        }
        Path existing = path.getParent();
        while (existing != null && !Files.exists(existing)) {
            existing = existing.getParent();
        }
        if (existing != null && !Files.isDirectory(existing)) {
            throw new CommandFailure("Cannot write " + output + ": " + existing + " is a file, not a folder; "
                    + "choose another path for the report.", Cli.USAGE);
        }
        if (existing != null && !Files.isWritable(existing)) {
            throw new CommandFailure("Cannot write " + output + ": the folder " + existing + " is not writable; "
                    + "choose another path for the report.", Cli.USAGE);
        }
    }

    static void write(Path path, String text) throws IOException {
        Path parent = path.toAbsolutePath().getParent();
        if (parent != null) {
            Files.createDirectories(parent);
        }
        Files.writeString(path, text, StandardCharsets.UTF_8);
    }

    static void printSummary(PrintWriter out, EvalReport report) {
        out.println(report.run().id() + "  " + report.run().promptLabel() + " on " + report.run().model());
        report.summary().ifPresent(s -> {
            out.println("  " + s.passRate().explain());
            out.println("  " + s.meanScore().explain());
        });
        report.quality().forEach((measure, point) -> out.println("  " + EvalHistory.explain(measure, point)));
        out.printf(Locale.ROOT, "  %d passed, %d failed, %d errors%n", report.passed(), report.failed(), report.errors());
        report.baseline().ifPresent(b -> out.println("  against " + b.baseline().id() + ": " + b.comparison().explain()));
        report.gate().ifPresent(g -> out.println("  gate " + g.decision().label() + ": " + g.reason()));
        report.warnings().forEach(w -> out.println("  note: " + w));
        report.gate().ifPresent(g -> g.warnings().forEach(w -> out.println("  note: " + w)));
    }

    /** The suite's cells compared, once every cell has run; nothing for a one-cell suite. */
    static void printComparisons(PrintWriter out, List<CellComparison> comparisons) {
        if (comparisons.isEmpty()) {
            return;
        }
        out.println("Cells compared (each pair, the later against the earlier, on the items both graded):");
        for (CellComparison c : comparisons) {
            out.println("  " + CellComparison.cell(c.candidate()) + " against " + CellComparison.cell(c.baseline())
                    + ": " + c.explain());
        }
    }
}
