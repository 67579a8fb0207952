package dev.aiworkbench.ui.today;

import dev.aiworkbench.progress.Activity;
import dev.aiworkbench.progress.ProgressEvent;
import dev.aiworkbench.progress.TaskState;
import dev.aiworkbench.ui.AppDriver;
import javafx.scene.Node;
import javafx.scene.control.Tooltip;
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
import java.util.stream.IntStream;

import static org.assertj.core.api.Assertions.assertThat;

/** One square a day, each saying its day and count: to the pointer as a tooltip, and to a screen reader. */
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
            heatmap.show(threeChangesYesterday(), TODAY);
            stage = AppDriver.showAlone(heatmap, 600, 200);
        });
        return heatmap;
    }

    private static Node square(FxRobot robot, LocalDate day) {
        return robot.lookup(".heatmap-cell").queryAll().stream()
                .filter(cell -> cell.getAccessibleText().startsWith(day + ":")).findFirst().orElseThrow();
    }

    private static Optional<String> tooltipShowing() {
        return Window.getWindows().stream().filter(w -> w instanceof Tooltip && w.isShowing())
                .map(w -> ((Tooltip) w).getText()).findFirst();
    }

    @Test
    void every_day_up_to_today_has_a_square_that_says_its_day_and_count(FxRobot robot) {
        show(robot);

        assertThat(robot.lookup(".heatmap-cell").queryAll()).hasSize((ActivityHeatmap.WEEKS - 1) * 7
                + TODAY.getDayOfWeek().getValue());
        assertThat(square(robot, TODAY.minusDays(1)).getAccessibleText()).isEqualTo("2026-12-04: 3 changes");
        assertThat(square(robot, TODAY.minusDays(1)).getStyleClass()).contains("heat-2");
        assertThat(square(robot, TODAY).getAccessibleText()).isEqualTo("2026-12-05: no activity");
    }

    @Test
    void the_pointer_on_a_square_shows_that_days_tooltip(FxRobot robot) throws Exception {
        show(robot);

        robot.moveTo(square(robot, TODAY.minusDays(1)));
        AppDriver.waitFor(() -> tooltipShowing().isPresent());
        assertThat(tooltipShowing()).contains("2026-12-04: 3 changes");

        robot.moveTo(square(robot, TODAY.minusDays(3)));
        AppDriver.waitFor(() -> tooltipShowing().filter(text -> text.startsWith("2026-12-02")).isPresent());
        assertThat(tooltipShowing()).contains("2026-12-02: no activity");
    }
}
