package dev.aiworkbench.ui.today;

import dev.aiworkbench.progress.Activity;
import dev.aiworkbench.progress.ProgressEvent;
import dev.aiworkbench.progress.TaskState;
import dev.aiworkbench.ui.AppDriver;
import dev.aiworkbench.ui.common.ThemeChoice;
import javafx.application.Application;
import javafx.geometry.Point2D;
import javafx.scene.control.Tooltip;
import javafx.scene.image.Image;
import javafx.scene.input.KeyCode;
import javafx.scene.paint.Color;
import javafx.stage.Stage;
import javafx.stage.Window;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;

import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicReference;
import java.util.stream.IntStream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * One square a day in the theme's colour for its amount, each day saying its date and count: to the pointer as a
 * tooltip, and to the keyboard and a screen reader as the selected day's accessible text.
 */
@Tag("ui")
@ExtendWith(ApplicationExtension.class)
class ActivityHeatmapTest {
    private static final LocalDate TODAY = LocalDate.of(2026, 12, 5);

    private Stage stage;

    @AfterEach
    void close(FxRobot robot) {
        if (stage != null) {
            robot.interact(stage::close);
        }
    }

    private static Activity threeChangesYesterday() {
        List<ProgressEvent> events = IntStream.range(0, 3).mapToObj(i -> new ProgressEvent("w01-t" + i,
                ProgressEvent.Kind.STATE, TaskState.TODO, TaskState.DONE, null,
                TODAY.minusDays(1).atTime(LocalTime.NOON).toInstant(ZoneOffset.UTC))).toList();
        return Activity.of(events, ZoneOffset.UTC);
    }

    private ActivityHeatmap show(FxRobot robot) {
        ActivityHeatmap heatmap = new ActivityHeatmap();
        robot.interact(() -> {
            Application.setUserAgentStylesheet(ThemeChoice.LIGHT.theme().getUserAgentStylesheet());
            heatmap.show(threeChangesYesterday(), TODAY);
            stage = AppDriver.showAlone(heatmap, 600, 200);
        });
        return heatmap;
    }

    private static Optional<String> tooltipShowing() {
        return Window.getWindows().stream().filter(w -> w instanceof Tooltip && w.isShowing())
                .map(w -> ((Tooltip) w).getText()).findFirst();
    }

    private static Color pixel(FxRobot robot, ActivityHeatmap heatmap, LocalDate day) {
        AtomicReference<Color> colour = new AtomicReference<>();
        robot.interact(() -> {
            Image image = heatmap.snapshot(null, null);
            Point2D centre = heatmap.centreOf(day);
            colour.set(image.getPixelReader().getColor((int) centre.getX(), (int) centre.getY()));
        });
        return colour.get();
    }

    private static void assertClose(Color actual, Color expected) {
        assertThat(actual.getRed()).isCloseTo(expected.getRed(), org.assertj.core.data.Offset.offset(0.02));
        assertThat(actual.getGreen()).isCloseTo(expected.getGreen(), org.assertj.core.data.Offset.offset(0.02));
        assertThat(actual.getBlue()).isCloseTo(expected.getBlue(), org.assertj.core.data.Offset.offset(0.02));
    }

    @Test
    void each_day_up_to_today_is_drawn_in_the_themes_colour_for_its_amount(FxRobot robot) {
        ActivityHeatmap heatmap = show(robot);

        Color busy = heatmap.colourOf(TODAY.minusDays(1));
        Color idle = heatmap.colourOf(TODAY);
        assertThat(busy).isNotEqualTo(idle);
        // the theme's colours reached the drawing (workbench.css sets them from AtlantaFX's palette)
        assertThat(idle).isNotEqualTo(Color.rgb(235, 237, 240));
        Color background = pixel(robot, heatmap, TODAY.plusDays(1));
        assertClose(pixel(robot, heatmap, TODAY.minusDays(1)), blend(busy, background));
        assertClose(pixel(robot, heatmap, TODAY), blend(idle, background));
        assertThat(pixel(robot, heatmap, TODAY.plusDays(1))).as("no square after today").isEqualTo(background);
    }

    /** A translucent colour as it shows over the background. */
    private static Color blend(Color colour, Color background) {
        double a = colour.getOpacity();
        return Color.color(colour.getRed() * a + background.getRed() * (1 - a),
                colour.getGreen() * a + background.getGreen() * (1 - a),
                colour.getBlue() * a + background.getBlue() * (1 - a));
    }

    @Test
    void the_arrow_keys_move_the_selected_day_whose_date_and_count_a_screen_reader_reads(FxRobot robot) {
        ActivityHeatmap heatmap = show(robot);
        robot.interact(heatmap::requestFocus);

        assertThat(heatmap.getAccessibleText()).isEqualTo("2026-12-05: no activity");
        robot.type(KeyCode.UP);
        assertThat(heatmap.getAccessibleText()).isEqualTo("2026-12-04: 3 changes");
        robot.type(KeyCode.LEFT);
        assertThat(heatmap.getAccessibleText()).isEqualTo("2026-11-27: no activity");
        robot.type(KeyCode.RIGHT, KeyCode.RIGHT);
        assertThat(heatmap.getAccessibleText()).as("no day after today").isEqualTo("2026-12-04: 3 changes");
    }

    @Test
    void the_pointer_on_a_square_shows_that_days_tooltip(FxRobot robot) throws Exception {
        ActivityHeatmap heatmap = show(robot);

        // from the day labels, where no tooltip shows, onto a square
        robot.moveTo(heatmap.localToScreen(4, 4));
        robot.moveTo(heatmap.localToScreen(heatmap.centreOf(TODAY.minusDays(1))));
        AppDriver.waitFor(() -> tooltipShowing().isPresent());
        assertThat(tooltipShowing()).contains("2026-12-04: 3 changes");

        robot.moveTo(heatmap.localToScreen(heatmap.centreOf(TODAY.minusDays(3))));
        AppDriver.waitFor(() -> tooltipShowing().filter(text -> text.startsWith("2026-12-02")).isPresent());
        assertThat(tooltipShowing()).contains("2026-12-02: no activity");
    }
}
