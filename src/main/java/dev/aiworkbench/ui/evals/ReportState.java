package dev.aiworkbench.ui.evals;

import dev.aiworkbench.eval.report.CellComparison;
import dev.aiworkbench.eval.report.EvalReport;
import dev.aiworkbench.eval.report.MatrixReport;

import java.util.List;
import java.util.Optional;

/**
 * What the report pane shows: a run's report (live when it is of the run just made, whose gate was decided
 * now) with the suite's prompt × provider matrix around it, or, without one, the sentence that says why there is none
 * yet.
 *
 * @param matrix the suite's cells, the shown run being one; empty until they are read, and for a suite of one cell
 */
record ReportState(Optional<EvalReport> report, boolean live, String message, Optional<MatrixReport> matrix) {

    static ReportState none(String why) {
        return new ReportState(Optional.empty(), false, why, Optional.empty());
    }

    static ReportState of(EvalReport report, boolean live) {
        return new ReportState(Optional.of(report), live, "", Optional.empty());
    }

    ReportState withMatrix(MatrixReport read) {
        return new ReportState(report, live, message, Optional.of(read));
    }

    /** The pairs of cells the shown run is one of, the later against the earlier. */
    List<CellComparison> comparisons() {
        return matrix.map(m -> m.comparisons().stream().filter(c -> report.map(r -> c.involves(r.run())).orElse(false))
                .toList()).orElse(List.of());
    }
}
