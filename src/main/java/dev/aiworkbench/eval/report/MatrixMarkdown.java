package dev.aiworkbench.eval.report;

import dev.aiworkbench.eval.stats.PairedComparison;
import dev.aiworkbench.eval.stats.RunSummary;

import java.util.Locale;
import java.util.function.Function;

/** A prompt × provider suite's report in Markdown: the matrix, the pairwise table, then each cell's summary. */
final class MatrixMarkdown {
    private MatrixMarkdown() {
    }

    static String write(MatrixReport matrix, Function<EvalReport, String> cellSummary) {
        StringBuilder md = new StringBuilder();
        String description = matrix.first().description();
        md.append("### Eval: ").append(description == null || description.isBlank() ? matrix.first().suiteFile()
                : description).append("\n\n");
        matrix.gatedCell().ifPresent(cell -> md.append("The gate guards `").append(cell.run().promptLabel())
                .append("` on `").append(cell.run().providerId()).append("`: ").append(cell.gate()
                        .map(g -> (g.passed() ? "**passed**" : "**blocked**") + " — " + g.reason()).orElse("no decision"))
                .append("\n\n"));
        md.append("#### Matrix\n\nPass rate with its 95% interval and the items it is over; – where the provider's "
                + "`prompts` leave the prompt out.\n\n| Prompt |");
        matrix.providers().forEach(p -> md.append(" `").append(p).append("` |"));
        md.append("\n|---|").append("---|".repeat(matrix.providers().size())).append("\n");
        for (String prompt : matrix.prompts()) {
            md.append("| `").append(prompt).append("` |");
            for (String provider : matrix.providers()) {
                md.append(" ").append(matrix.cell(prompt, provider).map(MatrixMarkdown::figure).orElse("–"))
                        .append(" |");
            }
            md.append("\n");
        }
        md.append("\n#### Cells compared\n\nEach pair of cells on the items both graded, the later against the earlier: "
                + "b items fell, c rose, McNemar's exact p, the change in pass rate with its 95% interval.\n\n"
                + "| Baseline | Candidate | n | b | c | exact p | change [95% CI] |\n|---|---|---|---|---|---|---|\n");
        for (CellComparison c : matrix.comparisons()) {
            md.append("| ").append(CellComparison.cell(c.baseline())).append(" | ")
                    .append(CellComparison.cell(c.candidate())).append(" | ");
            if (c.paired().isEmpty()) {
                md.append("– | – | – | – | ").append(c.explain()).append(" |\n");
                continue;
            }
            PairedComparison p = c.paired().get();
            md.append(p.items()).append(" | ").append(p.mcnemar().b()).append(" | ").append(p.mcnemar().c())
                    .append(" | ").append(String.format(Locale.ROOT, "%.3f", p.mcnemar().pExact())).append(" | ")
                    .append(String.format(Locale.ROOT, "%+.1f [%+.1f, %+.1f] points", 100 * p.delta(),
                            100 * p.deltaCi95().low(), 100 * p.deltaCi95().high())).append(" |\n");
        }
        for (EvalReport cell : matrix.cells()) {
            md.append("\n<details><summary>`").append(cell.run().promptLabel()).append("` on `")
                    .append(cell.run().providerId()).append("`</summary>\n\n")
                    .append(cellSummary.apply(cell).replaceFirst("^### Eval: [^\n]*\n\n", ""))
                    .append("\n</details>\n");
        }
        return md.toString();
    }

    private static String pct(double fraction) {
        return String.format(Locale.ROOT, "%.1f%%", 100 * fraction);
    }

    private static String figure(EvalReport cell) {
        RunSummary summary = cell.summary().orElse(null);
        if (summary == null) {
            return "every item errored";
        }
        return pct(summary.passRate().rate()) + " [" + pct(summary.passRate().ci95().low()) + ", "
                + pct(summary.passRate().ci95().high()) + "] (n=" + summary.n() + ")"
                + (cell.blocked() ? " **blocked**" : "");
    }
}
