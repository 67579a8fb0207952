package dev.aiworkbench.ui.observability;

import dev.aiworkbench.eval.report.EvalHistory;
import dev.aiworkbench.eval.report.QualityMeasure;
import dev.aiworkbench.eval.report.QualityPoint;
import dev.aiworkbench.observability.CallFilter;
import dev.aiworkbench.observability.CallStats;
import dev.aiworkbench.observability.GroupBy;
import dev.aiworkbench.observability.LatencyHistogram;
import dev.aiworkbench.observability.LatencyMeasure;
import dev.aiworkbench.observability.TimeRange;

import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Reads a {@link Dashboard}: every figure is an SQL aggregate of {@link CallStats} (a handful of rows whatever the
 * number of calls) plus the suites' quality series from {@link EvalHistory}. Reads the database: call it off the
 * UI thread.
 */
final class DashboardReader {
    private final CallStats stats;
    private final EvalHistory evals;
    private final ZoneId zone;

    DashboardReader(CallStats stats, EvalHistory evals, ZoneId zone) {
        this.stats = stats;
        this.evals = evals;
        this.zone = zone;
    }

    Dashboard read(DashRange choice, TimeRange range, LatencyMeasure measure) {
        return new Dashboard(choice, range, stats.total(range, CallFilter.ALL),
                stats.daily(range, GroupBy.FEATURE, zone, CallFilter.ALL),
                stats.groups(range, GroupBy.MODEL, zone, CallFilter.ALL),
                stats.groups(range, GroupBy.FEATURE, zone, CallFilter.ALL), measure,
                stats.histogram(range, measure, LatencyHistogram.DEFAULT_BOUNDS_MS, CallFilter.ALL), quality(range));
    }

    private List<SuiteQuality> quality(TimeRange range) {
        List<SuiteQuality> suites = new ArrayList<>();
        for (String key : evals.suiteKeys()) {
            Map<QualityMeasure, List<QualityPoint>> series = evals.qualitySeries(key, range.from(), range.to());
            if (series.values().stream().anyMatch(points -> !points.isEmpty())) {
                suites.add(new SuiteQuality(key, series));
            }
        }
        return suites;
    }
}
