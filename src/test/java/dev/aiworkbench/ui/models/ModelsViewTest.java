package dev.aiworkbench.ui.models;

import org.junit.jupiter.api.Tag;
import dev.aiworkbench.ui.AppDriver;
import dev.aiworkbench.ui.WorkbenchApp;
import atlantafx.base.controls.Message;
import dev.aiworkbench.app.WorkbenchOptions;
import dev.aiworkbench.llm.LocalModel;
import dev.aiworkbench.testing.FakeOllama;
import dev.aiworkbench.ui.models.ModelsView;
import dev.aiworkbench.ui.models.ModelsViewModel;
import javafx.scene.Node;
import javafx.scene.control.Label;
import javafx.scene.control.ProgressBar;
import javafx.scene.control.TableView;
import javafx.scene.control.TextArea;
import javafx.scene.input.KeyCode;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.util.WaitForAsyncUtils;

import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

import static dev.aiworkbench.ui.AppDriver.node;
import static dev.aiworkbench.ui.AppDriver.waitFor;
import static org.assertj.core.api.Assertions.assertThat;
import static org.testfx.util.NodeQueryUtils.hasText;

/**
 * The Models screen against the fake Ollama server: the list, an unreachable server, pulling with
 * progress and cancelling, deleting after the confirm, and a model's details. The screen is mounted
 * in its own window over the real app's session until the shell's navigation offers it.
 */
@Tag("ui")
@ExtendWith(ApplicationExtension.class)
class ModelsViewTest {
    @TempDir
    Path data;

    private FakeOllama fake;
    private WorkbenchApp app;
    private Stage stage;

    @AfterEach
    void stop(FxRobot robot) throws Exception {
        if (stage != null) {
            robot.interact(stage::close);
        }
        if (app != null) {
            AppDriver.stop(app);
        }
        if (fake != null) {
            fake.close();
        }
    }

    private void startApp(String ollamaUrl) throws Exception {
        app = AppDriver.start(new WorkbenchOptions(Optional.of(data), Optional.empty(), Optional.of(ollamaUrl)));
        AppDriver.waitUntilReady(app);
    }

    private ModelsView mount(FxRobot robot) {
        ModelsView[] view = new ModelsView[1];
        robot.interact(() -> {
            view[0] = new ModelsView(new ModelsViewModel(app.workbench()::models,
                    app.sessionModels().server().statusProperty(), app.sessionModels().slowWork()),
                    app.workbench().zone());
            stage = AppDriver.showAlone(view[0], 1100, 760);
            view[0].focusFirst();
        });
        WaitForAsyncUtils.waitForFxEvents();
        return view[0];
    }

    @SuppressWarnings("unchecked")
    private static TableView<LocalModel> table(FxRobot robot) {
        return robot.lookup("#model-table").queryAs(TableView.class);
    }

    private static List<String> names(FxRobot robot) {
        return table(robot).getItems().stream().map(LocalModel::name).toList();
    }

    private static void selectRow(FxRobot robot, String modelName) {
        robot.clickOn(robot.lookup("#model-table .table-cell").match(hasText(modelName)).<Node>query());
    }

    /** Whether the node and everything above it is visible, as a user would see it. */
    private static boolean shown(Node node) {
        for (Node n = node; n != null; n = n.getParent()) {
            if (!n.isVisible()) {
                return false;
            }
        }
        return true;
    }

    @Test
    void the_list_shows_the_servers_models_with_their_fields(FxRobot robot) throws Exception {
        fake = FakeOllama.start();
        fake.model("llama3.2:latest").family("llama").parameterSize("3.2B").quantization("Q4_K_M").size(2_019_393_189L);
        fake.model("qwen2.5:0.5b").family("qwen2").parameterSize("494.03M").quantization("Q4_K_M").size(397_821_319L);
        startApp(fake.baseUrl());
        mount(robot);

        waitFor(() -> table(robot).getItems().size() == 2);
        assertThat(names(robot)).containsExactlyInAnyOrder("llama3.2:latest", "qwen2.5:0.5b");
        for (String text : List.of("llama3.2:latest", "llama", "3.2B", "Q4_K_M", "2.0 GB", "qwen2.5:0.5b", "qwen2",
                "494.03M", "397.8 MB")) {
            assertThat(robot.lookup("#model-table .table-cell").match(hasText(text)).tryQuery())
                    .as("a cell reading %s", text).isPresent();
        }
        assertThat(node(robot, "#models-status", Label.class).getText())
                .contains("2 models").contains(fake.baseUrl());
        assertThat(robot.lookup("#models-problem-box").query().isVisible()).isFalse();

        fake.model("phi3:mini").family("phi3").parameterSize("3.8B");
        robot.clickOn("#refresh-models");
        waitFor(() -> table(robot).getItems().size() == 3);
        assertThat(fake.requests("/api/tags")).hasSizeGreaterThanOrEqualTo(2);
    }

    @Test
    void an_unreachable_server_is_explained_with_the_fix_instead_of_an_empty_table(FxRobot robot) throws Exception {
        int closedPort;
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            closedPort = socket.getLocalPort();
        }
        startApp("http://127.0.0.1:" + closedPort);
        mount(robot);

        waitFor(() -> robot.lookup("#models-problem-box").query().isVisible());
        assertThat(node(robot, "#models-problem", Message.class).getDescription())
                .contains("127.0.0.1:" + closedPort).contains("ollama serve");
        assertThat(shown(robot.lookup("#model-table").query())).isFalse();
        assertThat(robot.lookup("#retry-models").query().isVisible()).isTrue();
    }

    @Test
    void a_pull_shows_progress_per_layer_and_the_new_model_appears(FxRobot robot) throws Exception {
        fake = FakeOllama.start();
        fake.model("llama3.2:latest");
        fake.pullScript("tinyllama").layers(3_000_000L, 1_500L).steps(4).stepDelay(Duration.ofMillis(150))
                .installs(m -> m.family("llama").parameterSize("1.1B").quantization("Q4_0"));
        startApp(fake.baseUrl());
        mount(robot);
        waitFor(() -> table(robot).getItems().size() == 1);

        robot.clickOn("#pull-name").write("tinyllama");
        robot.clickOn("#pull-model");
        waitFor(() -> robot.lookup("#pull-progress").query().isVisible());
        waitFor(() -> robot.lookup(".pull-layer-bytes").tryQueryAs(Label.class)
                .map(l -> l.getText().endsWith(" / 3.0 MB") && !l.getText().startsWith("3.0 MB")).orElse(false));
        assertThat(node(robot, "#pull-bar", ProgressBar.class).getProgress()).isBetween(0.0, 1.0);
        waitFor(() -> robot.lookup(".pull-layer").queryAll().size() == 2);
        waitFor(() -> node(robot, "#pull-status", Label.class).getText().startsWith("Pulled tinyllama"));

        Set<String> bytes = robot.lookup(".pull-layer-bytes").queryAllAs(Label.class).stream().map(Label::getText)
                .collect(Collectors.toSet());
        assertThat(bytes).containsExactlyInAnyOrder("3.0 MB / 3.0 MB", "1.5 kB / 1.5 kB");
        String firstLayer = fake.pullScript("tinyllama").layerDigest(0).substring(7, 19);
        assertThat(robot.lookup("#pull-layer-" + firstLayer).tryQuery()).isPresent();
        assertThat(node(robot, "#pull-bar", ProgressBar.class).getProgress()).isEqualTo(1.0);
        waitFor(() -> names(robot).contains("tinyllama:latest"));
        assertThat(table(robot).getSelectionModel().getSelectedItem().name()).isEqualTo("tinyllama:latest");
        assertThat(robot.lookup("#cancel-pull").query().isVisible()).isFalse();
    }

    @Test
    void a_flood_of_progress_lines_reaches_the_screen_at_most_once_a_frame(FxRobot robot) throws Exception {
        int steps = 3_000;
        fake = FakeOllama.start();
        fake.pullScript("flood").layers(7_000_000_000L, 9_000L).steps(steps);
        startApp(fake.baseUrl());
        mount(robot);
        ProgressBar bar = node(robot, "#pull-bar", ProgressBar.class);
        java.util.concurrent.atomic.AtomicInteger updates = new java.util.concurrent.atomic.AtomicInteger();
        robot.interact(() -> bar.progressProperty().addListener((obs, was, now) -> updates.incrementAndGet()));

        robot.clickOn("#pull-name").write("flood").type(KeyCode.ENTER);
        waitFor(() -> node(robot, "#pull-status", Label.class).getText().startsWith("Pulled flood"));

        assertThat(bar.getProgress()).isEqualTo(1.0);
        assertThat(robot.lookup(".pull-layer-bytes").queryAllAs(Label.class).stream().map(Label::getText))
                .containsExactlyInAnyOrder("7.0 GB / 7.0 GB", "9.0 kB / 9.0 kB");
        // Over 6,000 progress lines arrived; the bar changed once per frame at most, not once per line.
        assertThat(updates.get()).isLessThan(2 * steps / 10);
    }

    @Test
    void a_pull_can_be_cancelled_and_the_server_sees_the_connection_close(FxRobot robot) throws Exception {
        fake = FakeOllama.start();
        fake.pullScript("llama3.1:70b").layers(39_969_745_349L).steps(10_000).stepDelay(Duration.ofMillis(20));
        startApp(fake.baseUrl());
        mount(robot);

        robot.clickOn("#pull-name").write("llama3.1:70b").type(KeyCode.ENTER);
        waitFor(() -> robot.lookup(".pull-layer-bytes").tryQueryAs(Label.class)
                .map(l -> l.getText().endsWith("/ 40.0 GB") && !l.getText().startsWith("0 B")).orElse(false));
        robot.clickOn("#cancel-pull");

        assertThat(fake.awaitClientDisconnect(Duration.ofSeconds(5))).isTrue();
        assertThat(fake.disconnects().get(0).path()).isEqualTo("/api/pull");
        waitFor(() -> node(robot, "#pull-status", Label.class).getText().startsWith("Cancelled the pull"));
        assertThat(fake.modelNames()).doesNotContain("llama3.1:70b");
        assertThat(robot.lookup("#dismiss-pull").query().isVisible()).isTrue();
    }

    @Test
    void a_failed_pull_shows_the_servers_sentence(FxRobot robot) throws Exception {
        fake = FakeOllama.start();
        startApp(fake.baseUrl());
        mount(robot);

        robot.clickOn("#pull-name").write("no-such-model");
        robot.clickOn("#pull-model");
        waitFor(() -> node(robot, "#pull-status", Label.class).getText().contains("file does not exist"));
        assertThat(node(robot, "#pull-status", Label.class).getText()).contains("ollama.com/library");
    }

    @Test
    void delete_asks_first_and_then_removes_the_model(FxRobot robot) throws Exception {
        fake = FakeOllama.start();
        fake.model("llama3.2:latest");
        fake.model("qwen2.5:0.5b").family("qwen2");
        startApp(fake.baseUrl());
        mount(robot);
        waitFor(() -> table(robot).getItems().size() == 2);

        selectRow(robot, "qwen2.5:0.5b");
        robot.clickOn("#delete-model");
        waitFor(() -> robot.lookup("#delete-confirm").query().isVisible());
        assertThat(node(robot, "#delete-question", Label.class).getText()).startsWith("Delete qwen2.5:0.5b?");
        robot.clickOn("#cancel-delete");
        waitFor(() -> !robot.lookup("#delete-confirm").query().isVisible());
        assertThat(fake.requests("/api/delete")).isEmpty();

        selectRow(robot, "qwen2.5:0.5b");
        robot.type(KeyCode.DELETE);
        waitFor(() -> robot.lookup("#delete-confirm").query().isVisible());
        robot.clickOn("#confirm-delete");
        waitFor(() -> names(robot).equals(List.of("llama3.2:latest")));
        assertThat(fake.modelNames()).containsExactly("llama3.2:latest");
        assertThat(fake.requests("/api/delete")).hasSize(1);
        assertThat(node(robot, "#models-status", Label.class).getText()).startsWith("Deleted qwen2.5:0.5b.");
    }

    @Test
    void details_show_the_template_parameters_and_capabilities(FxRobot robot) throws Exception {
        fake = FakeOllama.start();
        fake.model("llava:7b").family("llama").parameterSize("7B").template("{{ .System }} USER: {{ .Prompt }}")
                .parameters("temperature 0.7").capabilities("completion", "vision");
        startApp(fake.baseUrl());
        mount(robot);
        waitFor(() -> table(robot).getItems().size() == 1);

        selectRow(robot, "llava:7b");
        waitFor(() -> robot.lookup("#model-template").tryQuery().isPresent());
        assertThat(node(robot, "#model-template", TextArea.class).getText())
                .isEqualTo("{{ .System }} USER: {{ .Prompt }}");
        assertThat(node(robot, "#model-parameters", TextArea.class).getText()).isEqualTo("temperature 0.7");
        assertThat(robot.lookup("#model-capabilities .badge").queryAllAs(Label.class).stream().map(Label::getText))
                .containsExactly("completion", "vision");
        assertThat(node(robot, "#model-fact-family", Label.class).getText()).isEqualTo("llama");
        assertThat(node(robot, "#model-details-name", Label.class).getText()).isEqualTo("llava:7b");
        assertThat(fake.lastRequest("/api/show").json().toString()).contains("llava:7b");
    }
}
