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

/** Which runs are paired: within a prompt, every other provider with the first; never across prompts. */
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

    @Test
    void eachPromptPairsItsOtherProvidersWithItsFirst() {
        List<CellComparison> compared = CellComparisons.of(List.of(
                report("r1", "A", "openai:chat:x", "ppppf"), report("r2", "A", "ollama:chat:y", "pfffp"),
                report("r3", "A", "anthropic:messages:z", "ppppp"),
                report("r4", "B", "openai:chat:x", "ffff"), report("r5", "B", "ollama:chat:y", "ppff"),
                report("r6", "B", "anthropic:messages:z", "ffff")));

        assertThat(compared).extracting(c -> c.prompt() + ":" + c.baseline().id() + "→" + c.candidate().id())
                .containsExactly("A:r1→r2", "A:r1→r3", "B:r4→r5", "B:r4→r6");
        assertThat(compared.get(0).paired().orElseThrow().mcnemar()).extracting("b", "c").containsExactly(3, 1);
        assertThat(compared.get(1).paired().orElseThrow().mcnemar()).extracting("b", "c").containsExactly(0, 1);
        assertThat(compared.get(2).paired().orElseThrow().mcnemar()).extracting("b", "c").containsExactly(0, 2);
        assertThat(compared.get(2).paired().orElseThrow().delta()).isEqualTo(0.5);
        assertThat(compared.get(3).paired().orElseThrow().items()).isEqualTo(4);
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
    void aSingleProviderSuiteHasNoComparison() {
        assertThat(CellComparisons.of(List.of(report("r1", "A", "ollama:chat:y", "pf"),
                report("r2", "B", "ollama:chat:y", "pp")))).isEmpty();
    }

    @Test
    void aProviderWhoseItemsAllErroredIsListedAsNotPairedWithTheReason() {
        EvalReport first = report("r1", "A", "openai:chat:x", "pp");
        List<CellComparison> compared = CellComparisons.of(List.of(first,
                report("r2", "A", "ollama:chat:y", "ee")));

        assertThat(compared).hasSize(1);
        assertThat(compared.get(0).paired()).isEmpty();
        assertThat(compared.get(0).explain()).contains("cannot be paired");
        assertThat(JsonReportWriter.write(first, compared)).contains("\"items\" : 0").contains("\"b\" : null");
    }

    @Test
    void aReportCarriesOnlyTheComparisonsOfItsOwnRun() {
        EvalReport other = report("r9", "B", "openai:chat:x", "pp");
        List<CellComparison> compared = CellComparisons.of(List.of(report("r1", "A", "openai:chat:x", "pf"),
                report("r2", "A", "ollama:chat:y", "fp")));

        assertThat(JsonReportWriter.write(other, compared)).doesNotContain("comparisons");
        assertThat(MarkdownReportWriter.write(other, compared)).doesNotContain("Providers compared");
    }
}
