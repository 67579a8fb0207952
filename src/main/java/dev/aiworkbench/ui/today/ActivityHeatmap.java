package dev.aiworkbench.ui.today;

import dev.aiworkbench.progress.Activity;
import javafx.scene.control.Label;
import javafx.scene.control.Tooltip;
import javafx.scene.input.MouseEvent;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.Region;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.format.TextStyle;
import java.util.Locale;

/**
 * A calendar of recent weeks, one square a day, darker the more the learner did that day. A day's tooltip is made
 * when the pointer first reaches its square: a tooltip is a window of its own, and making all 180 up front took a
 * quarter of a second of the Today screen's start.
 */
final class ActivityHeatmap extends GridPane {
    static final int WEEKS = 26;
    private static final String CELL = "heatmap-cell";

    ActivityHeatmap() {
        getStyleClass().add("heatmap");
        setHgap(3);
        setVgap(3);
        setId("heatmap");
        // A square's tooltip says what it says to a screen reader; the square keeps the tooltip once made.
        addEventHandler(MouseEvent.MOUSE_ENTERED_TARGET, event -> {
            if (event.getTarget() instanceof Region cell && cell.getStyleClass().contains(CELL)
                    && cell.getUserData() == null) {
                Tooltip tooltip = new Tooltip(cell.getAccessibleText());
                cell.setUserData(tooltip);
                Tooltip.install(cell, tooltip);
            }
        });
    }

    void show(Activity activity, LocalDate today) {
        getChildren().clear();
        LocalDate firstMonday = today.with(DayOfWeek.MONDAY).minusWeeks(WEEKS - 1L);
        for (int row = 0; row < 7; row++) {
            if (row % 2 == 0) {
                Label day = new Label(DayOfWeek.of(row + 1).getDisplayName(TextStyle.SHORT, Locale.getDefault()));
                day.getStyleClass().add("heatmap-day");
                add(day, 0, row);
            }
        }
        for (int week = 0; week < WEEKS; week++) {
            for (int row = 0; row < 7; row++) {
                LocalDate day = firstMonday.plusWeeks(week).plusDays(row);
                if (day.isAfter(today)) {
                    continue;
                }
                int events = activity.eventsOn(day);
                Region cell = new Region();
                cell.getStyleClass().addAll(CELL, "heat-" + level(events));
                cell.setPrefSize(12, 12);
                cell.setMinSize(12, 12);
                cell.setAccessibleText(day + ": " + (events == 0 ? "no activity"
                        : events + (events == 1 ? " change" : " changes")));
                add(cell, week + 1, row);
            }
        }
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
}
