package dev.aiworkbench.ui.observability;

import dev.aiworkbench.observability.DailyGroup;
import dev.aiworkbench.observability.LatencyHistogram;
import dev.aiworkbench.observability.LatencyMeasure;
import dev.aiworkbench.observability.TimeRange;
import dev.aiworkbench.observability.UsageGroup;

import java.util.List;

/**
 * What the dashboard shows for one time range, read in one go off the UI thread: the totals, the calls of each
 * day by feature, the groups by model and by feature, the latency histogram and each suite's quality series.
 */
public record Dashboard(DashRange choice, TimeRange range, UsageGroup total, List<DailyGroup> dailyByFeature,
                        List<UsageGroup> byModel, List<UsageGroup> byFeature, LatencyMeasure histogramMeasure,
                        LatencyHistogram histogram, List<SuiteQuality> quality) {
    public Dashboard {
        dailyByFeature = List.copyOf(dailyByFeature);
        byModel = List.copyOf(byModel);
        byFeature = List.copyOf(byFeature);
        quality = List.copyOf(quality);
    }

    /** No model call in the range (quality series may still exist: runs whose calls were pruned). */
    public boolean noCalls() {
        return total.calls() == 0;
    }
}
