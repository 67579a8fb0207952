package dev.aiworkbench.ui.evals;

import dev.aiworkbench.app.ProviderSetup;
import dev.aiworkbench.app.Workbench;
import dev.aiworkbench.app.WorkbenchOptions;
import dev.aiworkbench.eval.report.ItemResult;
import dev.aiworkbench.testing.FakeOllama;
import dev.aiworkbench.testing.FakeOpenAi;
import dev.aiworkbench.testing.ImmediateTaskExecutor;
import dev.aiworkbench.testing.MemoryKeychain;
import dev.aiworkbench.ui.AppDriver;
import javafx.scene.Node;
import javafx.scene.control.Hyperlink;
import javafx.scene.control.Label;
import javafx.scene.control.TableView;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.util.WaitForAsyncUtils;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import static dev.aiworkbench.ui.AppDriver.node;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * The report pane's provider card on screen: a local and a hosted provider of one suite have each run (through the
 * view model, at once), and the mounted Evals screen shows the pair as the baseline card shows its comparison, with
 * the items they grade differently as links; clicking one selects its row in the results table. The matrix card
 * shows both cells, and a click on one shows that cell's items.
 */
@Tag("ui")
@ExtendWith(ApplicationExtension.class)
class EvalsProvidersViewTest {
    private static final String KEY = "sk-evals-view-6060";

    @TempDir
    Path data;

    private FakeOllama ollama;
    private FakeOpenAi openai;
    private Workbench workbench;
    private Stage stage;

    @BeforeEach
    void open() throws Exception {
        ollama = FakeOllama.start();
        ollama.model("tiny").answer("Hello", " there");
        openai = FakeOpenAi.start();
        openai.answer("gpt-4o-mini", "Hello", " world").requireKey(KEY);
        workbench = Workbench.open(new WorkbenchOptions(Optional.of(data), Optional.empty(),
                Optional.of(ollama.baseUrl())).withProviders(ProviderSetup.system()
                .withEnvironment(Map.of("OPENAI_API_KEY", KEY, "OPENAI_BASE_URL", openai.baseUri().toString()))
                .withKeychain(MemoryKeychain.unavailable("No keychain in this test."))), Clock.systemUTC());
    }

    @AfterEach
    void close(FxRobot robot) {
        if (stage != null) {
            robot.interact(stage::close);
        }
        workbench.close();
        openai.close();
        ollama.close();
    }

    /** Both providers run; the second (the local one) is the report shown. */
    private EvalsViewModel ranBoth() throws Exception {
        Path suite = data.resolve("suites/two/promptfooconfig.yaml");
        Files.createDirectories(suite.getParent());
        Files.writeString(suite, """
                prompts: ['Say {{x}}']
                providers: [openai:chat:gpt-4o-mini, ollama:chat:tiny]
                tests:
                  - {description: both pass, vars: {x: a}, assert: [{type: contains, value: Hello}]}
                  - {description: world one, vars: {x: b}, assert: [{type: contains, value: world}]}
                  - {description: world two, vars: {x: c}, assert: [{type: contains, value: world}]}
                  - {description: world three, vars: {x: d}, assert: [{type: contains, value: world}]}
                  - {description: there, vars: {x: e}, assert: [{type: contains, value: there}]}
                  - {description: neither, vars: {x: f}, assert: [{type: contains, value: bye}]}
                """);
        EvalsViewModel model = new EvalsViewModel(new EvalsServices(workbench.suiteLoader(), workbench.evalRunner(),
                workbench.evalReporter(), workbench.evalHistory(), data.resolve("evals")), ZoneOffset.UTC,
                new ImmediateTaskExecutor(), work -> work);
        model.typedPathProperty().set(suite.toString());
        model.openTyped();
        for (int i = 0; i < 2; i++) {
            model.variantProperty().set(model.variants().get(i));
            model.run().start();
        }
        assertThat(model.reportProperty().get().comparisons()).hasSize(1);
        return model;
    }

    @Test
    void the_provider_card_shows_the_pair_and_a_differing_item_link_selects_its_row(FxRobot robot) throws Exception {
        EvalsViewModel model = ranBoth();
        robot.interact(() -> stage = AppDriver.showAlone(new EvalsView(model), 1280, 900));
        WaitForAsyncUtils.waitForFxEvents();

        assertThat(node(robot, "#provider-pair-0-title", Label.class).getText())
                .isEqualTo("'Say {{x}}' on ollama:chat:tiny against 'Say {{x}}' on openai:chat:gpt-4o-mini");
        assertThat(node(robot, "#provider-pair-0-headline", Label.class).getText()).isEqualTo("66.7% → 33.3%");
        assertThat(node(robot, "#provider-pair-0-headline-change", Label.class).getText())
                .startsWith("change -33.3 points, 95% interval -70.7 to +24.6");
        assertThat(node(robot, "#provider-pair-0-figures", Label.class).getText())
                .startsWith("n=6 paired items · b=3 fell, c=1 rose · exact p=0.625");
        List<Hyperlink> links = robot.lookup("#provider-pair-0-differing .differing-item").queryAllAs(Hyperlink.class)
                .stream().toList();
        assertThat(links).extracting(Hyperlink::getText).containsExactlyInAnyOrder(
                "world one (passed → failed)", "world two (passed → failed)", "world three (passed → failed)",
                "there (failed → passed)");
        Hyperlink there = links.stream().filter(l -> l.getText().startsWith("there")).findFirst().orElseThrow();

        robot.interact(() -> robot.lookup("#eval-report").queryAs(javafx.scene.control.ScrollPane.class)
                .setVvalue(1));
        robot.clickOn((Node) there);
        WaitForAsyncUtils.waitForFxEvents();

        @SuppressWarnings("unchecked")
        TableView<ItemResult> table = robot.lookup("#eval-results").queryAs(TableView.class);
        assertThat(table.getSelectionModel().getSelectedItem()).isNotNull()
                .satisfies(item -> assertThat(item.description()).isEqualTo("there"));
    }

    @Test
    void the_matrix_shows_each_cell_and_a_click_on_a_cell_shows_its_items(FxRobot robot) throws Exception {
        EvalsViewModel model = ranBoth();
        robot.interact(() -> stage = AppDriver.showAlone(new EvalsView(model), 1280, 900));
        WaitForAsyncUtils.waitForFxEvents();

        javafx.scene.control.Button openai = node(robot, "#matrix-cell-0-0", javafx.scene.control.Button.class);
        javafx.scene.control.Button ollama = node(robot, "#matrix-cell-0-1", javafx.scene.control.Button.class);
        assertThat(openai.getText()).isEqualTo("66.7% (6)");
        assertThat(ollama.getText()).isEqualTo("33.3% (6)");
        assertThat(ollama.getStyleClass()).as("the shown run's cell").contains("matrix-cell-shown");
        assertThat(openai.getStyleClass()).doesNotContain("matrix-cell-shown");
        @SuppressWarnings("unchecked")
        TableView<ItemResult> table = robot.lookup("#eval-results").queryAs(TableView.class);
        assertThat(table.getItems()).filteredOn(ItemResult::pass).hasSize(2);

        robot.interact(openai::fire);
        WaitForAsyncUtils.waitForFxEvents();

        assertThat(model.shownReport().orElseThrow().run().providerId()).isEqualTo("openai:chat:gpt-4o-mini");
        assertThat(table.getItems()).as("the openai cell's items").filteredOn(ItemResult::pass).hasSize(4);
        assertThat(node(robot, "#matrix-cell-0-0", javafx.scene.control.Button.class).getStyleClass())
                .contains("matrix-cell-shown");
    }
}
