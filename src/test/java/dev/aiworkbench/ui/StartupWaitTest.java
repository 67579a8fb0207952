package dev.aiworkbench.ui;

import dev.aiworkbench.app.WorkbenchOptions;
import dev.aiworkbench.store.MigrationLocks;
import javafx.scene.Node;
import javafx.scene.control.Label;
import javafx.scene.input.KeyCode;
import org.flywaydb.core.api.FlywayException;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.sqlite.SQLiteErrorCode;
import org.sqlite.SQLiteException;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;

import java.nio.file.Path;
import java.util.Optional;

import static dev.aiworkbench.ui.AppDriver.node;
import static dev.aiworkbench.ui.AppDriver.waitFor;
import static org.assertj.core.api.Assertions.assertThat;

/** The app opening a data folder that another process is setting up, and what its startup screens say. */
@Tag("ui")
@ExtendWith(ApplicationExtension.class)
class StartupWaitTest {
    @TempDir
    Path data;

    private WorkbenchApp app;

    @AfterEach
    void stopApp() throws Exception {
        if (app != null) {
            AppDriver.stop(app);
        }
    }

    @Test
    void whileAnotherProcessMigratesTheSplashSaysSoAndTheAppOpensAfterwards(FxRobot robot) throws Exception {
        try (MigrationLocks.Held other = MigrationLocks.hold(data.resolve("workbench.db"))) {
            app = AppDriver.start(new WorkbenchOptions(Optional.of(data), Optional.empty()));
            waitFor(() -> robot.lookup("#loading-notice").tryQuery().isPresent());
            assertThat(robot.lookup("#loading-spinner").tryQuery()).as("opening has taken a while").isPresent();
            assertThat(node(robot, "#loading-notice", Label.class).getText()).isEqualTo("Waiting for another "
                    + "workbench process that is setting up the database in " + data.toAbsolutePath()
                    + " (this happens once, after an install or an update)…");
            assertThat(app.workbench()).as("still waiting").isNull();
        }
        AppDriver.waitUntilReady(app);
        assertThat(robot.lookup("#loading-notice").tryQuery()).isEmpty();
        assertThat(robot.lookup("#loading-spinner").tryQuery()).isEmpty();
    }

    @Test
    void beforeTheDataOpensTheWindowHasNoScreensYetButItsHelpCardOpens(FxRobot robot) throws Exception {
        try (MigrationLocks.Held other = MigrationLocks.hold(data.resolve("workbench.db"))) {
            app = AppDriver.start(new WorkbenchOptions(Optional.of(data), Optional.empty()));
            waitFor(() -> robot.lookup("#loading").tryQuery().isPresent());
            // The screens' navigation is made with the session; their shortcuts wait for it.
            assertThat(robot.lookup("#nav-today").tryQuery()).isEmpty();
            robot.press(KeyCode.CONTROL).type(KeyCode.DIGIT2).release(KeyCode.CONTROL);
            assertThat(robot.lookup("#loading").tryQuery()).isPresent();
            // The overlay is made on first use, and shows the card at once.
            robot.type(KeyCode.F1);
            waitFor(() -> robot.lookup("#help-overlay").tryQuery().map(Node::isVisible).orElse(false));
            robot.type(KeyCode.ESCAPE);
            waitFor(() -> robot.lookup("#help-overlay").tryQuery().map(n -> !n.isVisible() || n.getScene() == null)
                    .orElse(true));
        }
        AppDriver.waitUntilReady(app);
        assertThat(robot.lookup("#nav-today").query().isVisible()).isTrue();
        assertThat(robot.lookup("#today").tryQuery()).isPresent();
    }

    @Test
    void aStartupFailureFromTheLibrariesIsTheStoresSentence() {
        String said = WorkbenchApp.startupSentence(new FlywayException("Unable to obtain connection",
                new SQLiteException("[SQLITE_READONLY] attempt to write a readonly database",
                        SQLiteErrorCode.SQLITE_READONLY)));

        assertThat(said).contains("can no longer be written").doesNotContain("SQLITE", "Flyway", "readonly database");
        assertThat(WorkbenchApp.startupSentence(new IllegalStateException("raw words"))).doesNotContain("raw words")
                .contains("logs/");
    }
}
