package dev.aiworkbench.ui.observability;

import dev.aiworkbench.observability.GroupBy;
import dev.aiworkbench.observability.UsageGroup;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.scene.chart.BarChart;
import javafx.scene.chart.CategoryAxis;
import javafx.scene.chart.NumberAxis;
import javafx.scene.chart.XYChart;

import java.util.List;
import java.util.function.BiConsumer;

/** Cost or calls by model or by feature, one bar a group; a bar opens its calls. */
final class GroupChart extends BarChart<String, Number> {
    private final NumberAxis values;
    private final BiConsumer<GroupBy, String> drill;
    private final ObjectProperty<GroupBy> by = new SimpleObjectProperty<>(GroupBy.MODEL);
    private final ObjectProperty<Amount> amount = new SimpleObjectProperty<>(Amount.CALLS);
    private Dashboard shown;

    GroupChart(BiConsumer<GroupBy, String> drill) {
        super(new CategoryAxis(), new NumberAxis());
        this.values = (NumberAxis) getYAxis();
        this.drill = drill;
        setId("group-chart");
        setAnimated(false);
        setLegendVisible(false);
        setMinHeight(240);
        by.addListener((obs, was, now) -> redraw());
        amount.addListener((obs, was, now) -> redraw());
    }

    ObjectProperty<GroupBy> byProperty() {
        return by;
    }

    ObjectProperty<Amount> amountProperty() {
        return amount;
    }

    void show(Dashboard dashboard) {
        shown = dashboard;
        redraw();
    }

    private void redraw() {
        if (shown == null) {
            return;
        }
        GroupBy grouping = by.get();
        Amount measure = amount.get();
        List<UsageGroup> groups = grouping == GroupBy.FEATURE ? shown.byFeature() : shown.byModel();
        values.setLabel(measure.axis());
        XYChart.Series<String, Number> series = new XYChart.Series<>();
        series.setName(measure + " by " + grouping.id());
        for (UsageGroup group : groups) {
            XYChart.Data<String, Number> bar = new XYChart.Data<>(group.key(), measure.of(group));
            ChartParts.point(bar, group.key() + ": " + DashTexts.count(group.calls()) + " calls, "
                    + DashTexts.count(group.errors()) + " errors, " + DashTexts.usd(group.costUsd()),
                    () -> drill.accept(grouping, group.key()));
            series.getData().add(bar);
        }
        // One series: the axis takes its categories from it, in order (set by hand, they lost their labels).
        getData().setAll(List.of(series));
    }
}
