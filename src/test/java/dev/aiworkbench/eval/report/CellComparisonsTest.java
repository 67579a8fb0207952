package dev.aiworkbench.eval.report;

import dev.aiworkbench.eval.run.EvalRun;
import dev.aiworkbench.eval.run.Fingerprint;
import dev.aiworkbench.eval.run.RunState;
import dev.aiworkbench.eval.stats.RunSummary;
import dev.aiworkbench.eval.stats.Trial;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

/** Which cells are paired (every pair, the later against the earlier) and the figures of each pair. */
class CellComparisonsTest {

    private static EvalReport report(String id, String prompt, String provider, String verdicts) {
        EvalRun run = new EvalRun(id, "suite#" + prompt + "@" + provider, "suite.yaml", null, prompt, provider, provider,
                new Fingerprint("p", "d", "a", "o", null), 1, verdicts.length(), RunState.FINISHED, Instant.EPOCH, Instant.EPOCH, null, null, null, null,
                null, null, null);
        List<Trial> trials = new ArrayList<>();
        for (int i = 0; i < verdicts.length(); i++) {
            String key = "item" + i;
            trials.add(switch (verdicts.charAt(i)) {
                case 'p' -> Trial.passed(key, 1);
                case 'f' -> Trial.failed(key, 0);
                default -> Trial.errored(key);
            });
        }
        Optional<RunSummary> summary = verdicts.chars().allMatch(c -> c == 'e') ? Optional.empty()
                : Optional.of(RunSummary.of(trials));
        return new EvalReport(run, List.of(), summary, Optional.empty(), Optional.empty(), Optional.empty(), List.of(),
                Map.of(), List.of());
    }

    /**
     * Every pair of cells, the later against the earlier, across prompts and providers alike. The figures by hand:
     * r1 ppppf against r2 pfffp has b = 3 (items 1–3 fell), c = 1 (item 4 rose), exact p = 2·(1 + 4)/16 = 0.625 and
     * Δ = 2/5 − 4/5 = −0.4; r1 against r3 ppppp has b = 0, c = 1, p = 1, Δ = +0.2; r2 against r3 has b = 0, c = 3,
     * p = 2/8 = 0.25, Δ = +0.6 (item 0 and 4 passed in both). The intervals are Newcombe's method 10, computed apart from the code under test
     * (Wilson limits at z = 1.959964, the corrected φ).
     */
    @Test
    void everyPairOfCellsIsComparedTheLaterAgainstTheEarlier() {
        List<CellComparison> compared = CellComparisons.of(List.of(
                report("r1", "A", "openai:chat:x", "ppppf"), report("r2", "A", "ollama:chat:y", "pfffp"),
                report("r3", "B", "openai:chat:x", "ppppp")));

        assertThat(compared).extracting(c -> c.baseline().id() + "→" + c.candidate().id())
                .containsExactly("r1→r2", "r1→r3", "r2→r3");
        double[][] expected = {{3, 1, 0.625, -0.4, -0.8039817, 0.3130973}, {0, 1, 1, 0.2, -0.2643248, 0.6244654},
                {0, 3, 0.25, 0.6, 0.0297899, 0.8823792}};
        for (int i = 0; i < expected.length; i++) {
            var paired = compared.get(i).paired().orElseThrow();
            assertThat(paired.items()).isEqualTo(5);
            assertThat(paired.mcnemar().b()).as("b of pair %d", i).isEqualTo((int) expected[i][0]);
            assertThat(paired.mcnemar().c()).as("c of pair %d", i).isEqualTo((int) expected[i][1]);
            assertThat(paired.mcnemar().pExact()).as("p of pair %d", i).isCloseTo(expected[i][2], within(1e-12));
            assertThat(paired.delta()).as("delta of pair %d", i).isCloseTo(expected[i][3], within(1e-12));
            assertThat(paired.deltaCi95().low()).as("low of pair %d", i).isCloseTo(expected[i][4], within(1e-6));
            assertThat(paired.deltaCi95().high()).as("high of pair %d", i).isCloseTo(expected[i][5], within(1e-6));
        }
        assertThat(CellComparison.cell(compared.get(2).baseline())).isEqualTo("'A' on ollama:chat:y");
    }

    @Test
    void theItemsTheTwoGradeDifferentlyAreListedWithBothVerdicts() {
        List<CellComparison> compared = CellComparisons.of(List.of(report("r1", "A", "openai:chat:x", "ppfpf"),
                report("r2", "A", "ollama:chat:y", "pfpff")));

        assertThat(compared.get(0).differing()).extracting(d -> d.key() + ":" + d.baselinePass() + "→"
                + d.candidatePass() + (d.rose() ? " rose" : " fell"))
                .containsExactly("item1:1.0→0.0 fell", "item2:0.0→1.0 rose", "item3:1.0→0.0 fell");
    }

    @Test
    void aSuiteOfOneCellHasNoComparison() {
        assertThat(CellComparisons.of(List.of(report("r1", "A", "ollama:chat:y", "pf")))).isEmpty();
    }

    @Test
    void aCellWhoseItemsAllErroredIsListedAsNotPairedWithTheReason() {
        EvalReport first = report("r1", "A", "openai:chat:x", "pp");
        MatrixReport matrix = MatrixReport.of(List.of(first, report("r2", "A", "ollama:chat:y", "ee")),
                Optional.empty());

        assertThat(matrix.comparisons()).hasSize(1);
        assertThat(matrix.comparisons().get(0).paired()).isEmpty();
        assertThat(matrix.comparisons().get(0).explain()).contains("cannot be paired");
        assertThat(JsonReportWriter.write(matrix)).contains("\"items\" : 0").contains("\"b\" : null");
    }

    @Test
    void aSuiteOfOneCellKeepsTheShapeOfASingleRunsReport() {
        EvalReport only = report("r1", "A", "ollama:chat:y", "pf");
        MatrixReport matrix = MatrixReport.of(List.of(only), Optional.empty());

        assertThat(JsonReportWriter.write(matrix)).isEqualTo(JsonReportWriter.write(only)).doesNotContain("\"cells\"");
        assertThat(MarkdownReportWriter.write(matrix)).isEqualTo(MarkdownReportWriter.write(only));
    }
}
