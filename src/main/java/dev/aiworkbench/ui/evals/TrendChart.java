package dev.aiworkbench.ui.evals;

import dev.aiworkbench.eval.run.EvalRun;
import javafx.collections.FXCollections;
import javafx.scene.chart.LineChart;
import javafx.scene.chart.NumberAxis;
import javafx.scene.chart.XYChart;
import javafx.scene.control.Tooltip;
import javafx.scene.shape.Polygon;
import javafx.util.StringConverter;

import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;

/**
 * The pass rate of each finished run of a suite, oldest to newest, with its 95% interval drawn as a
 * shaded band between the runs' stored lower and upper bounds. Each point's tooltip names the run.
 */
final class TrendChart extends LineChart<Number, Number> {
    private static final double SINGLE_RUN_HALF_WIDTH = 8;

    private final NumberAxis runsAxis;
    private final NumberAxis rateAxis;
    private final XYChart.Series<Number, Number> rates = new XYChart.Series<>();
    private final Polygon band = new Polygon();
    private final DateTimeFormatter dates;
    private List<EvalRun> runs = List.of();

    TrendChart(DateTimeFormatter dates) {
        super(new NumberAxis(), new NumberAxis(0, 100, 20));
        this.dates = dates;
        runsAxis = (NumberAxis) getXAxis();
        rateAxis = (NumberAxis) getYAxis();
        setId("eval-trend");
        getStyleClass().add("eval-trend");
        setTitle("Pass rate across runs");
        setLegendVisible(false);
        setAnimated(false);
        setCreateSymbols(true);
        setMinHeight(200);
        runsAxis.setLabel("Run (oldest to newest)");
        runsAxis.setAutoRanging(false);
        runsAxis.setMinorTickVisible(false);
        runsAxis.setTickLabelFormatter(new StringConverter<>() {
            @Override
            public String toString(Number value) {
                double v = value.doubleValue();
                return v == Math.rint(v) && v >= 1 && v <= runs.size() ? String.valueOf((long) v) : "";
            }

            @Override
            public Number fromString(String text) {
                return Double.parseDouble(text);
            }
        });
        rateAxis.setLabel("Pass rate (%)");
        rateAxis.setAutoRanging(false);
        rateAxis.setMinorTickVisible(false);
        band.getStyleClass().add("trend-band");
        band.setId("trend-band");
        band.setManaged(false);
        getPlotChildren().add(0, band);
        rates.setName("Pass rate");
        setData(FXCollections.observableArrayList(List.of(rates)));
        show(List.of());
    }

    /** @param oldestFirst finished runs of the suite with a stored pass rate, oldest first */
    void show(List<EvalRun> oldestFirst) {
        runs = List.copyOf(oldestFirst);
        int n = runs.size();
        runsAxis.setLowerBound(0.5);
        runsAxis.setUpperBound(Math.max(1, n) + 0.5);
        runsAxis.setTickUnit(Math.max(1, Math.ceil(n / 10.0)));
        List<XYChart.Data<Number, Number>> points = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            EvalRun run = runs.get(i);
            XYChart.Data<Number, Number> point = new XYChart.Data<>(i + 1, 100 * run.passRate());
            String tip = run.id() + (run.startedAt() == null ? "" : "\n" + dates.format(run.startedAt()))
                    + "\npass rate " + Items.pct(run.passRate())
                    + (run.passRateLow() == null || run.passRateHigh() == null ? ""
                    : ", 95% interval " + Items.pct(run.passRateLow()) + " to " + Items.pct(run.passRateHigh()))
                    + (run.items() == null ? "" : "\n" + run.items() + " items")
                    + (run.gateDecision() == null ? "" : "\ngate: " + run.gateDecision());
            point.nodeProperty().addListener((obs, was, node) -> {
                if (node != null) {
                    Tooltip.install(node, new Tooltip(tip));
                }
            });
            points.add(point);
        }
        rates.getData().setAll(points);
        requestChartLayout();
    }

    @Override
    protected void layoutPlotChildren() {
        super.layoutPlotChildren();
        List<Double> upper = new ArrayList<>();
        List<Double> lower = new ArrayList<>();
        int n = runs.size();
        for (int i = 0; i < n; i++) {
            EvalRun run = runs.get(i);
            double rate = run.passRate();
            double low = run.passRateLow() == null ? rate : run.passRateLow();
            double high = run.passRateHigh() == null ? rate : run.passRateHigh();
            double x = runsAxis.getDisplayPosition(i + 1);
            double yHigh = rateAxis.getDisplayPosition(100 * high);
            double yLow = rateAxis.getDisplayPosition(100 * low);
            if (n == 1) {
                upper.addAll(List.of(x - SINGLE_RUN_HALF_WIDTH, yHigh, x + SINGLE_RUN_HALF_WIDTH, yHigh));
                lower.addAll(0, List.of(x - SINGLE_RUN_HALF_WIDTH, yLow));
                lower.addAll(0, List.of(x + SINGLE_RUN_HALF_WIDTH, yLow));
            } else {
                upper.addAll(List.of(x, yHigh));
                lower.addAll(0, List.of(x, yLow));
            }
        }
        List<Double> outline = new ArrayList<>(upper);
        outline.addAll(lower);
        band.getPoints().setAll(outline);
        band.setVisible(n > 0);
        band.toBack();
    }
}
