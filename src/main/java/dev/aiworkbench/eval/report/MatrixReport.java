package dev.aiworkbench.eval.report;

import dev.aiworkbench.eval.run.EvalRun;

import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;

/**
 * One report for a suite of several prompts or providers: each cell (a prompt on a provider, a run within the suite's
 * one run, or read from a run of its own) with its figures, and every pair of cells compared.
 *
 * @param cells       each cell's report, in the order the cells ran (prompt by prompt, provider by provider)
 * @param comparisons every pair of cells, the later against the earlier ({@link CellComparisons})
 * @param gatedRunId  the run of the one cell the gate guards, when the gate names a cell; empty when it guards every
 *                    cell (or there is no gate)
 */
public record MatrixReport(List<EvalReport> cells, List<CellComparison> comparisons, Optional<String> gatedRunId) {

    public MatrixReport {
        if (cells.isEmpty()) {
            throw new IllegalArgumentException("a matrix has at least one cell");
        }
        cells = List.copyOf(cells);
        comparisons = List.copyOf(comparisons);
    }

    public static MatrixReport of(List<EvalReport> cells, Optional<String> gatedRunId) {
        return new MatrixReport(cells, CellComparisons.of(cells), gatedRunId);
    }

    /** A suite of one prompt on one provider, whose report keeps the shape of a single run's. */
    public boolean single() {
        return cells.size() == 1;
    }

    /** The prompts' labels in the order they first ran. */
    public List<String> prompts() {
        return List.copyOf(cells.stream().map(c -> c.run().promptLabel()).collect(
                java.util.stream.Collectors.toCollection(LinkedHashSet::new)));
    }

    /** The providers' ids in the order they first ran. */
    public List<String> providers() {
        return List.copyOf(cells.stream().map(c -> c.run().providerId()).collect(
                java.util.stream.Collectors.toCollection(LinkedHashSet::new)));
    }

    /** The cell of a prompt on a provider; empty where the provider's {@code prompts} left that prompt out. */
    public Optional<EvalReport> cell(String prompt, String provider) {
        return cells.stream().filter(c -> c.run().promptLabel().equals(prompt) && c.run().providerId().equals(provider))
                .findFirst();
    }

    /** Whether a gate blocked: the named cell's, or any cell's when the gate guards every cell. */
    public boolean blocked() {
        return cells.stream().anyMatch(EvalReport::blocked);
    }

    /** The cell the gate guards, when it names one. */
    public Optional<EvalReport> gatedCell() {
        return gatedRunId.flatMap(id -> cells.stream().filter(c -> c.run().id().equals(id)).findFirst());
    }

    /** The stored run whose cells these are, when they are all cells of one run (a suite run as one). */
    public Optional<String> runId() {
        Optional<String> first = first().matrixRunId();
        return first.isPresent() && cells.stream().allMatch(c -> c.run().matrixRunId().equals(first)) ? first
                : Optional.empty();
    }

    /** The first cell's run, for what the cells share (the suite's file and description). */
    public EvalRun first() {
        return cells.getFirst().run();
    }
}
