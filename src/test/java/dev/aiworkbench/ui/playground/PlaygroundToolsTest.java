package dev.aiworkbench.ui.playground;

import dev.aiworkbench.llm.ProviderKind;
import dev.aiworkbench.prompts.Playground;
import dev.aiworkbench.prompts.PriceTable;
import dev.aiworkbench.prompts.PromptRegistry;
import dev.aiworkbench.prompts.RunHistory;
import dev.aiworkbench.providers.ProviderConfig;
import dev.aiworkbench.store.Database;
import dev.aiworkbench.testing.ScriptedAnswer;
import dev.aiworkbench.testing.ScriptedGateway;
import dev.aiworkbench.ui.AppDriver;
import dev.aiworkbench.ui.tasks.FxTaskExecutor;
import javafx.scene.control.Button;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.TextArea;
import javafx.scene.layout.VBox;
import javafx.stage.Stage;
import org.fxmisc.richtext.CodeArea;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.util.WaitForAsyncUtils;

import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Optional;

import static dev.aiworkbench.ui.AppDriver.node;
import static dev.aiworkbench.ui.AppDriver.waitFor;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * The Playground with tools, as a learner uses it: paste definitions, run, watch the call's card fill in as it
 * streams, type the tool's result, send it and read the model's final answer with the figures of both turns. The
 * screen is mounted alone over a scripted model that streams the call in fragments, as OpenAI does.
 */
@Tag("ui")
@ExtendWith(ApplicationExtension.class)
class PlaygroundToolsTest {
    private static final String TOOLS = """
            [{"type": "function", "function": {"name": "get_weather", "description": "Weather in a city",
              "parameters": {"type": "object", "properties": {"city": {"type": "string"}}}}}]""";

    @TempDir
    Path data;

    private final ScriptedGateway gateway = new ScriptedGateway();
    private final FxTaskExecutor tasks = FxTaskExecutor.pooled("playground-tools-test");
    private Database database;
    private Stage stage;

    @BeforeEach
    void mount(FxRobot robot) {
        database = Database.open(data.resolve("workbench.db"));
        RunHistory runs = new RunHistory(database, Clock.systemUTC());
        PriceTable prices = new PriceTable(database);
        Playground playground = new Playground(() -> gateway, runs, prices);
        PlaygroundProviders providers = new PlaygroundProviders(() -> List.of(ProviderConfig.builtIn(ProviderKind.OLLAMA)),
                name -> gateway, name -> playground, name -> Optional.empty(), prices);
        PlaygroundViewModel model = new PlaygroundViewModel(providers, new PromptRegistry(database, Clock.systemUTC()),
                runs, prices, tasks);
        robot.interact(() -> stage = AppDriver.showAlone(new PlaygroundView(model), 1280, 800));
        WaitForAsyncUtils.waitForFxEvents();
    }

    @AfterEach
    void unmount(FxRobot robot) {
        robot.interact(stage::close);
        tasks.close();
        database.close();
    }

    @Test
    void aToolCallStreamsIntoItsCardAndItsResultCarriesTheConversationOn(FxRobot robot) throws Exception {
        gateway.then(ScriptedAnswer.text().call("call_7", "get_weather", "{\"city\":\"Paris\"}", 4).holdAfter(3)
                        .tokens(40, 12))
                .then(ScriptedAnswer.text("Take", " an umbrella.").tokens(70, 4));
        waitFor(() -> !node(robot, "#model-choice", ComboBox.class).getItems().isEmpty());
        robot.clickOn("#template-editor").write("What to wear?");
        // what a paste does: the whole text arrives at once
        robot.interact(() -> node(robot, "#tools-text", TextArea.class).setText(TOOLS));
        waitFor(() -> node(robot, "#tools-summary", Label.class).getText().equals("1 tool offered: get_weather"));

        AppDriver.reveal(robot, "#run-prompt");
        robot.clickOn("#run-prompt");

        assertThat(gateway.awaitHolding(Duration.ofSeconds(10))).isTrue();
        waitFor(() -> robot.lookup("#tool-call-arguments-1").tryQuery().isPresent()
                && !node(robot, "#tool-call-arguments-1", Label.class).getText().isEmpty());
        assertThat(node(robot, "#tool-call-name-1", Label.class).getText()).isEqualTo("get_weather  call_7");
        assertThat("{\"city\":\"Paris\"}").startsWith(node(robot, "#tool-call-arguments-1", Label.class).getText());
        gateway.release();
        waitFor(() -> node(robot, "#tool-call-arguments-1", Label.class).getText()
                .equals("{\n  \"city\" : \"Paris\"\n}"));
        waitFor(() -> !node(robot, "#send-results", Button.class).isDisabled());
        assertThat(node(robot, "#run-status", Label.class).getText()).startsWith("The model asked for a tool call");

        AppDriver.reveal(robot, "#tool-call-result-1");
        robot.clickOn("#tool-call-result-1").write("rain, 14 C");
        AppDriver.reveal(robot, "#send-results");
        robot.clickOn("#send-results");

        waitFor(() -> node(robot, "#output", CodeArea.class).getText().equals("Take an umbrella."));
        waitFor(() -> node(robot, "#run-status", Label.class).getText().startsWith("Done"));
        assertThat(node(robot, "#output-tokens", Label.class).getText()).isEqualTo("Output tokens 4");
        assertThat(node(robot, "#total-figures", Label.class).getText()).startsWith("All turns: TTFT ")
                .contains("Prompt tokens 110").contains("Output tokens 16");
        assertThat(node(robot, "#transcript", VBox.class).getChildren()).hasSize(2);
        assertThat(robot.lookup("#tool-call-result-1").tryQuery()).isEmpty();
        assertThat(gateway.requests().get(1).messages().get(2).content()).isEqualTo("rain, 14 C");
    }

    @Test
    void aBadDefinitionShowsWhereAndTheRunIsRefused(FxRobot robot) throws Exception {
        gateway.then(ScriptedAnswer.text("unused"));
        waitFor(() -> !node(robot, "#model-choice", ComboBox.class).getItems().isEmpty());
        robot.clickOn("#template-editor").write("Hi");
        robot.interact(() -> node(robot, "#tools-text", TextArea.class).setText("[{\"name\": \"get weather\"}]"));

        AppDriver.reveal(robot, "#run-prompt");
        robot.clickOn("#run-prompt");

        waitFor(() -> node(robot, "#run-status", Label.class).getText().startsWith("Tools line 1:11: "));
        assertThat(node(robot, "#tools-problem", Label.class).isVisible()).isTrue();
        assertThat(node(robot, "#tools-text", TextArea.class).getText()).isEqualTo("[{\"name\": \"get weather\"}]");
        assertThat(gateway.requests()).isEmpty();
    }
}
