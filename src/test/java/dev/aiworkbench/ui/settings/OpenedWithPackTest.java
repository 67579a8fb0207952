package dev.aiworkbench.ui.settings;

import dev.aiworkbench.app.GuiLaunch;
import dev.aiworkbench.app.WorkbenchOptions;
import dev.aiworkbench.curriculum.Pack;
import dev.aiworkbench.packs.InstalledPackEntry;
import dev.aiworkbench.packs.PackShelf;
import dev.aiworkbench.testing.PackFiles;
import dev.aiworkbench.ui.AppDriver;
import dev.aiworkbench.ui.WorkbenchApp;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.api.FxToolkit;
import org.testfx.framework.junit5.ApplicationExtension;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.Optional;

import static dev.aiworkbench.ui.AppDriver.node;
import static dev.aiworkbench.ui.AppDriver.waitFor;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * The app opened with a pack file (a double-click on a .wbpack, or {@code workbench my-pack.wbpack}): it lands on
 * Settings asking whether to install it, with the usual question and unsigned warning, and installs only on confirm.
 */
@Tag("ui")
@ExtendWith(ApplicationExtension.class)
class OpenedWithPackTest {
    private static final Pack SECOND = PackFiles.load(PackFiles.SECOND_PACK).pack().orElseThrow();

    @TempDir
    Path data;

    @TempDir
    Path downloads;

    private WorkbenchApp app;

    @AfterEach
    void stop() throws Exception {
        if (app != null) {
            AppDriver.stop(app);
        }
    }

    private void open(Path packFile) throws Exception {
        FxToolkit.registerPrimaryStage();
        app = (WorkbenchApp) FxToolkit.setupApplication(() -> new WorkbenchApp(new GuiLaunch(
                new WorkbenchOptions(Optional.of(data), Optional.empty()), Optional.of(packFile)),
                Clock.systemDefaultZone()));
        AppDriver.waitUntilReady(app);
    }

    @Test
    void asks_on_settings_and_installs_only_when_confirmed(FxRobot robot) throws Exception {
        Path packFile = PackFiles.zip(PackFiles.SECOND_PACK, downloads.resolve("evals-1.0.0.wbpack"), SECOND.id());

        open(packFile);

        waitFor(() -> robot.lookup("#pack-question").tryQuery().map(n -> ((Label) n).getText())
                .filter(text -> text.startsWith("Install " + SECOND.info().title())).isPresent());
        assertThat(node(robot, "#pack-question", Label.class).getText())
                .contains("unsigned: anyone could have changed it");
        assertThat(node(robot, "#confirm-pack", Button.class).getText()).isEqualTo("Install");
        assertThat(new PackShelf(data.resolve("packs")).list()).isEmpty();

        AppDriver.reveal(robot, "#confirm-pack");
        robot.clickOn("#confirm-pack");
        waitFor(() -> !new PackShelf(data.resolve("packs")).list().isEmpty());
        assertThat(new PackShelf(data.resolve("packs")).list()).extracting(InstalledPackEntry::id).containsExactly(SECOND.id());
    }

    @Test
    void a_file_that_is_no_pack_is_refused_with_its_reason_and_nothing_is_installed(FxRobot robot) throws Exception {
        Path notAPack = Files.writeString(downloads.resolve("notes.wbpack"), "not a zip");

        open(notAPack);

        waitFor(() -> robot.lookup("#pack-status").tryQuery().map(n -> ((Label) n).getText())
                .filter(text -> text.startsWith("Not installed")).isPresent());
        assertThat(node(robot, "#pack-question", Label.class).getText()).isEmpty();
        assertThat(new PackShelf(data.resolve("packs")).list()).isEmpty();
    }
}
