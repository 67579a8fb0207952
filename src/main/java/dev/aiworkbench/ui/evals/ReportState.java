package dev.aiworkbench.ui.evals;

import dev.aiworkbench.eval.report.EvalReport;
import dev.aiworkbench.eval.report.ProviderComparison;

import java.util.List;
import java.util.Optional;

/**
 * What the report pane shows: a run's report (live when it is of the run just made, whose gate was decided
 * now) with the suite's other providers compared with it, or, without one, the sentence that says why there is none yet.
 *
 * @param providers the comparisons of the report's run with the suite's other providers; empty until they are read,
 *                  and for a suite of one provider
 */
record ReportState(Optional<EvalReport> report, boolean live, String message, List<ProviderComparison> providers) {
    ReportState {
        providers = List.copyOf(providers);
    }

    static ReportState none(String why) {
        return new ReportState(Optional.empty(), false, why, List.of());
    }

    static ReportState of(EvalReport report, boolean live) {
        return new ReportState(Optional.of(report), live, "", List.of());
    }

    ReportState withProviders(List<ProviderComparison> compared) {
        return new ReportState(report, live, message, compared);
    }
}
