package dev.aiworkbench.ui.observability;

import dev.aiworkbench.observability.DailyGroup;
import dev.aiworkbench.observability.UsageGroup;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.collections.FXCollections;
import javafx.scene.chart.CategoryAxis;
import javafx.scene.chart.NumberAxis;
import javafx.scene.chart.StackedBarChart;
import javafx.scene.chart.XYChart;

import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.BiConsumer;

/** Cost or calls per day, each bar stacked by feature; a segment opens the calls of that feature that day. */
final class DailyChart extends StackedBarChart<String, Number> {
    private final CategoryAxis days;
    private final NumberAxis values;
    private final ZoneId zone;
    private final BiConsumer<LocalDate, String> drill;
    private final ObjectProperty<Amount> amount = new SimpleObjectProperty<>(Amount.CALLS);
    private Dashboard shown;

    DailyChart(ZoneId zone, BiConsumer<LocalDate, String> drill) {
        super(new CategoryAxis(), new NumberAxis());
        this.days = (CategoryAxis) getXAxis();
        this.values = (NumberAxis) getYAxis();
        this.zone = zone;
        this.drill = drill;
        setId("daily-chart");
        setAnimated(false);
        setCategoryGap(4);
        setMinHeight(240);
        amount.addListener((obs, was, now) -> {
            if (shown != null) {
                show(shown);
            }
        });
    }

    ObjectProperty<Amount> amountProperty() {
        return amount;
    }

    void show(Dashboard dashboard) {
        shown = dashboard;
        Amount measure = amount.get();
        values.setLabel(measure.axis());
        List<String> categories = new ArrayList<>();
        LocalDate last = LocalDate.ofInstant(dashboard.range().to(), zone);
        for (LocalDate day = LocalDate.ofInstant(dashboard.range().from(), zone); !day.isAfter(last);
             day = day.plusDays(1)) {
            categories.add(day.toString());
        }
        Map<String, XYChart.Series<String, Number>> byFeature = new LinkedHashMap<>();
        for (DailyGroup point : dashboard.dailyByFeature()) {
            UsageGroup group = point.group();
            XYChart.Series<String, Number> series = byFeature.computeIfAbsent(group.key(), key -> {
                XYChart.Series<String, Number> made = new XYChart.Series<>();
                made.setName(key);
                return made;
            });
            XYChart.Data<String, Number> bar = new XYChart.Data<>(point.day().toString(), measure.of(group));
            ChartParts.point(bar, group.key() + " on " + point.day() + ": " + DashTexts.count(group.calls())
                    + " calls, " + DashTexts.usd(group.costUsd()), () -> drill.accept(point.day(), group.key()));
            series.getData().add(bar);
        }
        // Fresh series and explicit categories: a category axis keeps stale days when series are refilled.
        getData().clear();
        days.setCategories(FXCollections.observableArrayList(categories));
        getData().setAll(byFeature.values());
    }
}
