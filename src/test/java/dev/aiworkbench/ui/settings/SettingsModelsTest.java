package dev.aiworkbench.ui.settings;

import org.junit.jupiter.api.Tag;
import dev.aiworkbench.ui.AppDriver;
import dev.aiworkbench.ui.WorkbenchApp;
import dev.aiworkbench.app.WorkbenchOptions;
import dev.aiworkbench.prompts.PriceRow;
import dev.aiworkbench.prompts.PriceTable;
import dev.aiworkbench.testing.FakeOllama;
import dev.aiworkbench.ui.shell.ScreenRegistry;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.TableView;
import javafx.scene.input.KeyCode;
import javafx.scene.input.KeyCodeCombination;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;

import java.nio.file.Path;
import java.util.List;
import java.util.Optional;

import static dev.aiworkbench.ui.AppDriver.node;
import static dev.aiworkbench.ui.AppDriver.waitFor;
import static org.assertj.core.api.Assertions.assertThat;
import static org.testfx.util.NodeQueryUtils.hasText;

/** The Settings sections for the Ollama address and the price table, driven through the real app. */
@Tag("ui")
@ExtendWith(ApplicationExtension.class)
class SettingsModelsTest {
    @TempDir
    Path data;

    private FakeOllama fake;
    private WorkbenchApp app;

    @AfterEach
    void stop() throws Exception {
        if (app != null) {
            AppDriver.stop(app);
        }
        if (fake != null) {
            fake.close();
        }
    }

    /** No --ollama-url, so what Settings saves is what the app uses. */
    private void startApp() throws Exception {
        app = AppDriver.start(new WorkbenchOptions(Optional.of(data), Optional.empty()));
        AppDriver.waitUntilReady(app);
    }

    /** Opens Settings with its shortcut, whichever key the navigation gives it. */
    private static void openSettings(FxRobot robot) throws Exception {
        KeyCode key = ((KeyCodeCombination) ScreenRegistry.entry(ScreenRegistry.SETTINGS).shortcut()).getCode();
        robot.press(KeyCode.CONTROL).type(key).release(KeyCode.CONTROL);
        waitFor(() -> robot.lookup("#settings").tryQuery().isPresent());
    }

    @SuppressWarnings("unchecked")
    private static TableView<PriceRow> prices(FxRobot robot) {
        return robot.lookup("#price-table").queryAs(TableView.class);
    }

    private static PriceRow price(FxRobot robot, String name) {
        return prices(robot).getItems().stream().filter(r -> r.name().equals(name)).findFirst().orElseThrow();
    }

    private static Node priceCell(FxRobot robot, String text) {
        return robot.lookup("#price-table .table-cell").match(hasText(text)).query();
    }

    @Test
    void a_bad_address_gets_a_sentence_and_a_good_one_is_used_and_checked(FxRobot robot) throws Exception {
        fake = FakeOllama.start();
        startApp();
        openSettings(robot);
        waitFor(() -> !node(robot, "#ollama-source", Label.class).getText().startsWith("Reading"));
        assertThat(node(robot, "#ollama-source", Label.class).getText()).doesNotContain("from Settings");
        waitFor(() -> node(robot, "#server-status", Button.class).getText().equals("Ollama unreachable"));
        for (String name : List.of("In use", "Server", "Address")) {
            Label label = robot.lookup("#settings .label").match(hasText(name)).queryAs(Label.class);
            assertThat(label.getWidth()).as("'" + name + "' is shown whole, not cut to …")
                    .isGreaterThanOrEqualTo(label.prefWidth(-1) - 0.5);
        }

        AppDriver.reveal(robot, "#ollama-url");
        robot.clickOn("#ollama-url").write("ftp://models.example");
        robot.clickOn("#save-ollama-url");
        waitFor(() -> !node(robot, "#ollama-url-message", Label.class).getText().isEmpty());
        assertThat(node(robot, "#ollama-url-message", Label.class).getText())
                .startsWith("'ftp://models.example' is not an address").contains("127.0.0.1:11434");
        assertThat(node(robot, "#ollama-source", Label.class).getText()).doesNotContain("from Settings");
        assertThat(app.workbench().savedOllamaUrl()).isEmpty();

        robot.doubleClickOn("#ollama-url").press(KeyCode.CONTROL).type(KeyCode.A).release(KeyCode.CONTROL)
                .write(fake.baseUrl()).type(KeyCode.ENTER);
        waitFor(() -> node(robot, "#ollama-source", Label.class).getText().endsWith("from Settings"));
        assertThat(node(robot, "#ollama-source", Label.class).getText()).startsWith(fake.baseUrl());
        waitFor(() -> node(robot, "#server-status", Button.class).getText()
                .equals("Ollama " + FakeOllama.DEFAULT_VERSION));
        waitFor(() -> node(robot, "#ollama-status", Label.class).getText().contains(fake.baseUrl()));

        AppDriver.reveal(robot, "#reset-ollama-url");
        robot.clickOn("#reset-ollama-url");
        waitFor(() -> !node(robot, "#ollama-source", Label.class).getText().contains("from Settings"));
        assertThat(robot.lookup("#ollama-url").queryTextInputControl().getText()).isEmpty();
        waitFor(() -> node(robot, "#server-status", Button.class).getText().equals("Ollama unreachable"));
    }

    @Test
    void price_edits_and_added_rows_survive_a_restart(FxRobot robot) throws Exception {
        startApp();
        openSettings(robot);
        waitFor(() -> prices(robot).getItems().size() == 11);
        AppDriver.reveal(robot, "#price-table");

        robot.doubleClickOn(priceCell(robot, "0.15"));
        robot.write("0.2").type(KeyCode.ENTER);
        waitFor(() -> node(robot, "#price-status", Label.class).getText().equals("Saved OpenAI GPT-4o mini."));
        assertThat(price(robot, "OpenAI GPT-4o mini").inputUsdPerMillion()).isEqualTo(0.2);

        robot.doubleClickOn(priceCell(robot, "0.6"));
        robot.write("cheap").type(KeyCode.ENTER);
        waitFor(() -> node(robot, "#price-status", Label.class).getText().startsWith("A price is US dollars"));
        assertThat(price(robot, "OpenAI GPT-4o mini").outputUsdPerMillion()).isEqualTo(0.6);

        AppDriver.reveal(robot, "#price-table");
        robot.clickOn(priceCell(robot, PriceTable.LOCAL));
        robot.type(KeyCode.RIGHT, 3).type(KeyCode.ENTER);
        waitFor(() -> prices(robot).getEditingCell() != null);
        robot.write("electricity only").type(KeyCode.ENTER);
        waitFor(() -> node(robot, "#price-status", Label.class).getText().equals("Saved " + PriceTable.LOCAL + "."));

        AppDriver.reveal(robot, "#add-price");
        robot.clickOn("#add-price");
        waitFor(() -> prices(robot).getItems().size() == 12);
        waitFor(() -> prices(robot).getEditingCell() != null);
        robot.write("Groq Llama 3.1 8B").type(KeyCode.ENTER);
        waitFor(() -> node(robot, "#price-status", Label.class).getText().equals("Saved Groq Llama 3.1 8B."));
        AppDriver.stop(app);

        startApp();
        openSettings(robot);
        waitFor(() -> prices(robot).getItems().size() == 12);
        assertThat(price(robot, "OpenAI GPT-4o mini").inputUsdPerMillion()).isEqualTo(0.2);
        assertThat(price(robot, "OpenAI GPT-4o mini").outputUsdPerMillion()).isEqualTo(0.6);
        assertThat(prices(robot).getItems().stream().map(PriceRow::name)).last().isEqualTo("Groq Llama 3.1 8B");
        assertThat(price(robot, PriceTable.LOCAL).note()).isEqualTo("electricity only");
        assertThat(price(robot, PriceTable.LOCAL).local()).isTrue();
    }

    @Test
    void the_local_row_cannot_be_removed_but_a_hosted_one_can(FxRobot robot) throws Exception {
        startApp();
        openSettings(robot);
        waitFor(() -> prices(robot).getItems().size() == 11);
        AppDriver.reveal(robot, "#price-table");

        robot.clickOn(priceCell(robot, PriceTable.LOCAL));
        AppDriver.reveal(robot, "#remove-price");
        robot.clickOn("#remove-price");
        waitFor(() -> node(robot, "#price-status", Label.class).getText().contains("is the local row and stays"));
        assertThat(prices(robot).getItems().get(0).name()).isEqualTo(PriceTable.LOCAL);

        AppDriver.reveal(robot, "#price-table");
        robot.clickOn(priceCell(robot, "OpenAI GPT-4o"));
        AppDriver.reveal(robot, "#remove-price");
        robot.clickOn("#remove-price");
        waitFor(() -> node(robot, "#price-status", Label.class).getText().equals("Removed OpenAI GPT-4o."));
        assertThat(prices(robot).getItems().stream().map(PriceRow::name)).hasSize(10).doesNotContain("OpenAI GPT-4o");
        AppDriver.stop(app);

        startApp();
        openSettings(robot);
        waitFor(() -> prices(robot).getItems().size() == 10);
        assertThat(prices(robot).getItems().stream().map(PriceRow::name).toList())
                .isEqualTo(List.of(PriceTable.LOCAL, "OpenAI GPT-4o mini", "Anthropic Claude Haiku 4.5",
                        "Anthropic Claude Sonnet 4.5 and 4.6", "OpenAI GPT-5.6 Luna", "OpenAI GPT-5.6 Terra",
                        "Anthropic Claude Sonnet 5.5", "Anthropic Claude Opus 5.5", "OpenAI GPT-6 Luna",
                        "Anthropic Claude Fable 5.1"));
    }
}
