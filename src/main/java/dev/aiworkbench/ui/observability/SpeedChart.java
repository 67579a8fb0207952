package dev.aiworkbench.ui.observability;

import dev.aiworkbench.observability.GroupBy;
import dev.aiworkbench.observability.UsageGroup;
import javafx.scene.chart.BarChart;
import javafx.scene.chart.CategoryAxis;
import javafx.scene.chart.NumberAxis;
import javafx.scene.chart.XYChart;

import java.util.List;
import java.util.function.BiConsumer;

/** The median output speed of each model, as the servers timed it; a bar opens the model's calls. */
final class SpeedChart extends BarChart<String, Number> {
    private final BiConsumer<GroupBy, String> drill;

    SpeedChart(BiConsumer<GroupBy, String> drill) {
        super(new CategoryAxis(), new NumberAxis());
        this.drill = drill;
        setId("speed-chart");
        setAnimated(false);
        setLegendVisible(false);
        setMinHeight(220);
        getYAxis().setLabel("Tokens per second (median)");
    }

    void show(Dashboard dashboard) {
        List<UsageGroup> timed = dashboard.byModel().stream().filter(g -> g.tokensPerSecond() != null).toList();
        XYChart.Series<String, Number> series = new XYChart.Series<>();
        for (UsageGroup group : timed) {
            XYChart.Data<String, Number> bar = new XYChart.Data<>(group.key(), group.tokensPerSecond());
            ChartParts.point(bar, group.key() + ": " + DashTexts.perSecond(group.tokensPerSecond()) + " (median)",
                    () -> drill.accept(GroupBy.MODEL, group.key()));
            series.getData().add(bar);
        }
        // One series: the axis takes its categories from it, in order (set by hand, they lost their labels).
        getData().setAll(List.of(series));
    }
}
