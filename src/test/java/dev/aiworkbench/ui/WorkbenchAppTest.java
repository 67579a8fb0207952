package dev.aiworkbench.ui;

import org.junit.jupiter.api.Tag;
import dev.aiworkbench.app.WorkbenchOptions;
import dev.aiworkbench.curriculum.InstalledPack;
import dev.aiworkbench.curriculum.Week;
import dev.aiworkbench.ui.common.ThemeChoice;
import dev.aiworkbench.ui.shell.ScreenEntry;
import dev.aiworkbench.ui.shell.ScreenRegistry;
import javafx.scene.control.CheckBox;
import javafx.scene.control.Label;
import javafx.scene.control.ListView;
import javafx.scene.control.ProgressBar;
import javafx.scene.control.TextArea;
import javafx.scene.control.ToggleButton;
import javafx.scene.input.KeyCode;
import org.apache.commons.io.FileUtils;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.Optional;
import java.util.stream.Stream;

import static dev.aiworkbench.ui.AppDriver.node;
import static dev.aiworkbench.ui.AppDriver.waitFor;
import static org.assertj.core.api.Assertions.assertThat;

/** Drives the real app shell over a temporary data folder, as a learner would. */
@Tag("ui")
@ExtendWith(ApplicationExtension.class)
class WorkbenchAppTest {
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

    private WorkbenchOptions options() {
        return new WorkbenchOptions(Optional.of(data), Optional.empty());
    }

    @Test
    void a_task_marked_done_and_a_note_survive_a_restart(FxRobot robot) throws Exception {
        String taskId = WEEK_ONE.tasks().get(0).id();
        app = AppDriver.start(options());
        AppDriver.waitUntilReady(app);

        robot.clickOn("#nav-curriculum");
        robot.clickOn("#tree-" + WEEK_ONE.id());
        assertThat(node(robot, "#week-title", Label.class).getText()).startsWith("Week 1 · ");
        robot.clickOn("#done-" + taskId);
        AppDriver.reveal(robot, "#week-note");
        robot.clickOn("#week-note").write("The event loop finally makes sense.");
        robot.clickOn("#save-note");
        waitFor(() -> app.shell() != null && node(robot, "#note-status", Label.class).getText().equals("Saved"));
        AppDriver.stop(app);

        app = AppDriver.start(options());
        AppDriver.waitUntilReady(app);
        robot.clickOn("#nav-curriculum");
        robot.clickOn("#tree-" + WEEK_ONE.id());
        assertThat(node(robot, "#done-" + taskId, CheckBox.class).isSelected()).isTrue();
        assertThat(node(robot, "#week-note", TextArea.class).getText()).isEqualTo("The event loop finally makes sense.");

        robot.clickOn("#nav-today");
        ProgressBar overall = node(robot, "#completion-overall", ProgressBar.class);
        assertThat(overall.getProgress()).as("one task of the plan is done").isGreaterThan(0).isLessThan(0.1);
    }

    @Test
    void a_note_still_being_typed_is_saved_when_the_app_closes(FxRobot robot) throws Exception {
        app = AppDriver.start(options());
        AppDriver.waitUntilReady(app);
        robot.clickOn("#nav-curriculum");
        robot.clickOn("#tree-" + WEEK_ONE.id());
        AppDriver.reveal(robot, "#week-note");
        robot.clickOn("#week-note").write("typed just before quitting");
        AppDriver.stop(app);

        app = AppDriver.start(options());
        AppDriver.waitUntilReady(app);
        robot.clickOn("#nav-curriculum");
        robot.clickOn("#tree-" + WEEK_ONE.id());
        assertThat(node(robot, "#week-note", TextArea.class).getText()).isEqualTo("typed just before quitting");
    }

    @Test
    void everything_is_reachable_from_the_keyboard(FxRobot robot) throws Exception {
        app = AppDriver.start(options());
        AppDriver.waitUntilReady(app);
        assertThat(node(robot, "#today-week", Label.class).getText()).startsWith("Week 1 of 36");
        robot.clickOn("#today-week");

        robot.press(KeyCode.CONTROL).type(KeyCode.G).release(KeyCode.CONTROL);
        waitFor(() -> robot.lookup("#week-page").tryQuery().isPresent());
        String first = WEEK_ONE.tasks().get(0).id();
        CheckBox firstBox = node(robot, "#done-" + first, CheckBox.class);
        waitFor(() -> firstBox.getScene().getFocusOwner() == firstBox);
        robot.type(KeyCode.SPACE);
        waitFor(() -> node(robot, "#done-" + first, CheckBox.class).isSelected());

        robot.press(KeyCode.CONTROL).type(KeyCode.DIGIT1).release(KeyCode.CONTROL);
        waitFor(() -> robot.lookup("#today").tryQuery().isPresent());
        waitFor(() -> node(robot, "#whats-next-title", Label.class).getText().equals(WEEK_ONE.tasks().get(1).title()));

        robot.type(KeyCode.F1);
        waitFor(() -> robot.lookup("#help-overlay").tryQuery().map(n -> n.isVisible()).orElse(false));
        robot.type(KeyCode.ESCAPE);
        waitFor(() -> robot.lookup("#help-overlay").tryQuery().map(n -> !n.isVisible() || n.getScene() == null)
                .orElse(true));

        ThemeChoice before = app.shell().themeProperty().get();
        robot.press(KeyCode.CONTROL, KeyCode.SHIFT).type(KeyCode.L).release(KeyCode.SHIFT, KeyCode.CONTROL);
        waitFor(() -> app.shell().themeProperty().get() == before.opposite());

        robot.press(KeyCode.CONTROL).type(KeyCode.COMMA).release(KeyCode.CONTROL);
        waitFor(() -> robot.lookup("#settings").tryQuery().isPresent());
        assertThat(robot.lookup("#data-folder").queryTextInputControl().getText()).isEqualTo(data.toString());
    }

    @Test
    void the_help_card_lists_how_to_open_every_screen_in_the_registry(FxRobot robot) throws Exception {
        app = AppDriver.start(options());
        AppDriver.waitUntilReady(app);

        robot.clickOn("#help-button");
        waitFor(() -> robot.lookup("#help-overlay").tryQuery().isPresent());

        java.util.List<String> rows = robot.lookup("#help-overlay .label").queryAllAs(Label.class).stream()
                .map(Label::getText).toList();
        for (ScreenEntry screen : ScreenRegistry.entries()) {
            int keys = rows.indexOf(screen.shortcut().getDisplayText());
            assertThat(keys).as(screen.id()).isNotNegative();
            assertThat(rows.get(keys + 1)).isEqualTo("Open " + screen.title());
        }
        assertThat(rows).contains("Ctrl+1", "Ctrl+,", "Ctrl+G", "Ctrl+Enter / Ctrl+Shift+Enter");
    }

    @Test
    void the_timer_logs_time_on_a_task(FxRobot robot) throws Exception {
        String taskId = WEEK_ONE.tasks().get(1).id();
        app = AppDriver.start(options());
        AppDriver.waitUntilReady(app);
        robot.clickOn("#nav-curriculum");
        robot.clickOn("#tree-" + WEEK_ONE.id());
        robot.clickOn("#timer-" + taskId);
        waitFor(() -> node(robot, "#timer-" + taskId, ToggleButton.class).isSelected()
                && robot.lookup("#item-" + taskId + " .item-time").queryAs(Label.class).getText().contains("timing"));
        robot.clickOn("#timer-" + taskId);
        waitFor(() -> !node(robot, "#timer-" + taskId, ToggleButton.class).isSelected());
        AppDriver.reveal(robot, "#log-time");
        robot.clickOn("#log-time");
        waitFor(() -> robot.lookup("#item-" + WEEK_ONE.tasks().get(0).id() + " .item-time").queryAs(Label.class)
                .getText().equals("30 min"));
    }

    @Test
    void the_app_backs_up_once_a_day_after_it_opens_and_settings_lists_the_backup(FxRobot robot) throws Exception {
        app = AppDriver.start(options());
        AppDriver.waitUntilReady(app);
        waitFor(() -> dailyBackups() == 1);
        AppDriver.stop(app);

        app = AppDriver.start(options());
        AppDriver.waitUntilReady(app);
        robot.clickOn("#nav-settings");
        // The list loads on the same worker as the daily backup, after it: a second backup would show here.
        waitFor(() -> !node(robot, "#backup-list", ListView.class).getItems().isEmpty());
        assertThat(node(robot, "#backup-list", ListView.class).getItems()).hasSize(1);
        assertThat(dailyBackups()).isEqualTo(1);
    }

    @Test
    void log_files_an_earlier_version_named_by_day_go_once_two_weeks_old_after_the_app_opens() throws Exception {
        Path logs = Files.createDirectories(data.resolve("logs"));
        Path expired = Files.writeString(logs.resolve("workbench." + LocalDate.now().minusDays(30) + ".0.log"), "old\n");
        Path recent = Files.writeString(logs.resolve("workbench." + LocalDate.now().minusDays(2) + ".0.log"), "new\n");

        app = AppDriver.start(options());
        AppDriver.waitUntilReady(app);

        waitFor(() -> !Files.exists(expired));
        assertThat(recent).exists();
        assertThat(logs.resolve("workbench.log")).exists();
    }

    @Test
    void the_built_in_packs_copy_is_kept_after_the_first_screen_and_again_when_it_is_gone() throws Exception {
        Path copy = data.resolve("bundled-packs").resolve(InstalledPack.DEFAULT_PACK)
                .resolve(InstalledPack.load(Optional.empty(), "0.1.0").pack().orElseThrow().info().version());
        app = AppDriver.start(options());
        AppDriver.waitUntilReady(app);
        waitFor(() -> Files.exists(copy.resolve("pack.yaml")));
        AppDriver.stop(app);

        FileUtils.deleteDirectory(copy.toFile());
        app = AppDriver.start(options());
        AppDriver.waitUntilReady(app);

        waitFor(() -> Files.exists(copy.resolve("pack.yaml")));
    }

    private long dailyBackups() throws IOException {
        Path folder = data.resolve("backups");
        if (!Files.isDirectory(folder)) {
            return 0;
        }
        try (Stream<Path> files = Files.list(folder)) {
            return files.filter(f -> f.getFileName().toString().matches("workbench-\\d{8}-\\d{6}-daily\\.db")).count();
        }
    }

    @Test
    void a_damaged_database_is_kept_aside_and_the_app_starts_fresh(FxRobot robot) throws Exception {
        Files.createDirectories(data);
        Files.write(data.resolve("workbench.db"), "this is not a database, it is a shopping list".repeat(100).getBytes());
        app = AppDriver.start(options());
        waitFor(() -> robot.lookup("#startup-problem").tryQuery().isPresent());
        assertThat(node(robot, "#startup-problem-message", Label.class).getText())
                .contains("workbench.db").contains("Keep it aside");

        robot.clickOn("#start-fresh");
        AppDriver.waitUntilReady(app);
        try (Stream<Path> files = Files.list(data)) {
            assertThat(files.map(p -> p.getFileName().toString()))
                    .anyMatch(name -> name.startsWith("workbench.db.set-aside-"));
        }
        assertThat(node(robot, "#today-week", Label.class).getText()).startsWith("Week 1 of 36");
    }

    @Test
    void a_broken_pack_shows_its_problems_and_what_could_be_read(FxRobot robot, @TempDir Path packs) throws Exception {
        Path pack = BrokenPack.copyOfDefaultWithGap(packs);
        app = AppDriver.start(new WorkbenchOptions(Optional.of(data), Optional.of(pack)));
        AppDriver.waitUntilReady(app);
        assertThat(robot.lookup("#pack-problems").queryTextInputControl().getText())
                .contains("week 3 is missing");
        assertThat(robot.lookup("#nav-curriculum").query().isVisible()).isTrue();
    }

    @Test
    void without_a_readable_pack_only_working_screens_are_offered(FxRobot robot) throws Exception {
        app = AppDriver.start(new WorkbenchOptions(Optional.of(data), Optional.of(data.resolve("no-such-pack"))));
        AppDriver.waitUntilReady(app);
        assertThat(robot.lookup("#nav-curriculum").query().isVisible()).isFalse();
        assertThat(robot.lookup("#nav-assess").query().isVisible()).isFalse();
        assertThat(robot.lookup("#nav-today").query().isVisible()).isTrue();
        assertThat(robot.lookup("#pack-problems").queryTextInputControl().getText()).contains("does not exist");
    }
}
