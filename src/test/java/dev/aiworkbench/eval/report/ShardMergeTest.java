package dev.aiworkbench.eval.report;

import dev.aiworkbench.eval.run.CaseResult;
import dev.aiworkbench.eval.run.EvalRun;
import dev.aiworkbench.eval.run.Fingerprint;
import dev.aiworkbench.eval.run.MeasureAggregate;
import dev.aiworkbench.eval.run.RunState;
import dev.aiworkbench.eval.run.Shard;
import dev.aiworkbench.eval.stats.DropScale;
import dev.aiworkbench.eval.stats.GateMode;
import dev.aiworkbench.eval.stats.GateSpec;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

/** What the end-to-end merge test cannot reach with the fake model: RAG measures pooled over shards. */
class ShardMergeTest {
    private static final Instant AT = Instant.parse("2026-01-05T10:00:00Z");
    private static final Fingerprint FINGERPRINT = new Fingerprint("p", "d", "a", "o", "m");

    private static ShardReport shard(int number, double... faithfulness) {
        List<ItemResult> items = Arrays.stream(faithfulness).mapToObj(score -> {
            String key = "item-" + number + "-" + score;
            return ItemResult.of(key, List.of(new CaseResult(key, 0, null, null, Map.of(), "", "out", true, 1, null,
                    List.of(), 5L, null, null, 1, AT)));
        }).toList();
        EvalRun run = new EvalRun("run-" + number, new Shard(number, 2).key("suite.yaml"), "suite.yaml", null, "p",
                "ollama:chat:tiny", "tiny", FINGERPRINT, 1, items.size(), RunState.FINISHED, AT, AT, null, null, null,
                null, null, null, null);
        return new ShardReport("shard-" + number + ".json", run, Optional.of(new Shard(number, 2)), items,
                Optional.empty(), Optional.empty(), Optional.empty(),
                Map.of(QualityMeasure.FAITHFULNESS, QualityPoints.measure(aggregate(faithfulness))));
    }

    private static MeasureAggregate aggregate(double... scores) {
        double mean = Arrays.stream(scores).average().orElseThrow();
        double squares = Arrays.stream(scores).map(s -> s * s).average().orElseThrow();
        return new MeasureAggregate("run", AT, "context-faithfulness", scores.length, mean, squares);
    }

    @Test
    void ragMeasuresArePooledOverTheShardsItems() {
        EvalReport merged = ShardMerge.merge(List.of(shard(1, 0.2, 0.8, 1.0), shard(2, 0.5, 0.7, 0.9, 0.1)),
                Optional.empty(), false);

        QualityPoint pooled = merged.quality().get(QualityMeasure.FAITHFULNESS);
        QualityPoint whole = QualityPoints.measure(aggregate(0.2, 0.8, 1.0, 0.5, 0.7, 0.9, 0.1));
        assertThat(pooled.items()).isEqualTo(7);
        assertThat(pooled.value()).isCloseTo(whole.value(), within(1e-12));
        assertThat(pooled.low()).isCloseTo(whole.low(), within(1e-12));
        assertThat(pooled.high()).isCloseTo(whole.high(), within(1e-12));
        assertThat(pooled.meanOfSquares()).isCloseTo(whole.meanOfSquares(), within(1e-12));
        assertThat(merged.items()).hasSize(7).isSortedAccordingTo(java.util.Comparator.comparing(ItemResult::key));
        assertThat(merged.mergedFrom()).containsExactly("run-1", "run-2");
    }

    @Test
    void aMergedReportReadsBackAsItWasWritten() {
        EvalReport merged = ShardMerge.merge(List.of(shard(1, 0.2, 0.8), shard(2, 0.5)), Optional.empty(), false);

        ShardReport read = ShardReportReader.read("merged.json", JsonReportWriter.write(merged));

        assertThat(read.items()).isEqualTo(merged.items().stream().map(i -> new ItemResult(i.key(), i.description(),
                List.of(new CaseResult(i.key(), 0, null, null, Map.of(), "", "out", true, 1, null, List.of(), 5L, null,
                        null, 1, null)), i.pass(), i.score(), i.passFraction(), i.flaky(), i.error(), i.changed())).toList());
        assertThat(read.quality()).isEqualTo(merged.quality().entrySet().stream().collect(java.util.stream.Collectors
                .toMap(Map.Entry::getKey, e -> new QualityPoint(AT, e.getValue().value(), e.getValue().low(),
                        e.getValue().high(), merged.run().id(), e.getValue().items(), e.getValue().meanOfSquares()))));
    }

    @Test
    void aRelativeGateSurvivesTheReportSoShardsAreGatedAlike() {
        GateSpec relative = new GateSpec("run-0", 0.02, DropScale.RELATIVE, 0.05, GateMode.SIGNIFICANT_DROP);
        EvalReport merged = ShardMerge.merge(List.of(shard(1, 0.2), shard(2, 0.5)), Optional.of(relative), false);

        String json = JsonReportWriter.write(merged);
        assertThat(json).contains("\"maxRelativeDrop\"").doesNotContain("\"maxDrop\"");
        assertThat(ShardReportReader.read("merged.json", json).gateSpec()).contains(relative);

        GateSpec points = GateSpec.defaults();
        assertThat(ShardReportReader.read("merged.json", JsonReportWriter.write(ShardMerge.merge(
                List.of(shard(1, 0.2), shard(2, 0.5)), Optional.of(points), false))).gateSpec()).contains(points);
    }
}
