package dev.aiworkbench.ui.settings;

import dev.aiworkbench.app.AppInfo;
import dev.aiworkbench.app.WorkbenchOptions;
import dev.aiworkbench.curriculum.PackLoader;
import dev.aiworkbench.packs.ListedPack;
import dev.aiworkbench.packs.PackInstaller;
import dev.aiworkbench.packs.PackShelf;
import dev.aiworkbench.packs.TrustedKeys;
import dev.aiworkbench.ui.AppDriver;
import dev.aiworkbench.ui.WorkbenchApp;
import dev.aiworkbench.ui.shell.ScreenRegistry;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.ListView;
import javafx.scene.input.KeyCode;
import javafx.scene.input.KeyCodeCombination;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;

import java.nio.file.Path;
import java.time.Clock;
import java.util.Optional;

import static dev.aiworkbench.ui.AppDriver.node;
import static dev.aiworkbench.ui.AppDriver.waitFor;
import static org.assertj.core.api.Assertions.assertThat;

/** The Packs section in the real app's Settings: its install buttons, and switching to an installed pack. */
@Tag("ui")
@ExtendWith(ApplicationExtension.class)
class PacksSectionTest {
    private static final String SECOND_ID = "llm-evals-in-practice";

    @TempDir
    Path data;

    private WorkbenchApp app;

    @AfterEach
    void stop() throws Exception {
        if (app != null) {
            AppDriver.stop(app);
        }
    }

    @SuppressWarnings("unchecked")
    private static ListView<ListedPack> packs(FxRobot robot) {
        return robot.lookup("#pack-list").queryAs(ListView.class);
    }

    @Test
    void settings_lists_the_packs_offers_install_and_switching_says_to_restart(FxRobot robot) throws Exception {
        PackShelf shelf = new PackShelf(data.resolve("packs"));
        PackInstaller installer = new PackInstaller(shelf, new TrustedKeys(data.resolve("trusted-keys"),
                Clock.systemUTC()), new PackLoader(AppInfo.version()));
        installer.install(installer.plan(Path.of("curriculum", SECOND_ID)));
        app = AppDriver.start(new WorkbenchOptions(Optional.of(data), Optional.empty()));
        AppDriver.waitUntilReady(app);
        KeyCode key = ((KeyCodeCombination) ScreenRegistry.entry(ScreenRegistry.SETTINGS).shortcut()).getCode();
        robot.press(KeyCode.CONTROL).type(key).release(KeyCode.CONTROL);
        waitFor(() -> robot.lookup("#settings #packs").tryQuery().isPresent());

        assertThat(node(robot, "#install-pack", Button.class).getText()).isEqualTo("Install pack…");
        assertThat(robot.lookup("#install-pack-folder").tryQuery()).isPresent();
        waitFor(() -> packs(robot).getItems().size() == 2);
        assertThat(packs(robot).getItems().get(0).active()).isTrue();

        AppDriver.reveal(robot, "#use-" + SECOND_ID);
        robot.clickOn("#use-" + SECOND_ID);
        waitFor(() -> !node(robot, "#pack-restart", Label.class).getText().isEmpty());
        assertThat(node(robot, "#pack-restart", Label.class).getText())
                .startsWith("Restart the app to walk LLM Evals in Practice");
        assertThat(shelf.activeId()).contains(SECOND_ID);
    }
}
