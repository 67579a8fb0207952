/**
 * The statistics of the eval runner: pure, deterministic functions over records, no I/O.
 * <p>
 * Flow: {@link dev.aiworkbench.eval.stats.Trial}s (one per item per repeat) →
 * {@link dev.aiworkbench.eval.stats.RunSummary#of} (per-item aggregation, pass rate with Wilson interval, mean score
 * with a seeded bootstrap interval, clustered when items share clusters, small-sample warning) →
 * {@link dev.aiworkbench.eval.stats.PairedComparison#of} against the baseline on the same items (b, c, McNemar's exact
 * and mid-p, Newcombe interval for the change, paired bootstrap for scores, minimum detectable drop) →
 * {@link dev.aiworkbench.eval.stats.Gate#decide} with a {@link dev.aiworkbench.eval.stats.GateSpec}.
 * Every figure is a record carrying its inputs and an {@code explain()} sentence.
 * <p>
 * The estimators follow ../shared/reference/eval-tools-and-statistics.md §5.2; each class documents its formula,
 * its conventions and the reasons for any choice the reference leaves open.
 */
package dev.aiworkbench.eval.stats;
