package dev.aiworkbench.ui.evals;

import dev.aiworkbench.eval.report.EvalReport;

import java.util.Optional;

/**
 * What the report pane shows: a run's report (live when it is of the run just made, whose gate was decided
 * now), or, without one, the sentence that says why there is none yet.
 */
record ReportState(Optional<EvalReport> report, boolean live, String message) {
    static ReportState none(String why) {
        return new ReportState(Optional.empty(), false, why);
    }

    static ReportState of(EvalReport report, boolean live) {
        return new ReportState(Optional.of(report), live, "");
    }
}
