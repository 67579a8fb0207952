package dev.aiworkbench.eval.report;

import dev.aiworkbench.eval.run.EvalRun;
import dev.aiworkbench.eval.run.Shard;
import dev.aiworkbench.eval.stats.GateDecision;
import dev.aiworkbench.eval.stats.GateSpec;
import dev.aiworkbench.eval.stats.ItemOutcome;

import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * One shard's JSON report read back (see {@link ShardReportReader}): what {@link ShardMerge} needs to compute the
 * figures of all shards together as one run would.
 *
 * @param source   where it was read from, for messages
 * @param run      the run as the report describes it (no database behind it)
 * @param shard    the part of the suite it ran; empty for a run of the whole suite
 * @param items    its items, each with its repeats, in the report's order
 * @param baseline what it was paired with, when it had a baseline
 * @param gate     the decision its own gate took over its items only
 * @param quality  its RAG measures
 */
public record ShardReport(String source, EvalRun run, Optional<Shard> shard, List<ItemResult> items,
                          Optional<Baseline> baseline, Optional<GateSpec> gateSpec, Optional<GateDecision> gate,
                          Map<QualityMeasure, QualityPoint> quality) {
    public ShardReport {
        items = List.copyOf(items);
        quality = Map.copyOf(quality);
    }

    /** "shard 2/4 (shard-2.json)". */
    public String describe() {
        return shard.map(s -> "shard " + s).orElse("the whole suite") + " (" + source + ")";
    }

    /**
     * @param runId       the baseline run's id
     * @param sameDataset whether the baseline ran the same items
     * @param items       the baseline's per-item outcomes
     */
    public record Baseline(String runId, boolean sameDataset, List<ItemOutcome> items) {
        public Baseline {
            items = List.copyOf(items);
        }
    }
}
