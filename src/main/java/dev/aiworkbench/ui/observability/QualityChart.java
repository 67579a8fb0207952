package dev.aiworkbench.ui.observability;

import dev.aiworkbench.eval.report.QualityMeasure;
import dev.aiworkbench.eval.report.QualityPoint;
import javafx.scene.chart.LineChart;
import javafx.scene.chart.NumberAxis;
import javafx.scene.chart.XYChart;
import javafx.scene.shape.LineTo;
import javafx.scene.shape.MoveTo;
import javafx.scene.shape.Path;
import javafx.util.StringConverter;

import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * One suite's quality series over time (pass rate, faithfulness, context relevance, …), each run a point with its
 * 95% interval as an error bar in the series' colour: a drop inside the bars is noise, one outside them is news.
 */
final class QualityChart extends LineChart<Number, Number> {
    private static final double SECONDS_PER_DAY = 86_400;
    private static final double CAP = 4;

    private final NumberAxis time;
    private final NumberAxis percent;
    private final List<Path> bars = new ArrayList<>();

    QualityChart(SuiteQuality suite, ZoneId zone) {
        super(new NumberAxis(), new NumberAxis(0, 100, 20));
        time = (NumberAxis) getXAxis();
        percent = (NumberAxis) getYAxis();
        getStyleClass().add("quality-chart");
        setAnimated(false);
        setMinHeight(220);
        percent.setLabel("%");
        percent.setAutoRanging(false);
        time.setForceZeroInRange(false);
        time.setMinorTickVisible(false);
        DateTimeFormatter days = DateTimeFormatter.ofPattern("MMM d").withZone(zone);
        time.setTickLabelFormatter(new StringConverter<>() {
            @Override
            public String toString(Number value) {
                return days.format(Instant.ofEpochSecond((long) (value.doubleValue() * SECONDS_PER_DAY)));
            }

            @Override
            public Number fromString(String text) {
                throw new UnsupportedOperationException("the time axis is not edited");
            }
        });
        DateTimeFormatter when = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm").withZone(zone);
        List<XYChart.Series<Number, Number>> all = new ArrayList<>();
        for (Map.Entry<QualityMeasure, List<QualityPoint>> entry : suite.series().entrySet().stream()
                .sorted(Map.Entry.comparingByKey()).toList()) {
            if (entry.getValue().isEmpty()) {
                continue;
            }
            XYChart.Series<Number, Number> series = new XYChart.Series<>();
            series.setName(entry.getKey().label());
            for (QualityPoint point : entry.getValue()) {
                XYChart.Data<Number, Number> data = new XYChart.Data<>(point.at().getEpochSecond() / SECONDS_PER_DAY,
                        100 * point.value());
                data.setExtraValue(point);
                ChartParts.point(data, entry.getKey().label() + " " + DashTexts.percent(point.value()) + " (95% "
                        + DashTexts.percent(point.low()) + " to " + DashTexts.percent(point.high()) + ", "
                        + point.items() + " items)\n" + point.runId() + ", " + when.format(point.at()), null);
                series.getData().add(data);
            }
            all.add(series);
        }
        getData().setAll(all);
        fitDays(all);
    }

    /** Whole days at the ends and a whole number of days a tick, so no two ticks name the same day. */
    private void fitDays(List<XYChart.Series<Number, Number>> all) {
        double first = all.stream().flatMap(s -> s.getData().stream()).mapToDouble(d -> d.getXValue().doubleValue())
                .min().orElse(0);
        double last = all.stream().flatMap(s -> s.getData().stream()).mapToDouble(d -> d.getXValue().doubleValue())
                .max().orElse(0);
        double from = Math.floor(first);
        double to = Math.max(from + 1, Math.ceil(last));
        time.setAutoRanging(false);
        time.setLowerBound(from);
        time.setUpperBound(to);
        time.setTickUnit(Math.max(1, Math.ceil((to - from) / 10)));
    }

    @Override
    protected void layoutPlotChildren() {
        super.layoutPlotChildren();
        getPlotChildren().removeAll(bars);
        bars.clear();
        for (int s = 0; s < getData().size(); s++) {
            Path path = new Path();
            path.getStyleClass().addAll("interval-bars", "default-color" + (s % 8));
            path.setManaged(false);
            for (XYChart.Data<Number, Number> data : getData().get(s).getData()) {
                QualityPoint point = (QualityPoint) data.getExtraValue();
                double x = time.getDisplayPosition(data.getXValue());
                double low = percent.getDisplayPosition(100 * point.low());
                double high = percent.getDisplayPosition(100 * point.high());
                path.getElements().addAll(new MoveTo(x, low), new LineTo(x, high), new MoveTo(x - CAP, low),
                        new LineTo(x + CAP, low), new MoveTo(x - CAP, high), new LineTo(x + CAP, high));
            }
            bars.add(path);
        }
        getPlotChildren().addAll(bars);
    }
}
