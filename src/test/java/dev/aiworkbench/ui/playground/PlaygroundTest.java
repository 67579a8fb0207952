package dev.aiworkbench.ui.playground;

import org.junit.jupiter.api.Tag;
import dev.aiworkbench.ui.AppDriver;
import dev.aiworkbench.ui.WorkbenchApp;
import dev.aiworkbench.app.WorkbenchOptions;
import dev.aiworkbench.testing.FakeOllama;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.TabPane;
import javafx.scene.input.KeyCode;
import javafx.scene.layout.VBox;
import org.fxmisc.richtext.CodeArea;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;

import java.nio.file.Path;
import java.time.Duration;
import java.util.Optional;

import static dev.aiworkbench.ui.AppDriver.node;
import static dev.aiworkbench.ui.AppDriver.waitFor;
import static org.assertj.core.api.Assertions.assertThat;

/** The playground driven as a learner would, against the fake Ollama. */
@Tag("ui")
@ExtendWith(ApplicationExtension.class)
class PlaygroundTest {
    private static final String MODEL = "llama3.2:latest";

    @TempDir
    Path data;

    private FakeOllama fake;
    private WorkbenchApp app;

    @BeforeEach
    void start() throws Exception {
        fake = FakeOllama.start();
        fake.model(MODEL).answer("Kubernetes", " schedules", " containers", ".");
        app = AppDriver.start(new WorkbenchOptions(Optional.of(data), Optional.empty(), Optional.of(fake.baseUrl())));
        AppDriver.waitUntilReady(app);
    }

    @AfterEach
    void stop() throws Exception {
        AppDriver.stop(app);
        fake.close();
    }

    private void openPlayground(FxRobot robot) throws Exception {
        robot.clickOn("#nav-playground");
        waitFor(() -> robot.lookup("#playground").tryQuery().isPresent());
        waitFor(() -> !node(robot, "#model-choice", ComboBox.class).getItems().isEmpty());
    }

    private void typeTemplate(FxRobot robot, String text) {
        robot.clickOn("#template-editor").write(text);
    }

    @Test
    void aTemplateWithAVariableRunsStreamsAndShowsItsFigures(FxRobot robot) throws Exception {
        openPlayground(robot);
        typeTemplate(robot, "Explain {{topic}} to a DevOps engineer.");
        waitFor(() -> robot.lookup("#var-topic").tryQuery().isPresent());
        robot.clickOn("#var-topic").write("Kubernetes");

        robot.clickOn("#run-prompt");

        waitFor(() -> node(robot, "#output", CodeArea.class).getText().equals("Kubernetes schedules containers."));
        waitFor(() -> node(robot, "#run-status", Label.class).getText().startsWith("Done"));
        assertThat(node(robot, "#ttft", Label.class).getText()).matches("TTFT \\d+ ms");
        assertThat(node(robot, "#output-tokens", Label.class).getText()).isEqualTo("Output tokens 4");
        assertThat(node(robot, "#speed", Label.class).getText()).isEqualTo("Speed 50.0 tok/s");
        assertThat(node(robot, "#cost", Label.class).getText()).startsWith("Cost $0");
        waitFor(() -> node(robot, "#cost-elsewhere", Label.class).getText().contains("GPT-4o"));
        assertThat(fake.lastRequest("/api/chat").json().path("messages").get(0).path("content").asText())
                .isEqualTo("Explain Kubernetes to a DevOps engineer.");
    }

    @Test
    void versionsAreSavedAndDiffed(FxRobot robot) throws Exception {
        openPlayground(robot);
        typeTemplate(robot, "Summarise {{text}}.");
        robot.clickOn("#open-save-form");
        robot.clickOn("#save-name").write("summariser");
        robot.clickOn("#save-version");
        waitFor(() -> node(robot, "#editor-state", Label.class).getText().contains("summariser@1"));

        robot.clickOn("#template-editor").type(KeyCode.END).write("\nUse three bullet points.");
        robot.clickOn("#open-save-form");
        robot.clickOn("#save-note-text").write("bullets");
        robot.clickOn("#save-version");
        waitFor(() -> node(robot, "#editor-state", Label.class).getText().contains("summariser@2"));

        robot.interact(() -> robot.lookup(".tab-pane").queryAs(TabPane.class).getSelectionModel().select(3));
        waitFor(() -> node(robot, "#diff-to", ComboBox.class).getValue() != null);
        robot.clickOn("#show-diff");
        waitFor(() -> !node(robot, "#diff-view", VBox.class).getChildren().isEmpty());
        assertThat(robot.lookup("#diff-view .diff-added").queryAs(Label.class).getText())
                .isEqualTo("+ Use three bullet points.");
    }

    @Test
    void stopEndsTheAnswerAndKeepsWhatArrived(FxRobot robot) throws Exception {
        fake.endlessStream();
        openPlayground(robot);
        typeTemplate(robot, "Talk forever.");
        robot.clickOn("#run-prompt");
        waitFor(() -> node(robot, "#output", CodeArea.class).getText().length() > 20);

        robot.clickOn("#stop-run");

        waitFor(() -> node(robot, "#run-status", Label.class).getText().startsWith("Stopped"));
        assertThat(node(robot, "#output", CodeArea.class).getText()).startsWith("Kubernetes schedules");
        assertThat(fake.awaitClientDisconnect(Duration.ofSeconds(2))).isTrue();
    }

    @Test
    void aFailureMidAnswerShowsTheServersWordsAndKeepsThePartialAnswer(FxRobot robot) throws Exception {
        fake.midStreamError(2, "an error was encountered while running the model");
        openPlayground(robot);
        typeTemplate(robot, "Go.");
        robot.clickOn("#run-prompt");

        waitFor(() -> node(robot, "#run-status", Label.class).getText().contains("an error was encountered"));
        assertThat(node(robot, "#output", CodeArea.class).getText()).isEqualTo("Kubernetes schedules");
    }

    @Test
    void aMissingVariableIsRefusedBeforeAnythingIsSent(FxRobot robot) throws Exception {
        openPlayground(robot);
        typeTemplate(robot, "Hello {{name}}");
        waitFor(() -> robot.lookup("#var-name").tryQuery().isPresent());
        robot.clickOn("#run-prompt");

        waitFor(() -> node(robot, "#run-status", Label.class).getText().contains("{{name}}"));
        assertThat(fake.requests("/api/chat")).isEmpty();
    }
}
