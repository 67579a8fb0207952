package dev.aiworkbench.ui.models;

import dev.aiworkbench.llm.LocalModel;
import dev.aiworkbench.llm.ModelGateway;
import dev.aiworkbench.llm.PullBoard;
import dev.aiworkbench.llm.ServerStatus;
import dev.aiworkbench.llm.ollama.OllamaGateway;
import dev.aiworkbench.llm.ollama.OllamaSettings;
import dev.aiworkbench.testing.FakeOllama;
import dev.aiworkbench.testing.ImmediateTaskExecutor;
import javafx.beans.property.SimpleObjectProperty;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

/** The Models screen's view model against the fake Ollama, with work done at once on the test thread. */
class ModelsViewModelTest {
    private final ImmediateTaskExecutor tasks = new ImmediateTaskExecutor();
    private final SimpleObjectProperty<ServerStatus> server = new SimpleObjectProperty<>();
    private final List<ModelGateway> gateways = new ArrayList<>();
    private FakeOllama fake;
    private ModelGateway gateway;

    @AfterEach
    void close() throws Exception {
        for (ModelGateway opened : gateways) {
            opened.close();
        }
        if (fake != null) {
            fake.close();
        }
    }

    private ModelGateway gatewayTo(URI address) {
        ModelGateway opened = new OllamaGateway(OllamaSettings.defaults(address));
        gateways.add(opened);
        return opened;
    }

    /** The view model reads the gateway field each call, as the app's would after an address change. */
    private ModelsViewModel models() {
        return new ModelsViewModel(() -> gateway, server, tasks);
    }

    private ModelsViewModel withFake() {
        fake = FakeOllama.start();
        gateway = gatewayTo(fake.baseUri());
        return models();
    }

    private static URI closedPort() throws Exception {
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return URI.create("http://127.0.0.1:" + socket.getLocalPort());
        }
    }

    private static List<String> names(ModelsViewModel model) {
        return model.models().stream().map(LocalModel::name).toList();
    }

    @Test
    void the_list_is_read_once_when_first_shown_and_again_on_reload() {
        ModelsViewModel model = withFake();
        fake.model("llama3.2:latest").family("llama");
        fake.model("qwen2.5:0.5b").family("qwen2");

        model.loadOnce();
        model.loadOnce();

        assertThat(names(model)).containsExactlyInAnyOrder("llama3.2:latest", "qwen2.5:0.5b");
        assertThat(model.statusProperty().get()).contains("2 models").contains(fake.baseUrl());
        assertThat(model.listProblemProperty().get()).isEmpty();
        assertThat(fake.requests("/api/tags")).hasSize(1);

        fake.model("phi3:mini");
        model.reload();
        assertThat(model.models()).hasSize(3);
        assertThat(model.readingProperty().get()).isFalse();
    }

    @Test
    void an_unreachable_server_is_a_sentence_with_the_fix_instead_of_an_empty_list() throws Exception {
        URI closed = closedPort();
        gateway = gatewayTo(closed);
        ModelsViewModel model = models();

        model.loadOnce();

        assertThat(model.listProblemProperty().get()).contains(closed.getAuthority()).contains("ollama serve");
        assertThat(model.statusProperty().get()).isEqualTo("The list of models could not be read.");
        assertThat(model.models()).isEmpty();
    }

    @Test
    void a_server_that_starts_answering_at_a_new_address_brings_the_list_up_to_date() throws Exception {
        gateway = gatewayTo(closedPort());
        ModelsViewModel model = models();
        model.loadOnce();
        assertThat(model.listProblemProperty().get()).isNotEmpty();

        fake = FakeOllama.start();
        fake.model("llama3.2:latest");
        gateway = gatewayTo(fake.baseUri());
        server.set(ServerStatus.reachable(fake.baseUri(), FakeOllama.DEFAULT_VERSION, Instant.now()));

        assertThat(model.listProblemProperty().get()).isEmpty();
        assertThat(names(model)).containsExactly("llama3.2:latest");
    }

    @Test
    void selecting_a_model_shows_its_details() {
        ModelsViewModel model = withFake();
        fake.model("llava:7b").family("llama").template("{{ .System }} USER: {{ .Prompt }}")
                .parameters("temperature 0.7").capabilities("completion", "vision");
        model.loadOnce();

        model.selectedProperty().set(model.models().get(0));

        ModelDetailsViewModel details = model.details();
        assertThat(details.modelProperty().get().name()).isEqualTo("llava:7b");
        assertThat(details.detailsProperty().get().template()).isEqualTo("{{ .System }} USER: {{ .Prompt }}");
        assertThat(details.detailsProperty().get().capabilities()).containsExactly("completion", "vision");
        assertThat(details.problemProperty().get()).isEmpty();

        model.selectedProperty().set(null);
        assertThat(details.modelProperty().get()).isNull();
        assertThat(details.detailsProperty().get()).isNull();
    }

    @Test
    void a_pull_shows_each_layer_and_selects_the_new_model() {
        ModelsViewModel model = withFake();
        fake.model("llama3.2:latest");
        fake.pullScript("tinyllama").layers(3_000_000L, 1_500L).steps(4)
                .installs(m -> m.family("llama").parameterSize("1.1B"));
        model.loadOnce();
        PullViewModel pull = model.pull();

        pull.nameProperty().set("tinyllama");
        pull.start();

        assertThat(pull.statusProperty().get()).startsWith("Pulled tinyllama");
        assertThat(pull.toneProperty().get()).isEqualTo(PullViewModel.Tone.SUCCESS);
        assertThat(pull.fractionProperty().get()).isEqualTo(1.0);
        assertThat(pull.layers()).extracting(PullBoard.Layer::total).containsExactlyInAnyOrder(3_000_000L, 1_500L);
        assertThat(pull.layers()).allMatch(layer -> layer.completed() == layer.total());
        assertThat(pull.runningProperty().get()).isFalse();
        assertThat(pull.shownProperty().get()).isTrue();
        assertThat(names(model)).contains("tinyllama:latest");
        assertThat(model.selectedProperty().get().name()).isEqualTo("tinyllama:latest");
        assertThat(model.statusProperty().get()).startsWith("Pulled tinyllama.");

        pull.dismiss();
        assertThat(pull.shownProperty().get()).isFalse();
    }

    @Test
    void a_name_that_cannot_be_a_model_is_explained_and_nothing_starts() {
        ModelsViewModel model = withFake();
        PullViewModel pull = model.pull();

        pull.start();
        assertThat(pull.hintProperty().get()).startsWith("Type the name of a model first");
        pull.nameProperty().set("llama 3");
        assertThat(pull.hintProperty().get()).isEmpty();
        pull.start();
        assertThat(pull.hintProperty().get()).startsWith("A model name has no spaces");

        assertThat(tasks.started()).isZero();
        assertThat(pull.shownProperty().get()).isFalse();
    }

    @Test
    void a_failed_pull_shows_the_servers_sentence() {
        ModelsViewModel model = withFake();
        PullViewModel pull = model.pull();

        pull.nameProperty().set("no-such-model");
        pull.start();

        assertThat(pull.statusProperty().get()).contains("file does not exist").contains("ollama.com/library");
        assertThat(pull.toneProperty().get()).isEqualTo(PullViewModel.Tone.DANGER);
        assertThat(pull.titleProperty().get()).isEqualTo("Could not pull no-such-model");
    }

    @Test
    void a_pull_can_be_cancelled_and_the_server_sees_the_connection_close() throws Exception {
        ModelsViewModel model = withFake();
        fake.pullScript("llama3.1:70b").layers(39_969_745_349L).steps(10_000).stepDelay(Duration.ofMillis(20));
        PullViewModel pull = model.pull();
        pull.nameProperty().set("llama3.1:70b");

        // The immediate executor runs the whole pull on the calling thread, so the pull gets a thread of its own.
        CompletableFuture<Void> pulling = CompletableFuture.runAsync(pull::start);
        fake.awaitRequest("/api/pull", Duration.ofSeconds(5));
        pull.cancel();
        pulling.get(10, TimeUnit.SECONDS);

        assertThat(fake.awaitClientDisconnect(Duration.ofSeconds(5))).isTrue();
        assertThat(pull.statusProperty().get()).startsWith("Cancelled the pull of llama3.1:70b");
        assertThat(pull.titleProperty().get()).isEqualTo("Cancelled llama3.1:70b");
        assertThat(fake.modelNames()).doesNotContain("llama3.1:70b");
    }

    @Test
    void delete_asks_first_and_then_removes_the_model() {
        ModelsViewModel model = withFake();
        fake.model("llama3.2:latest");
        fake.model("qwen2.5:0.5b").family("qwen2");
        model.loadOnce();
        LocalModel qwen = model.models().stream().filter(m -> m.name().equals("qwen2.5:0.5b")).findFirst().orElseThrow();

        model.selectedProperty().set(qwen);
        model.askDelete();
        assertThat(model.deleteQuestionProperty().get()).startsWith("Delete qwen2.5:0.5b?");
        model.cancelDelete();
        model.confirmDelete();
        assertThat(model.deleteQuestionProperty().get()).isEmpty();
        assertThat(fake.requests("/api/delete")).isEmpty();

        model.askDelete();
        model.confirmDelete();

        assertThat(fake.requests("/api/delete")).hasSize(1);
        assertThat(names(model)).containsExactly("llama3.2:latest");
        assertThat(fake.modelNames()).containsExactly("llama3.2:latest");
        assertThat(model.statusProperty().get()).startsWith("Deleted qwen2.5:0.5b.");
        assertThat(model.deletingProperty().get()).isFalse();
    }
}
