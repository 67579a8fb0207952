package dev.aiworkbench.ui.observability;

import atlantafx.base.theme.Styles;
import dev.aiworkbench.observability.GroupBy;
import dev.aiworkbench.observability.LatencyMeasure;
import dev.aiworkbench.observability.Percentiles;
import dev.aiworkbench.observability.UsageGroup;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.collections.FXCollections;
import javafx.geometry.HPos;
import javafx.scene.chart.BarChart;
import javafx.scene.chart.CategoryAxis;
import javafx.scene.chart.NumberAxis;
import javafx.scene.chart.XYChart;
import javafx.scene.control.Label;
import javafx.scene.layout.ColumnConstraints;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.VBox;

import java.util.ArrayList;
import java.util.List;
import java.util.function.BiConsumer;
import java.util.function.Function;

/**
 * Time to first token or total time as p50, p95 and p99 by model or feature: grouped bars, and the exact figures
 * in a grid under them (a chart shows the shape, an operator quotes the numbers). A bar opens its group's calls.
 */
final class LatencyPane extends VBox {
    private static final List<String> LEVELS = List.of("p50", "p95", "p99");

    private final BarChart<String, Number> chart = new BarChart<>(new CategoryAxis(), new NumberAxis());
    private final GridPane figures = new GridPane();
    private final BiConsumer<GroupBy, String> drill;
    private final ObjectProperty<GroupBy> by = new SimpleObjectProperty<>(GroupBy.MODEL);
    private final ObjectProperty<LatencyMeasure> measure = new SimpleObjectProperty<>(LatencyMeasure.TIME_TO_FIRST_TOKEN);
    private Dashboard shown;

    LatencyPane(BiConsumer<GroupBy, String> drill) {
        super(8);
        this.drill = drill;
        chart.setId("latency-chart");
        chart.setAnimated(false);
        chart.setMinHeight(220);
        chart.getYAxis().setLabel("Milliseconds");
        figures.setId("latency-figures");
        figures.setHgap(16);
        figures.setVgap(2);
        ColumnConstraints name = new ColumnConstraints();
        name.setHgrow(javafx.scene.layout.Priority.ALWAYS);
        figures.getColumnConstraints().add(name);
        for (int i = 0; i < LEVELS.size(); i++) {
            ColumnConstraints number = new ColumnConstraints();
            number.setHalignment(HPos.RIGHT);
            figures.getColumnConstraints().add(number);
        }
        getChildren().addAll(chart, figures);
        by.addListener((obs, was, now) -> redraw());
        measure.addListener((obs, was, now) -> redraw());
    }

    ObjectProperty<GroupBy> byProperty() {
        return by;
    }

    ObjectProperty<LatencyMeasure> measureProperty() {
        return measure;
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
        List<UsageGroup> groups = grouping == GroupBy.FEATURE ? shown.byFeature() : shown.byModel();
        Function<UsageGroup, Percentiles> of = measure.get() == LatencyMeasure.TOTAL ? UsageGroup::totalMs
                : UsageGroup::ttftMs;
        List<XYChart.Series<String, Number>> series = new ArrayList<>();
        for (String level : LEVELS) {
            XYChart.Series<String, Number> one = new XYChart.Series<>();
            one.setName(level);
            series.add(one);
        }
        figures.getChildren().clear();
        figures.addRow(0, header(grouping.id()), header("p50"), header("p95"), header("p99"));
        int row = 1;
        for (UsageGroup group : groups) {
            Percentiles p = of.apply(group);
            List<Double> values = java.util.Arrays.asList(p.p50(), p.p95(), p.p99());
            for (int i = 0; i < LEVELS.size(); i++) {
                if (values.get(i) != null) {
                    XYChart.Data<String, Number> bar = new XYChart.Data<>(group.key(), values.get(i));
                    ChartParts.point(bar, group.key() + " " + LEVELS.get(i) + ": " + DashTexts.ms(values.get(i)),
                            () -> drill.accept(grouping, group.key()));
                    series.get(i).getData().add(bar);
                }
            }
            Label key = new Label(group.key());
            key.setId("latency-row-" + (row - 1));
            figures.addRow(row++, key, new Label(DashTexts.ms(p.p50())), new Label(DashTexts.ms(p.p95())),
                    new Label(DashTexts.ms(p.p99())));
        }
        chart.getData().clear();
        ((CategoryAxis) chart.getXAxis()).setCategories(FXCollections.observableArrayList(
                groups.stream().map(UsageGroup::key).toList()));
        chart.getData().setAll(series);
    }

    private static Label header(String text) {
        Label label = new Label(text);
        label.getStyleClass().addAll(Styles.TEXT_MUTED, Styles.TEXT_SMALL);
        return label;
    }
}
