package dev.aiworkbench.eval.report;

import dev.aiworkbench.eval.stats.GateDecision;
import dev.aiworkbench.eval.stats.PairedComparison;
import dev.aiworkbench.eval.stats.RunSummary;

import java.util.List;

/** A short Markdown summary fit for a pull-request comment: the verdict first, then the numbers and the failures. */
public final class MarkdownReportWriter {
    private static final int FAILURES_SHOWN = 15;

    private MarkdownReportWriter() {
    }

    /**
     * The report of a whole suite: for one cell, exactly {@link #write(EvalReport)}; for several, the matrix of pass
     * rates (a row per prompt, a column per provider), every pair of cells compared, then each cell's own summary.
     */
    public static String write(MatrixReport matrix) {
        if (matrix.single()) {
            return write(matrix.cells().getFirst());
        }
        return MatrixMarkdown.write(matrix, MarkdownReportWriter::write);
    }

    public static String write(EvalReport report) {
        StringBuilder md = new StringBuilder();
        String title = report.run().description() == null || report.run().description().isBlank()
                ? report.run().suiteFile() : report.run().description();
        md.append("### Eval: ").append(title).append("\n\n");
        report.gate().ifPresent(gate -> md.append(gate.passed() ? "**Gate passed**" : "**Gate blocked**")
                .append(" (").append(gate.mode().configName()).append("): ").append(gate.reason()).append("\n\n"));
        md.append("`").append(report.run().promptLabel()).append("` on `").append(report.run().model())
                .append("`, run `").append(report.run().id()).append("`\n\n");
        RunSummary summary = report.summary().orElse(null);
        md.append("| | |\n|---|---|\n");
        md.append("| Items | ").append(report.items().size()).append(" (").append(report.passed()).append(" passed, ")
                .append(report.failed()).append(" failed, ").append(report.errors()).append(" errors) |\n");
        if (summary != null) {
            md.append("| Pass rate | ").append(summary.passRate().explain()).append(" |\n");
            md.append("| Mean score | ").append(summary.meanScore().explain()).append(" |\n");
            report.quality().forEach((measure, point) -> md.append("| ").append(capitalised(measure.label()))
                    .append(" | ").append(QualityPoints.explain(measure, point)).append(" |\n"));
            if (!summary.flakyItems().isEmpty()) {
                md.append("| Flaky | ").append(summary.flakyItems().size()).append(" items disagreed across repeats |\n");
            }
        }
        report.baseline().ifPresent(baseline -> {
            PairedComparison c = baseline.comparison();
            md.append("| Baseline | `").append(baseline.baseline().id()).append("`: ").append(c.explain()).append(" |\n");
        });
        md.append("\n");
        for (String warning : report.warnings()) {
            md.append("> ").append(warning).append("\n");
        }
        report.gate().map(GateDecision::warnings).orElse(List.of()).forEach(w -> md.append("> ").append(w).append("\n"));
        List<ItemResult> failing = report.items().stream().filter(i -> !i.pass()).toList();
        if (!failing.isEmpty()) {
            md.append("\n<details><summary>").append(failing.size()).append(" failing or erroring items</summary>\n\n");
            for (ItemResult item : failing.subList(0, Math.min(FAILURES_SHOWN, failing.size()))) {
                md.append("- **").append(item.description() == null ? item.key() : item.description()).append("**")
                        .append(item.changed() ? " (changed from the baseline)" : "").append(": ");
                if (item.error() != null) {
                    md.append("error: ").append(item.error());
                } else {
                    md.append(String.join("; ", item.shown().assertions().stream().filter(a -> !a.pass())
                            .map(a -> a.type() + ": " + a.reason()).toList()));
                }
                md.append("\n");
            }
            if (failing.size() > FAILURES_SHOWN) {
                md.append("- … and ").append(failing.size() - FAILURES_SHOWN).append(" more\n");
            }
            md.append("\n</details>\n");
        }
        return md.toString().replace("\n\n\n", "\n\n");
    }

    private static String capitalised(String label) {
        return Character.toUpperCase(label.charAt(0)) + label.substring(1);
    }
}
