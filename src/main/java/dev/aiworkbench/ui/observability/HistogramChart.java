package dev.aiworkbench.ui.observability;

import dev.aiworkbench.observability.LatencyHistogram;
import javafx.scene.chart.BarChart;
import javafx.scene.chart.CategoryAxis;
import javafx.scene.chart.NumberAxis;
import javafx.scene.chart.XYChart;

import java.util.List;

/**
 * How the calls that ended well spread over latency buckets (the OpenTelemetry GenAI buckets, doubling from
 * 10 ms): empty buckets at either end are left out so the bars that matter are wide enough to read.
 */
final class HistogramChart extends BarChart<String, Number> {
    HistogramChart() {
        super(new CategoryAxis(), new NumberAxis());
        setId("latency-histogram");
        setAnimated(false);
        setLegendVisible(false);
        setCategoryGap(2);
        setMinHeight(220);
        getYAxis().setLabel("Calls");
    }

    void show(LatencyHistogram histogram) {
        List<Long> counts = histogram.counts();
        int first = 0;
        while (first < counts.size() - 1 && counts.get(first) == 0) {
            first++;
        }
        int last = counts.size() - 1;
        while (last > first && counts.get(last) == 0) {
            last--;
        }
        XYChart.Series<String, Number> series = new XYChart.Series<>();
        for (int i = first; i <= last && histogram.total() > 0; i++) {
            String name = i < histogram.upperBoundsMs().size() ? "≤ " + DashTexts.bound(histogram.upperBoundsMs().get(i))
                    : "> " + DashTexts.bound(histogram.upperBoundsMs().get(i - 1));
            XYChart.Data<String, Number> bar = new XYChart.Data<>(name, counts.get(i));
            ChartParts.point(bar, name + ": " + DashTexts.count(counts.get(i)) + " calls", null);
            series.getData().add(bar);
        }
        // One series: the axis takes its categories from it, in order (set by hand, they lost their labels).
        getData().setAll(List.of(series));
    }
}
