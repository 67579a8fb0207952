package dev.aiworkbench.ui.observability;

import atlantafx.base.theme.Styles;
import atlantafx.base.theme.Tweaks;
import dev.aiworkbench.observability.GroupBy;
import dev.aiworkbench.observability.LatencyMeasure;
import dev.aiworkbench.ui.common.FocusableScreen;
import dev.aiworkbench.ui.common.Labels;
import javafx.collections.ListChangeListener;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.ScrollPane;
import javafx.scene.control.SplitPane;
import javafx.scene.control.Tooltip;
import javafx.scene.input.KeyCode;
import javafx.scene.input.KeyEvent;
import javafx.scene.layout.ColumnConstraints;
import javafx.scene.layout.FlowPane;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;
import org.kordamp.ikonli.feather.Feather;
import org.kordamp.ikonli.javafx.FontIcon;

import java.time.ZoneId;
import java.util.List;

/**
 * The Observability screen: for a chosen range, the figures of every recorded model call (calls, error rate,
 * tokens, cost, speed), charts of cost and calls by day, model and feature, latency percentiles and their
 * histogram, output speed, and each eval suite's quality series with intervals. A bar or point opens the calls
 * behind it in a pane beside the charts, and a call opens its eval case or playground run. It reads again each
 * time it is opened. Builds controls only; the state is the {@link ObservabilityViewModel}'s.
 */
public final class ObservabilityView extends SplitPane implements FocusableScreen {
    private final ObservabilityViewModel model;
    private final ComboBox<DashRange> range = new ComboBox<>();
    private final FlowPane tiles = new FlowPane(12, 12);
    private final VBox charts = new VBox(16);
    private final VBox quality = new VBox(12);
    private final DailyChart daily;
    private final GroupChart groups;
    private final LatencyPane latency;
    private final HistogramChart histogram = new HistogramChart();
    private final SpeedChart speed;
    private final ZoneId zone;

    /** @param budgetStrip the budgets and alerts, shown above the charts */
    public ObservabilityView(ObservabilityViewModel model, Node budgetStrip, ZoneId zone) {
        this.model = model;
        this.zone = zone;
        this.daily = new DailyChart(zone, model::drillDay);
        this.groups = new GroupChart(model::drillGroup);
        this.latency = new LatencyPane(model::drillGroup);
        this.speed = new SpeedChart(model::drillGroup);
        setId("observability");
        getStyleClass().add("observability-screen");

        VBox page = new VBox(16);
        page.setPadding(new Insets(20, 28, 20, 28));
        Label empty = Labels.wrapped("", Styles.TEXT_MUTED);
        empty.setId("dash-empty");
        empty.textProperty().bind(model.emptyTextProperty());
        empty.visibleProperty().bind(model.emptyTextProperty().isNotEmpty());
        empty.managedProperty().bind(empty.visibleProperty());
        tiles.setId("dash-tiles");
        charts.visibleProperty().bind(model.emptyTextProperty().isEmpty());
        charts.managedProperty().bind(charts.visibleProperty());
        charts.getChildren().add(chartGrid());
        quality.setId("dash-quality");
        page.getChildren().addAll(header(), tiles, budgetStrip, empty, charts,
                ChartParts.card("quality-card", "Eval quality per suite (95% intervals)", quality));

        ScrollPane scroll = new ScrollPane(page);
        scroll.setId("dash-page");
        scroll.setFitToWidth(true);
        scroll.getStyleClass().add(Tweaks.EDGE_TO_EDGE);
        CallsPane calls = new CallsPane(model, zone);
        calls.setPadding(new Insets(20, 16, 20, 16));
        getItems().add(scroll);
        model.drillProperty().addListener((obs, was, now) -> {
            if (now != null && !getItems().contains(calls)) {
                getItems().add(calls);
                setDividerPositions(0.6);
            } else if (now == null) {
                getItems().remove(calls);
            }
        });

        model.tiles().addListener((ListChangeListener<Tile>) change -> showTiles());
        model.dashboardProperty().addListener((obs, was, now) -> showCharts(now));
        addEventHandler(KeyEvent.KEY_PRESSED, e -> {
            if (e.getCode() == KeyCode.F5) {
                model.refresh();
                e.consume();
            } else if (e.getCode() == KeyCode.ESCAPE && model.drillProperty().get() != null) {
                model.closeDrill();
                e.consume();
            }
        });
        // Read again whenever the screen is shown: calls keep being recorded while it is away.
        sceneProperty().addListener((obs, was, now) -> {
            if (now != null) {
                model.refresh();
            }
        });
    }

    private Node header() {
        Label title = new Label("Observability");
        title.getStyleClass().add(Styles.TITLE_2);
        Label status = Labels.wrapped("", Styles.TEXT_MUTED);
        status.setId("dash-status");
        status.textProperty().bind(model.statusProperty());
        model.statusProblemProperty().addListener((obs, was, problem) -> {
            status.getStyleClass().removeAll(Styles.TEXT_MUTED, Styles.DANGER);
            status.getStyleClass().add(problem ? Styles.DANGER : Styles.TEXT_MUTED);
        });
        range.setId("dash-range");
        range.getItems().setAll(DashRange.values());
        range.valueProperty().bindBidirectional(model.rangeProperty());
        Button refresh = new Button("Refresh", new FontIcon(Feather.REFRESH_CW));
        refresh.setId("dash-refresh");
        refresh.setTooltip(new Tooltip("Read the recorded calls again (F5)"));
        refresh.setOnAction(e -> model.refresh());
        refresh.disableProperty().bind(model.loadingProperty());
        Region gap = new Region();
        HBox.setHgrow(gap, Priority.ALWAYS);
        HBox bar = new HBox(8, title, gap, range, refresh);
        bar.setAlignment(Pos.CENTER_LEFT);
        return new VBox(4, bar, status);
    }

    private Node chartGrid() {
        GridPane grid = new GridPane();
        grid.setHgap(16);
        grid.setVgap(16);
        for (int i = 0; i < 2; i++) {
            ColumnConstraints half = new ColumnConstraints();
            half.setPercentWidth(50);
            grid.getColumnConstraints().add(half);
        }
        grid.add(ChartParts.card("daily-card", "Calls and cost by day, stacked by feature", daily,
                ChartParts.segmented(daily.amountProperty(), List.of(Amount.values()), Amount::toString, "daily-amount")),
                0, 0, 2, 1);
        grid.add(ChartParts.card("group-card", "Calls and cost by model or feature", groups,
                ChartParts.segmented(groups.byProperty(), List.of(GroupBy.MODEL, GroupBy.FEATURE), ObservabilityView::by,
                        "group-by"),
                ChartParts.segmented(groups.amountProperty(), List.of(Amount.values()), Amount::toString, "group-amount")),
                0, 1);
        grid.add(ChartParts.card("speed-card", "Output speed by model", speed), 1, 1);
        grid.add(ChartParts.card("latency-card", "Latency p50 / p95 / p99 (calls that ended well)", latency,
                ChartParts.segmented(latency.byProperty(), List.of(GroupBy.MODEL, GroupBy.FEATURE), ObservabilityView::by,
                        "latency-by"),
                ChartParts.segmented(latency.measureProperty(), List.of(LatencyMeasure.values()),
                        ObservabilityView::measure, "latency-measure")), 0, 2);
        grid.add(ChartParts.card("histogram-card", "Latency histogram", histogram,
                ChartParts.segmented(model.histogramMeasureProperty(), List.of(LatencyMeasure.values()),
                        ObservabilityView::measure, "histogram-measure")), 1, 2);
        return grid;
    }

    private static String by(GroupBy by) {
        return by == GroupBy.FEATURE ? "Feature" : "Model";
    }

    private static String measure(LatencyMeasure measure) {
        return measure == LatencyMeasure.TOTAL ? "Total" : "TTFT";
    }

    private void showTiles() {
        tiles.getChildren().clear();
        for (Tile tile : model.tiles()) {
            Label label = new Label(tile.label());
            label.getStyleClass().addAll(Styles.TEXT_MUTED, Styles.TEXT_SMALL);
            Label value = new Label(tile.value());
            value.setId("tile-" + tile.id() + "-value");
            value.getStyleClass().add(Styles.TITLE_3);
            Label detail = new Label(tile.detail());
            detail.getStyleClass().addAll(Styles.TEXT_MUTED, Styles.TEXT_SMALL);
            VBox box = new VBox(2, label, value, detail);
            box.setId("tile-" + tile.id());
            box.getStyleClass().add("dash-tile");
            tiles.getChildren().add(box);
        }
    }

    private void showCharts(Dashboard dashboard) {
        if (dashboard == null) {
            return;
        }
        daily.show(dashboard);
        groups.show(dashboard);
        latency.show(dashboard);
        histogram.show(dashboard.histogram());
        speed.show(dashboard);
        quality.getChildren().clear();
        if (dashboard.quality().isEmpty()) {
            Label none = Labels.wrapped("No eval suite finished a run in " + dashboard.choice().phrase()
                    + ". Run a suite on the Evals screen to follow its pass rate, faithfulness and context relevance "
                    + "here.", Styles.TEXT_MUTED);
            none.setId("dash-quality-empty");
            quality.getChildren().add(none);
        }
        for (SuiteQuality suite : dashboard.quality()) {
            Label name = new Label(suite.suiteKey());
            name.getStyleClass().add(Styles.TEXT_SMALL);
            quality.getChildren().addAll(name, new QualityChart(suite, zone));
        }
    }

    @Override
    public void focusFirst() {
        range.requestFocus();
    }
}
