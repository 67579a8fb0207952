package dev.aiworkbench.ui;

import dev.aiworkbench.app.WorkbenchOptions;
import dev.aiworkbench.cli.ChildWorkbench;
import dev.aiworkbench.curriculum.InstalledPack;
import dev.aiworkbench.curriculum.Week;
import javafx.scene.control.CheckBox;
import javafx.scene.control.Label;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.util.WaitForAsyncUtils;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Optional;
import java.util.concurrent.TimeUnit;

import static dev.aiworkbench.ui.AppDriver.node;
import static org.assertj.core.api.Assertions.assertThat;

/** The open app shows what another process wrote to its data folder, within two seconds and without a restart. */
@Tag("ui")
@ExtendWith(ApplicationExtension.class)
class OtherProcessWritesTest {
    private static final Week WEEK_ONE = InstalledPack.load(Optional.empty(), "0.1.0").pack().orElseThrow()
            .weekNumber(1).orElseThrow();

    @TempDir
    Path data;

    private WorkbenchApp app;

    @AfterEach
    void stopApp() throws Exception {
        if (app != null) {
            AppDriver.stop(app);
        }
    }

    /** Runs {@code workbench --data-dir <data> args...} in a child JVM, to its end; returns when it has ended. */
    private void inAnotherProcess(String... args) throws Exception {
        Process process = new ProcessBuilder(ChildWorkbench.command(data, args)).redirectErrorStream(true).start();
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(process.waitFor(60, TimeUnit.SECONDS)).isTrue();
        assertThat(process.exitValue()).as(output).isZero();
    }

    @Test
    void a_task_marked_from_the_command_line_is_ticked_on_curriculum_and_today_within_two_seconds(FxRobot robot)
            throws Exception {
        String taskId = WEEK_ONE.tasks().get(0).id();
        app = AppDriver.start(new WorkbenchOptions(Optional.of(data), Optional.empty()));
        AppDriver.waitUntilReady(app);
        assertThat(node(robot, "#whats-next-title", Label.class).getText()).contains(WEEK_ONE.tasks().get(0).title());
        robot.clickOn("#nav-curriculum");
        robot.clickOn("#tree-" + WEEK_ONE.id());
        assertThat(node(robot, "#done-" + taskId, CheckBox.class).isSelected()).isFalse();

        inAnotherProcess("progress", "mark", taskId, "done");

        WaitForAsyncUtils.waitFor(2, TimeUnit.SECONDS,
                () -> node(robot, "#done-" + taskId, CheckBox.class).isSelected());
        assertThat(app.sessionModels().progress().snapshot().state(taskId))
                .isEqualTo(dev.aiworkbench.progress.TaskState.DONE);
        robot.clickOn("#nav-today");
        assertThat(node(robot, "#whats-next-title", Label.class).getText()).contains(WEEK_ONE.tasks().get(1).title());
    }

    @Test
    void the_apps_own_tick_is_not_read_back_by_the_watch(FxRobot robot) throws Exception {
        String taskId = WEEK_ONE.tasks().get(0).id();
        app = AppDriver.start(new WorkbenchOptions(Optional.of(data), Optional.empty()));
        AppDriver.waitUntilReady(app);
        int[] published = new int[1];
        robot.interact(() -> app.sessionModels().progress().snapshotProperty()
                .addListener((obs, was, now) -> published[0]++));
        robot.clickOn("#nav-curriculum");
        robot.clickOn("#tree-" + WEEK_ONE.id());

        robot.clickOn("#done-" + taskId);
        AppDriver.waitFor(() -> published[0] == 1);
        Thread.sleep(2_000);
        WaitForAsyncUtils.waitForFxEvents();

        // one snapshot for the tick itself; a read caused by the watch would have published a second
        assertThat(published[0]).isEqualTo(1);
    }
}
