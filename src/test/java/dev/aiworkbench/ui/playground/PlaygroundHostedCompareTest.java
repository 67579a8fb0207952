package dev.aiworkbench.ui.playground;

import dev.aiworkbench.app.ProviderSetup;
import dev.aiworkbench.app.Workbench;
import dev.aiworkbench.app.WorkbenchOptions;
import dev.aiworkbench.llm.ApiKey;
import dev.aiworkbench.llm.ProviderKind;
import dev.aiworkbench.providers.ProviderConfig;
import dev.aiworkbench.testing.FakeOllama;
import dev.aiworkbench.testing.FakeOpenAi;
import dev.aiworkbench.testing.MemoryKeychain;
import dev.aiworkbench.ui.AppDriver;
import dev.aiworkbench.ui.WorkbenchApp;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.TabPane;
import org.fxmisc.richtext.CodeArea;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;

import java.nio.file.Path;
import java.time.Clock;
import java.util.Map;
import java.util.Optional;

import static dev.aiworkbench.ui.AppDriver.node;
import static dev.aiworkbench.ui.AppDriver.waitFor;
import static org.assertj.core.api.Assertions.assertThat;

/** A local model (the fake Ollama) and a hosted one (the fake OpenAI, configured with a key) side by side. */
@Tag("ui")
@ExtendWith(ApplicationExtension.class)
class PlaygroundHostedCompareTest {
    private static final String LOCAL = "llama3.2:latest · ollama";
    private static final String HOSTED = "gpt-4o-mini · hosted";
    private static final String KEY = "sk-test-compare-key-9c2e";

    @TempDir
    Path data;

    private FakeOllama ollama;
    private FakeOpenAi openAi;
    private WorkbenchApp app;

    @BeforeEach
    void start() throws Exception {
        ollama = FakeOllama.start();
        ollama.model("llama3.2:latest").answer("Local", " answer", ".");
        openAi = FakeOpenAi.start();
        openAi.answer("gpt-4o-mini", "Hosted", " answer", ".").requireKey(KEY);
        WorkbenchOptions options = new WorkbenchOptions(Optional.of(data), Optional.empty(),
                Optional.of(ollama.baseUrl())).withProviders(ProviderSetup.system().withEnvironment(Map.of())
                .withKeychain(MemoryKeychain.available()));
        // Configured as Settings > Providers would, before the app opens the same folder and keychain.
        try (Workbench workbench = Workbench.open(options, Clock.systemUTC())) {
            workbench.providers().add(new ProviderConfig("hosted", ProviderKind.OPENAI,
                    Optional.of(openAi.baseUri()), Optional.empty()), Optional.of(ApiKey.of(KEY)));
        }
        app = AppDriver.start(options);
        AppDriver.waitUntilReady(app);
    }

    @AfterEach
    void stop() throws Exception {
        AppDriver.stop(app);
        openAi.close();
        ollama.close();
    }

    @Test
    void aLocalAndAHostedModelRunSideBySideEachWithItsOwnFigures(FxRobot robot) throws Exception {
        robot.clickOn("#nav-playground");
        waitFor(() -> node(robot, "#model-choice", ComboBox.class).getItems().containsAll(java.util.List.of(LOCAL,
                HOSTED)));
        robot.interact(() -> node(robot, "#model-choice", ComboBox.class).getEditor().setText(HOSTED));
        waitFor(() -> node(robot, "#key-in-use", Label.class).getText().equals("Key …9c2e"));
        robot.clickOn("#template-editor").write("Explain {{topic}}.");
        waitFor(() -> robot.lookup("#var-topic").tryQuery().isPresent());
        robot.clickOn("#var-topic").write("Kubernetes");

        robot.interact(() -> robot.lookup(".tab-pane").queryAs(TabPane.class).getSelectionModel().select(1));
        robot.interact(() -> {
            node(robot, "#compare-a", ComboBox.class).setValue(LOCAL);
            node(robot, "#compare-b", ComboBox.class).setValue(HOSTED);
        });
        robot.clickOn("#run-compare");

        waitFor(() -> node(robot, "#left-run-status", Label.class).getText().startsWith("Done")
                && node(robot, "#right-run-status", Label.class).getText().startsWith("Done"));
        assertThat(node(robot, "#left-output", CodeArea.class).getText()).isEqualTo("Local answer.");
        assertThat(node(robot, "#right-output", CodeArea.class).getText()).isEqualTo("Hosted answer.");
        for (String side : new String[] {"left-", "right-"}) {
            assertThat(node(robot, "#" + side + "ttft", Label.class).getText()).matches("TTFT \\d+ ms");
            assertThat(node(robot, "#" + side + "output-tokens", Label.class).getText()).matches("Output tokens \\d+");
        }
        assertThat(node(robot, "#left-cost", Label.class).getText()).isEqualTo("Cost $0 (Local (Ollama))");
        assertThat(node(robot, "#right-cost", Label.class).getText()).startsWith("Cost $")
                .endsWith("(OpenAI GPT-4o mini)");
        assertThat(openAi.lastRequest("/v1/chat/completions").json().path("messages").get(0).path("content")
                .asText()).isEqualTo("Explain Kubernetes.");
    }
}
