package dev.aiworkbench.ui.today;

import dev.aiworkbench.progress.Activity;
import javafx.css.CssMetaData;
import javafx.css.Styleable;
import javafx.css.StyleableObjectProperty;
import javafx.css.StyleablePropertyFactory;
import javafx.geometry.Point2D;
import javafx.geometry.VPos;
import javafx.scene.AccessibleRole;
import javafx.scene.canvas.Canvas;
import javafx.scene.canvas.GraphicsContext;
import javafx.scene.control.Tooltip;
import javafx.scene.input.KeyEvent;
import javafx.scene.input.MouseEvent;
import javafx.scene.layout.Region;
import javafx.scene.paint.Color;
import javafx.scene.text.Font;
import javafx.util.Duration;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.format.TextStyle;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * A calendar of recent weeks, one square a day, darker the more the learner did that day. Drawn on one canvas: as 180
 * nodes in a grid, each square went through CSS and the grid's layout, 55 ms of the Today screen's first frame. The
 * colours are the theme's, through styleable properties set in workbench.css ({@code -wb-heat-0-color} to
 * {@code -wb-heat-4-color}, {@code -wb-heat-label-color}), so the drawing follows light and dark.
 *
 * <p>Each day says its date and count: to the pointer as a tooltip, and to the keyboard and a screen reader as the
 * accessible text of the selected day, which the arrow keys move (left and right by a week, up and down by a day).
 */
final class ActivityHeatmap extends Region {
    static final int WEEKS = 26;
    private static final double SQUARE = 12;
    private static final double GAP = 3;
    private static final double PITCH = SQUARE + GAP;
    private static final double LABELS = 34;

    private static final StyleablePropertyFactory<ActivityHeatmap> STYLES =
            new StyleablePropertyFactory<>(Region.getClassCssMetaData());
    private final List<StyleableObjectProperty<Color>> levels = List.of(
            level(0, Color.rgb(235, 237, 240)), level(1, Color.rgb(155, 233, 168)), level(2, Color.rgb(64, 196, 99)),
            level(3, Color.rgb(48, 161, 78)), level(4, Color.rgb(33, 110, 57)));
    private final StyleableObjectProperty<Color> labelColor = (StyleableObjectProperty<Color>) STYLES
            .createStyleableColorProperty(this, "labelColor", "-wb-heat-label-color", heatmap -> heatmap.labelColor,
                    Color.GRAY);

    private final Canvas canvas = new Canvas(LABELS + WEEKS * PITCH - GAP, 7 * PITCH - GAP);
    private Activity activity;
    private LocalDate today;
    private LocalDate firstMonday;
    private LocalDate selected;
    private Tooltip tooltip;
    /** Set when what is drawn no longer matches; the next layout draws once, however many changes came before it. */
    private boolean stale = true;

    ActivityHeatmap() {
        getStyleClass().add("heatmap");
        setId("heatmap");
        getChildren().add(canvas);
        setFocusTraversable(true);
        setAccessibleRole(AccessibleRole.TEXT);
        levels.forEach(level -> level.addListener((observable, before, after) -> redraw()));
        labelColor.addListener((observable, before, after) -> redraw());
        focusedProperty().addListener((observable, before, after) -> redraw());
        canvas.addEventHandler(MouseEvent.MOUSE_ENTERED, event -> installTooltip());
        canvas.addEventFilter(MouseEvent.MOUSE_MOVED, this::pointAt);
        addEventHandler(KeyEvent.KEY_PRESSED, this::move);
    }

    private StyleableObjectProperty<Color> level(int level, Color initial) {
        return (StyleableObjectProperty<Color>) STYLES.createStyleableColorProperty(this, "level" + level,
                "-wb-heat-" + level + "-color", heatmap -> heatmap.levels.get(level), initial);
    }

    void show(Activity activity, LocalDate today) {
        this.activity = activity;
        this.today = today;
        this.firstMonday = today.with(DayOfWeek.MONDAY).minusWeeks(WEEKS - 1L);
        select(today);
        redraw();
    }

    /** What the day says: its date and how much the learner did. */
    String describe(LocalDate day) {
        int events = activity.eventsOn(day);
        return day + ": " + (events == 0 ? "no activity" : events + (events == 1 ? " change" : " changes"));
    }

    /** The middle of a day's square in this node's coordinates. */
    Point2D centreOf(LocalDate day) {
        return canvas.localToParent(left(day) + SQUARE / 2, top(day) + SQUARE / 2);
    }

    /** The colour a day's square is drawn in. */
    Color colourOf(LocalDate day) {
        return levels.get(level(activity.eventsOn(day))).get();
    }

    /** Buckets of activity: none, a little, some, a lot, a great deal. */
    static int level(int events) {
        if (events == 0) {
            return 0;
        }
        if (events <= 2) {
            return 1;
        }
        if (events <= 5) {
            return 2;
        }
        return events <= 10 ? 3 : 4;
    }

    /** Styling a new heatmap sets six colours, each of which would otherwise draw it whole. */
    private void redraw() {
        stale = true;
        requestLayout();
    }

    private void draw() {
        GraphicsContext g = canvas.getGraphicsContext2D();
        g.clearRect(0, 0, canvas.getWidth(), canvas.getHeight());
        if (activity == null) {
            return;
        }
        g.setFill(labelColor.get());
        g.setFont(Font.font(Font.getDefault().getFamily(), Font.getDefault().getSize() * 0.8));
        g.setTextBaseline(VPos.CENTER);
        for (int row = 0; row < 7; row += 2) {
            g.fillText(DayOfWeek.of(row + 1).getDisplayName(TextStyle.SHORT, Locale.getDefault()), 0,
                    row * PITCH + SQUARE / 2);
        }
        for (LocalDate day = firstMonday; !day.isAfter(today); day = day.plusDays(1)) {
            g.setFill(colourOf(day));
            g.fillRoundRect(left(day), top(day), SQUARE, SQUARE, 4, 4);
        }
        if (isFocused()) {
            g.setStroke(labelColor.get());
            g.setLineWidth(1.5);
            g.strokeRoundRect(left(selected) - 1, top(selected) - 1, SQUARE + 2, SQUARE + 2, 5, 5);
        }
    }

    /** A day's square: one column a week, Monday at the top. */
    private double left(LocalDate day) {
        return LABELS + ((day.toEpochDay() - firstMonday.toEpochDay()) / 7) * PITCH;
    }

    private double top(LocalDate day) {
        return ((day.toEpochDay() - firstMonday.toEpochDay()) % 7) * PITCH;
    }

    private Optional<LocalDate> dayAt(double x, double y) {
        int week = (int) Math.floor((x - LABELS) / PITCH);
        int row = (int) Math.floor(y / PITCH);
        if (x < LABELS || week >= WEEKS || row < 0 || row > 6 || (x - LABELS) - week * PITCH > SQUARE
                || y - row * PITCH > SQUARE) {
            return Optional.empty();
        }
        LocalDate day = firstMonday.plusWeeks(week).plusDays(row);
        return day.isAfter(today) ? Optional.empty() : Optional.of(day);
    }

    /**
     * Made when the pointer first comes in (or moves, if it was there already): a tooltip is a window of its own,
     * which the first frame need not wait for.
     */
    private void installTooltip() {
        if (tooltip == null) {
            tooltip = new Tooltip();
            tooltip.setShowDelay(Duration.millis(300));
            Tooltip.install(canvas, tooltip);
        }
    }

    /**
     * Over a square the tooltip says its day. A move between squares stops here, so that it does not start the
     * tooltip; one already showing stays until the pointer reaches another day or leaves.
     */
    private void pointAt(MouseEvent event) {
        installTooltip();
        Optional<LocalDate> day = activity == null ? Optional.empty() : dayAt(event.getX(), event.getY());
        if (day.isPresent()) {
            tooltip.setText(describe(day.get()));
            return;
        }
        event.consume();
    }

    private void move(KeyEvent event) {
        if (activity == null) {
            return;
        }
        LocalDate next = switch (event.getCode()) {
            case LEFT -> selected.minusWeeks(1);
            case RIGHT -> selected.plusWeeks(1);
            case UP -> selected.minusDays(1);
            case DOWN -> selected.plusDays(1);
            default -> null;
        };
        if (next == null) {
            return;
        }
        event.consume();
        if (!next.isBefore(firstMonday) && !next.isAfter(today)) {
            select(next);
            redraw();
        }
    }

    private void select(LocalDate day) {
        selected = day;
        setAccessibleText(describe(day));
    }

    @Override
    protected double computePrefWidth(double height) {
        return snappedLeftInset() + canvas.getWidth() + snappedRightInset();
    }

    @Override
    protected double computePrefHeight(double width) {
        return snappedTopInset() + canvas.getHeight() + snappedBottomInset();
    }

    @Override
    protected double computeMinWidth(double height) {
        return computePrefWidth(height);
    }

    @Override
    protected double computeMinHeight(double width) {
        return computePrefHeight(width);
    }

    @Override
    protected void layoutChildren() {
        canvas.relocate(snappedLeftInset(), snappedTopInset());
        if (stale) {
            stale = false;
            draw();
        }
    }

    @Override
    public List<CssMetaData<? extends Styleable, ?>> getCssMetaData() {
        return STYLES.getCssMetaData();
    }
}
