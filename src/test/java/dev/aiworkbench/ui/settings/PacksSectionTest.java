package dev.aiworkbench.ui.settings;

import atlantafx.base.controls.Message;
import dev.aiworkbench.app.AppInfo;
import dev.aiworkbench.app.WorkbenchOptions;
import dev.aiworkbench.curriculum.InstalledPack;
import dev.aiworkbench.curriculum.Pack;
import dev.aiworkbench.curriculum.PackLoader;
import dev.aiworkbench.curriculum.Task;
import dev.aiworkbench.curriculum.Week;
import dev.aiworkbench.packs.ListedPack;
import dev.aiworkbench.packs.PackInstaller;
import dev.aiworkbench.packs.PackShelf;
import dev.aiworkbench.packs.TrustedKeys;
import dev.aiworkbench.progress.TaskState;
import dev.aiworkbench.testing.FakeOllama;
import dev.aiworkbench.testing.PackFiles;
import dev.aiworkbench.ui.AppDriver;
import dev.aiworkbench.ui.WorkbenchApp;
import dev.aiworkbench.ui.shell.ScreenRegistry;
import javafx.scene.control.Button;
import javafx.scene.control.CheckBox;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.ListView;
import javafx.scene.control.ToggleButton;
import javafx.scene.control.TreeCell;
import javafx.scene.input.KeyCode;
import javafx.scene.input.KeyCodeCombination;
import org.fxmisc.richtext.CodeArea;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;

import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Optional;

import static dev.aiworkbench.ui.AppDriver.node;
import static dev.aiworkbench.ui.AppDriver.waitFor;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.groups.Tuple.tuple;

/**
 * The Packs section in the real app's Settings: installing a second pack, and switching between packs in the open
 * window, with the progress of each kept.
 */
@Tag("ui")
@ExtendWith(ApplicationExtension.class)
class PacksSectionTest {
    private static final Path SECOND_PACK = Path.of("curriculum", "llm-evals-in-practice");
    private static final Pack SECOND = PackFiles.load(SECOND_PACK).pack().orElseThrow();
    private static final Pack BUILT_IN = InstalledPack.load(Optional.empty(), AppInfo.version()).pack().orElseThrow();

    @TempDir
    Path data;

    private WorkbenchApp app;
    private FakeOllama fake;

    @AfterEach
    void stop() throws Exception {
        if (app != null) {
            AppDriver.stop(app);
        }
        if (fake != null) {
            fake.close();
        }
    }

    @SuppressWarnings("unchecked")
    private static ListView<ListedPack> packs(FxRobot robot) {
        return robot.lookup("#pack-list").queryAs(ListView.class);
    }

    private static void press(FxRobot robot, String screen) {
        KeyCode key = ((KeyCodeCombination) ScreenRegistry.entry(screen).shortcut()).getCode();
        robot.press(KeyCode.CONTROL).type(key).release(KeyCode.CONTROL);
    }

    private static void openSettings(FxRobot robot) throws Exception {
        press(robot, ScreenRegistry.SETTINGS);
        waitFor(() -> robot.lookup("#settings #packs").tryQuery().isPresent());
    }

    private static String notice(FxRobot robot) {
        return robot.lookup("#notice-message").tryQuery().filter(javafx.scene.Node::isVisible)
                .map(n -> ((Message) n).getDescription()).orElse("");
    }

    /** Clicks Use on a pack and waits until the app shows Settings again over it, with the notice naming it. */
    private void use(FxRobot robot, Pack pack) throws Exception {
        AppDriver.reveal(robot, "#use-" + pack.id());
        robot.clickOn("#use-" + pack.id());
        waitForSwitch(robot, pack);
    }

    private void waitForSwitch(FxRobot robot, Pack pack) throws Exception {
        waitFor(() -> notice(robot).startsWith("You now walk " + pack.info().title() + " " + pack.info().version()));
        AppDriver.waitUntilReady(app);
        waitFor(() -> robot.lookup("#settings #packs").tryQuery().isPresent()
                && packs(robot).getItems().stream().anyMatch(p -> p.id().equals(pack.id()) && p.active()));
    }

    private static void openWeekOne(FxRobot robot, Pack pack) throws Exception {
        press(robot, ScreenRegistry.CURRICULUM);
        Week one = pack.weekNumber(1).orElseThrow();
        waitFor(() -> robot.lookup("#tree-" + one.id()).tryQuery().isPresent());
        robot.clickOn("#tree-" + one.id());
        waitFor(() -> robot.lookup("#done-" + one.tasks().get(0).id()).tryQuery().isPresent());
    }

    @Test
    void a_dropped_pack_installs_use_switches_the_open_app_to_it_and_back_and_progress_is_kept(FxRobot robot)
            throws Exception {
        app = AppDriver.start(new WorkbenchOptions(Optional.of(data), Optional.empty()));
        AppDriver.waitUntilReady(app);
        String builtInTask = BUILT_IN.weekNumber(1).orElseThrow().tasks().get(0).id();
        Task timed = BUILT_IN.weekNumber(1).orElseThrow().tasks().get(1);
        openWeekOne(robot, BUILT_IN);
        robot.clickOn("#done-" + builtInTask);
        waitFor(() -> app.sessionModels().progress().snapshot().state(builtInTask) == TaskState.DONE);
        robot.clickOn("#timer-" + timed.id());
        waitFor(() -> app.sessionModels().progress().runningTimer().isPresent());

        openSettings(robot);
        assertThat(node(robot, "#install-pack", Button.class).getText()).isEqualTo("Install pack…");
        assertThat(robot.lookup("#install-pack-folder").tryQuery()).isPresent();
        waitFor(() -> packs(robot).getItems().size() == 1);
        PacksSection section = robot.lookup("#packs").queryAs(PacksSection.class);
        boolean[] taken = new boolean[1];
        robot.interact(() -> taken[0] = section.takeDropped(List.of(SECOND_PACK.toFile())));
        assertThat(taken[0]).isTrue();
        waitFor(() -> node(robot, "#pack-question", Label.class).getText().startsWith("Install "
                + SECOND.info().title()));
        AppDriver.reveal(robot, "#confirm-pack");
        robot.clickOn("#confirm-pack");
        waitFor(() -> packs(robot).getItems().size() == 2);
        assertThat(packs(robot).getItems()).extracting(ListedPack::id, ListedPack::active)
                .containsExactly(tuple(BUILT_IN.id(), true),
                        tuple(SECOND.id(), false));
        assertThat(node(robot, "#use-" + BUILT_IN.id(), Button.class).isDisabled()).isTrue();

        AppDriver.reveal(robot, "#use-" + SECOND.id());
        robot.clickOn("#use-" + SECOND.id());
        waitFor(() -> !node(robot, "#pack-question", Label.class).getText().isEmpty());
        assertThat(node(robot, "#pack-question", Label.class).getText()).isEqualTo("Switch to "
                + SECOND.info().title() + " now? Switching stops the timer on " + timed.title()
                + "; your progress is kept.");
        AppDriver.reveal(robot, "#confirm-pack");
        robot.clickOn("#confirm-pack");
        waitForSwitch(robot, SECOND);

        assertThat(new PackShelf(data.resolve("packs")).activeId()).contains(SECOND.id());
        assertThat(node(robot, "#use-" + SECOND.id(), Button.class).isDisabled()).isTrue();
        robot.press(KeyCode.CONTROL, KeyCode.SHIFT).type(KeyCode.L).release(KeyCode.SHIFT, KeyCode.CONTROL);
        waitFor(() -> node(robot, "#theme-choice", ComboBox.class).getValue() == app.shell().themeProperty().get()
                && app.shell().themeProperty().get().dark());
        press(robot, ScreenRegistry.TODAY);
        waitFor(() -> robot.lookup("#today-pack").tryQuery().isPresent());
        assertThat(node(robot, "#today-pack", Label.class).getText()).isEqualTo(SECOND.info().title());
        assertThat(node(robot, "#today-week", Label.class).getText())
                .isEqualTo("Week 1 of 4: " + SECOND.weekNumber(1).orElseThrow().title());
        openWeekOne(robot, SECOND);
        for (Week week : SECOND.weeks()) {
            assertThat(node(robot, "#tree-" + week.id(), TreeCell.class).getText())
                    .isEqualTo("Week " + week.number() + " · " + week.title());
        }
        assertThat(node(robot, "#done-" + SECOND.weekNumber(1).orElseThrow().tasks().get(0).id(), CheckBox.class)
                .isSelected()).isFalse();

        openSettings(robot);
        use(robot, BUILT_IN);

        assertThat(new PackShelf(data.resolve("packs")).activeId()).isEmpty();
        press(robot, ScreenRegistry.TODAY);
        waitFor(() -> robot.lookup("#today-pack").tryQuery().isPresent());
        assertThat(node(robot, "#today-pack", Label.class).getText()).isEqualTo(BUILT_IN.info().title());
        assertThat(node(robot, "#today-week", Label.class).getText()).startsWith("Week 1 of 36: ");
        openWeekOne(robot, BUILT_IN);
        assertThat(node(robot, "#done-" + builtInTask, CheckBox.class).isSelected()).isTrue();
        assertThat(node(robot, "#timer-" + timed.id(), ToggleButton.class).isSelected())
                .as("the switch stopped the timer").isFalse();
        assertThat(app.sessionModels().progress().snapshot().runningTimer()).isEmpty();
    }

    @Test
    void switching_while_an_answer_streams_asks_first_then_stops_it(FxRobot robot) throws Exception {
        PackShelf shelf = new PackShelf(data.resolve("packs"));
        PackInstaller installer = new PackInstaller(shelf, new TrustedKeys(data.resolve("trusted-keys"),
                Clock.systemUTC()), new PackLoader(AppInfo.version()));
        installer.install(installer.plan(SECOND_PACK));
        fake = FakeOllama.start();
        fake.model("llama3.2:latest").answer("Kubernetes", " schedules", " containers", ".");
        fake.endlessStream();
        app = AppDriver.start(new WorkbenchOptions(Optional.of(data), Optional.empty(), Optional.of(fake.baseUrl())));
        AppDriver.waitUntilReady(app);
        press(robot, ScreenRegistry.PLAYGROUND);
        waitFor(() -> robot.lookup("#playground").tryQuery().isPresent()
                && !node(robot, "#model-choice", ComboBox.class).getItems().isEmpty());
        robot.clickOn("#template-editor").write("Talk forever.");
        robot.clickOn("#run-prompt");
        waitFor(() -> node(robot, "#output", CodeArea.class).getText().length() > 20);

        openSettings(robot);
        waitFor(() -> packs(robot).getItems().size() == 2);
        AppDriver.reveal(robot, "#use-" + SECOND.id());
        robot.clickOn("#use-" + SECOND.id());

        waitFor(() -> !node(robot, "#pack-question", Label.class).getText().isEmpty());
        assertThat(node(robot, "#pack-question", Label.class).getText()).isEqualTo("Switch to "
                + SECOND.info().title() + " now? Switching stops a playground run; your progress is kept.");
        assertThat(shelf.activeId()).as("nothing changes before the learner agrees").isEmpty();
        assertThat(fake.streamsInFlight()).isEqualTo(1);

        AppDriver.reveal(robot, "#confirm-pack");
        robot.clickOn("#confirm-pack");
        waitFor(() -> notice(robot).startsWith("You now walk " + SECOND.info().title()));
        assertThat(fake.awaitNoStreamInFlight(Duration.ofSeconds(5))).isTrue();
        assertThat(shelf.activeId()).contains(SECOND.id());
    }
}
