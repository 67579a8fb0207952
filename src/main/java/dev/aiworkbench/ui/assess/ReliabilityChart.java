package dev.aiworkbench.ui.assess;

import atlantafx.base.theme.Styles;
import dev.aiworkbench.assessment.Calibration;
import dev.aiworkbench.assessment.CalibrationLevel;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.control.Label;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Pane;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;
import javafx.scene.shape.Circle;
import javafx.scene.shape.Line;
import javafx.scene.shape.Rectangle;
import javafx.scene.text.Text;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The reliability chart: for each confidence level (x) the share of answers that were right (y) as a point, its
 * 95% Wilson interval as a bar, and shaded, the band of accuracies where that level is the best bet. One series for
 * an attempt and one for all attempts. Every shape takes its colour from a style class written with the theme's
 * looked-up colours, so light and dark both work.
 */
final class ReliabilityChart extends VBox {
    static final String ATTEMPT = "reliability-attempt";
    static final String OVERALL = "reliability-overall";
    private static final String[] LEVELS = {"1 · a guess", "2 · fairly sure", "3 · sure"};
    private static final double LEFT = 48;
    private static final double BOTTOM = 40;
    private static final double TOP = 10;
    private static final double RIGHT = 12;
    private static final double POINT_RADIUS = 5;
    private static final double BAR_WIDTH = 6;

    /** The shapes of one series at one level (none where it has no answers); offset: -1 left, 0 middle, 1 right. */
    private record Mark(CalibrationLevel level, Rectangle bar, Circle point, int offset) {
    }

    private final Plot plot = new Plot();

    /** @param attempt the attempt's own calibration, drawn beside the overall one; empty to draw only the overall */
    ReliabilityChart(Optional<Calibration> attempt, Calibration overall) {
        super(6);
        getStyleClass().add("reliability-chart");
        plot.setId("reliability-plot");
        plot.setPrefSize(420, 240);
        plot.setMinHeight(200);
        plot.setMaxWidth(560);
        plot.show(attempt, overall);
        HBox legend = new HBox(16);
        legend.setAlignment(Pos.CENTER_LEFT);
        attempt.ifPresent(a -> legend.getChildren().add(legendEntry("This attempt", ATTEMPT)));
        legend.getChildren().add(legendEntry("All attempts", OVERALL));
        Rectangle band = new Rectangle(14, 10);
        band.getStyleClass().add("reliability-band");
        Label bandLabel = new Label("Where that confidence pays", band);
        bandLabel.getStyleClass().add("reliability-legend");
        legend.getChildren().add(bandLabel);
        Label caption = new Label("Each point is the share of answers that were right at that confidence; its bar "
                + "is the 95% interval. A point inside its shaded band means that confidence was the right call.");
        caption.getStyleClass().addAll("reliability-legend", Styles.TEXT_MUTED, Styles.TEXT_SMALL);
        caption.setWrapText(true);
        caption.setMaxWidth(560);
        caption.setMinHeight(Region.USE_PREF_SIZE);
        getChildren().addAll(plot, legend, caption);
    }

    private static Label legendEntry(String text, String series) {
        Circle dot = new Circle(POINT_RADIUS);
        dot.getStyleClass().addAll("reliability-point", series);
        Label label = new Label(text, dot);
        label.getStyleClass().add("reliability-legend");
        return label;
    }

    /** The drawing area: axes, grid, bands and the series' marks, placed on each layout. */
    private static final class Plot extends Pane {
        private final List<Rectangle> bands = new ArrayList<>();
        private final List<Line> grid = new ArrayList<>();
        private final List<Text> yTicks = new ArrayList<>();
        private final List<Text> xTicks = new ArrayList<>();
        private final List<Mark> marks = new ArrayList<>();
        private final Line xAxis = new Line();
        private final Line yAxis = new Line();
        /** Every level with its band, answered or not. */
        private List<CalibrationLevel> bandLevels = List.of();

        void show(Optional<Calibration> attempt, Calibration overall) {
            List<Node> nodes = new ArrayList<>();
            bandLevels = overall.levels();
            for (int i = 0; i < LEVELS.length; i++) {
                Rectangle band = styled(new Rectangle(), "reliability-band");
                band.setId("reliability-band-" + (i + 1));
                bands.add(band);
                Text tick = styled(new Text(LEVELS[i]), "reliability-tick");
                xTicks.add(tick);
            }
            for (int i = 0; i <= 4; i++) {
                grid.add(styled(new Line(), "reliability-grid"));
                yTicks.add(styled(new Text(i * 25 + "%"), "reliability-tick"));
            }
            List<Calibration> series = new ArrayList<>();
            attempt.ifPresent(series::add);
            series.add(overall);
            for (int s = 0; s < series.size(); s++) {
                String seriesClass = attempt.isPresent() && s == 0 ? ATTEMPT : OVERALL;
                for (CalibrationLevel level : series.get(s).levels()) {
                    if (level.n() == 0) {
                        continue;
                    }
                    Rectangle bar = styled(new Rectangle(), "reliability-interval", seriesClass);
                    Circle point = styled(new Circle(POINT_RADIUS), "reliability-point", seriesClass);
                    point.setId(seriesClass + "-" + level.confidence());
                    Tooltip.install(point, new Tooltip(level.correct() + " of " + level.n() + " right ("
                            + Figures.percent(level.accuracy()) + "), 95% interval " + Figures.percent(level.low())
                            + " to " + Figures.percent(level.high()) + "; this level pays between "
                            + Figures.percent(level.bandLow()) + " and " + Figures.percent(level.bandHigh()) + "."));
                    // Two series stand side by side in a level's column; one stands in its middle.
                    int offset = series.size() == 1 ? 0 : s == 0 ? -1 : 1;
                    marks.add(new Mark(level, bar, point, offset));
                }
            }
            styled(xAxis, "reliability-axis");
            styled(yAxis, "reliability-axis");
            nodes.addAll(bands);
            nodes.addAll(grid);
            nodes.addAll(List.of(xAxis, yAxis));
            nodes.addAll(yTicks);
            nodes.addAll(xTicks);
            marks.forEach(m -> nodes.addAll(List.of(m.bar(), m.point())));
            getChildren().setAll(nodes);
        }

        @Override
        protected void layoutChildren() {
            double width = Math.max(0, getWidth() - LEFT - RIGHT);
            double height = Math.max(0, getHeight() - TOP - BOTTOM);
            double column = width / LEVELS.length;
            for (int i = 0; i < LEVELS.length; i++) {
                double bandLow = bandLevels.get(i).bandLow();
                double bandHigh = bandLevels.get(i).bandHigh();
                Rectangle band = bands.get(i);
                band.setX(LEFT + i * column + 4);
                band.setWidth(Math.max(0, column - 8));
                band.setY(y(bandHigh, height));
                band.setHeight(y(bandLow, height) - y(bandHigh, height));
                Text tick = xTicks.get(i);
                tick.setX(LEFT + (i + 0.5) * column - tick.getLayoutBounds().getWidth() / 2);
                tick.setY(TOP + height + 22);
            }
            for (int i = 0; i < grid.size(); i++) {
                double y = y(i / 4.0, height);
                Line line = grid.get(i);
                line.setStartX(LEFT);
                line.setEndX(LEFT + width);
                line.setStartY(y);
                line.setEndY(y);
                Text tick = yTicks.get(i);
                tick.setX(LEFT - 8 - tick.getLayoutBounds().getWidth());
                tick.setY(y + tick.getLayoutBounds().getHeight() / 3);
            }
            xAxis.setStartX(LEFT);
            xAxis.setEndX(LEFT + width);
            xAxis.setStartY(TOP + height);
            xAxis.setEndY(TOP + height);
            yAxis.setStartX(LEFT);
            yAxis.setEndX(LEFT);
            yAxis.setStartY(TOP);
            yAxis.setEndY(TOP + height);
            for (Mark mark : marks) {
                double x = LEFT + (mark.level().confidence() - 0.5) * column + mark.offset() * 14;
                mark.bar().setX(x - BAR_WIDTH / 2);
                mark.bar().setWidth(BAR_WIDTH);
                mark.bar().setY(y(mark.level().high(), height));
                mark.bar().setHeight(Math.max(1, y(mark.level().low(), height) - y(mark.level().high(), height)));
                mark.point().setCenterX(x);
                mark.point().setCenterY(y(mark.level().accuracy(), height));
            }
        }

        private static double y(double share, double height) {
            return TOP + (1 - share) * height;
        }

        private static <T extends Node> T styled(T node, String... classes) {
            node.getStyleClass().addAll(classes);
            return node;
        }
    }

}
