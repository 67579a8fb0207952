package dev.aiworkbench.ui.playground;

import dev.aiworkbench.llm.ModelGateway;
import dev.aiworkbench.llm.ProviderKind;
import dev.aiworkbench.llm.ollama.OllamaGateway;
import dev.aiworkbench.llm.ollama.OllamaSettings;
import dev.aiworkbench.prompts.DiffLine;
import dev.aiworkbench.prompts.Playground;
import dev.aiworkbench.prompts.PriceTable;
import dev.aiworkbench.prompts.PromptContent;
import dev.aiworkbench.prompts.PromptRegistry;
import dev.aiworkbench.prompts.RunHistory;
import dev.aiworkbench.prompts.RunStatus;
import dev.aiworkbench.providers.ProviderConfig;
import dev.aiworkbench.store.Database;
import dev.aiworkbench.testing.FakeOllama;
import dev.aiworkbench.testing.ImmediateTaskExecutor;
import dev.aiworkbench.testing.MutableClock;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

/** The playground's view model over a real database and the fake Ollama, with work done at once on the test thread. */
class PlaygroundViewModelTest {
    private static final String MODEL = "llama3.2:latest";

    @TempDir
    Path data;

    private final MutableClock clock = MutableClock.utc("2026-03-01T10:00:00");
    private final ImmediateTaskExecutor tasks = new ImmediateTaskExecutor();
    private FakeOllama fake;
    private Database database;
    private ModelGateway gateway;
    private RunHistory runs;

    @AfterEach
    void close() throws Exception {
        if (gateway != null) {
            gateway.close();
        }
        if (database != null) {
            database.close();
        }
        if (fake != null) {
            fake.close();
        }
    }

    private PlaygroundViewModel playground(URI server) {
        database = Database.open(data.resolve("workbench.db"));
        gateway = new OllamaGateway(OllamaSettings.defaults(server));
        runs = new RunHistory(database, clock);
        PriceTable prices = new PriceTable(database);
        Playground local = new Playground(() -> gateway, runs, prices);
        PlaygroundProviders providers = new PlaygroundProviders(() -> List.of(ProviderConfig.builtIn(ProviderKind.OLLAMA)),
                name -> gateway, name -> local, name -> Optional.empty(), prices);
        PlaygroundViewModel model = new PlaygroundViewModel(providers, new PromptRegistry(database, clock), runs, prices,
                tasks);
        model.load();
        return model;
    }

    private PlaygroundViewModel withFake() {
        fake = FakeOllama.start();
        fake.model(MODEL).answer("Kubernetes", " schedules", " containers", ".");
        return playground(fake.baseUri());
    }

    @Test
    void versions_another_process_saved_show_after_it_wrote() {
        PlaygroundViewModel model = withFake();
        try (Database other = Database.open(data.resolve("workbench.db"))) {
            PromptRegistry elsewhere = new PromptRegistry(other, clock);
            elsewhere.save("summarise", PromptContent.of("Summarise {{text}}"), "cli", "");
            assertThat(model.versions().names()).doesNotContain("summarise");

            model.othersWrote();
            assertThat(model.versions().names()).contains("summarise");
            model.versions().promptProperty().set("summarise");
            assertThat(model.versions().versions()).hasSize(1);

            elsewhere.save("summarise", PromptContent.of("Summarise {{text}} in one line"), "cli", "");
            model.othersWrote();
            assertThat(model.versions().versions()).hasSize(2);
        }
    }

    @Test
    void a_run_streams_the_answer_and_shows_its_figures_and_the_cost_elsewhere() {
        PlaygroundViewModel model = withFake();
        assertThat(model.modelNames()).containsExactly(MODEL + " · ollama");
        assertThat(model.modelProperty().get()).isEqualTo(MODEL + " · ollama");
        assertThat(model.keyInUseProperty().get()).isEmpty();
        assertThat(model.priceProperty().get()).isEqualTo(PriceTable.LOCAL);

        model.templateProperty().set("Explain {{topic}} to a DevOps engineer.");
        assertThat(model.variables()).containsExactly("topic");
        model.values().put("topic", "Kubernetes");
        model.run();

        RunViewModel output = model.output();
        assertThat(output.answerProperty().get()).isEqualTo("Kubernetes schedules containers.");
        assertThat(output.statusProperty().get()).startsWith("Done");
        assertThat(output.toneProperty().get()).isEqualTo(Tone.NORMAL);
        assertThat(output.runningProperty().get()).isFalse();
        assertThat(output.figuresProperty().get().ttftMs()).isNotNull();
        assertThat(output.figuresProperty().get().outputTokens()).isEqualTo(4);
        assertThat(output.figuresProperty().get().tokensPerSecond()).isEqualTo(50.0);
        assertThat(output.figuresProperty().get().costUsd()).isNotNull();
        assertThat(model.costElsewhereProperty().get()).startsWith("The same tokens elsewhere: ").contains("GPT-4o");
        assertThat(model.history().runs()).hasSize(1);
        assertThat(fake.lastRequest("/api/chat").json().path("messages").get(0).path("content").asText())
                .isEqualTo("Explain Kubernetes to a DevOps engineer.");
    }

    @Test
    void a_missing_variable_is_refused_before_any_work_starts() {
        PlaygroundViewModel model = withFake();
        model.templateProperty().set("Hello {{name}}");
        int before = tasks.started();

        model.run();

        assertThat(model.output().statusProperty().get()).contains("{{name}}");
        assertThat(model.output().toneProperty().get()).isEqualTo(Tone.DANGER);
        assertThat(tasks.started()).isEqualTo(before);
        assertThat(fake.requests("/api/chat")).isEmpty();
    }

    @Test
    void stop_ends_the_answer_and_keeps_what_arrived() throws Exception {
        PlaygroundViewModel model = withFake();
        fake.endlessStream();
        model.templateProperty().set("Talk forever.");
        CountDownLatch someArrived = new CountDownLatch(1);
        model.output().answerProperty().addListener((obs, was, now) -> {
            if (now.length() > 20) {
                someArrived.countDown();
            }
        });

        // The immediate executor runs the whole run on the calling thread, so the run gets a thread of its own.
        CompletableFuture<Void> running = CompletableFuture.runAsync(model::run);
        assertThat(someArrived.await(10, TimeUnit.SECONDS)).isTrue();
        model.stop();
        running.get(10, TimeUnit.SECONDS);

        assertThat(model.output().statusProperty().get()).startsWith("Stopped");
        assertThat(model.output().toneProperty().get()).isEqualTo(Tone.WARNING);
        assertThat(model.output().answerProperty().get()).startsWith("Kubernetes schedules");
        assertThat(model.output().runningProperty().get()).isFalse();
        assertThat(fake.awaitClientDisconnect(Duration.ofSeconds(2))).isTrue();
        assertThat(runs.recent(1).get(0).status()).isEqualTo(RunStatus.CANCELLED);
    }

    @Test
    void each_save_is_a_new_version_and_two_versions_are_diffed() {
        PlaygroundViewModel model = withFake();
        model.templateProperty().set("Summarise {{text}}.");
        model.openSaveForm();
        model.save("summariser", "ana", "first");
        assertThat(model.editorStateProperty().get()).contains("summariser@1");
        assertThat(model.saveFormOpenProperty().get()).isFalse();
        assertThat(model.openedName()).isEqualTo("summariser");

        model.templateProperty().set("Summarise {{text}}.\nUse three bullet points.");
        model.save("summariser", "ana", "bullets");

        assertThat(model.editorStateProperty().get()).contains("summariser@2");
        VersionsViewModel versions = model.versions();
        assertThat(versions.names()).containsExactly("summariser");
        assertThat(versions.promptProperty().get()).isEqualTo("summariser");
        assertThat(versions.numbers()).containsExactly(1, 2);
        assertThat(versions.fromProperty().get()).isEqualTo(1);
        assertThat(versions.toProperty().get()).isEqualTo(2);
        versions.showDiff();
        assertThat(versions.diffProperty().get().template().lines())
                .filteredOn(line -> line.kind() == DiffLine.Kind.ADDED).extracting(DiffLine::text)
                .containsExactly("Use three bullet points.");

        model.compare().modeProperty().set(CompareViewModel.Mode.TWO_VERSIONS);
        assertThat(model.compare().choices()).containsExactly("summariser@1", "summariser@2");

        model.templateProperty().set("something else");
        model.open(versions.versions().get(0));
        assertThat(model.templateProperty().get()).isEqualTo("Summarise {{text}}.");
        assertThat(model.editorStateProperty().get()).isEqualTo("Opened summariser@1");
    }

    @Test
    void a_kept_run_reopens_into_the_editor_and_the_output() {
        PlaygroundViewModel model = withFake();
        model.templateProperty().set("Explain {{topic}}.");
        model.values().put("topic", "DNS");
        model.systemProperty().set("Be brief.");
        model.options().option("temperature").set("0.2");
        model.run();
        model.templateProperty().set("");
        model.systemProperty().set("");
        model.options().option("temperature").set("");
        model.paneProperty().set(PlaygroundViewModel.Pane.HISTORY);
        assertThat(model.history().runs()).hasSize(1);

        model.history().reopen(model.history().runs().get(0));

        assertThat(model.paneProperty().get()).isEqualTo(PlaygroundViewModel.Pane.OUTPUT);
        assertThat(model.templateProperty().get()).isEqualTo("Explain {{topic}}.");
        assertThat(model.variableValues()).containsEntry("topic", "DNS");
        assertThat(model.systemProperty().get()).isEqualTo("Be brief.");
        assertThat(model.options().option("temperature").get()).isEqualTo("0.2");
        assertThat(model.output().answerProperty().get()).isEqualTo("Kubernetes schedules containers.");
        assertThat(model.editorStateProperty().get()).startsWith("Reopened run #");
    }

    @Test
    void compare_runs_one_prompt_on_two_models_side_by_side() {
        PlaygroundViewModel model = withFake();
        fake.model("qwen2.5:0.5b").answer("Small", " answer");
        model.refreshModels();
        model.templateProperty().set("Say something.");

        model.compare().runBoth();

        CompareViewModel compare = model.compare();
        assertThat(compare.problemProperty().get()).isEmpty();
        assertThat(compare.leftChoiceProperty().get()).isNotEqualTo(compare.rightChoiceProperty().get());
        assertThat(java.util.List.of(compare.left().answerProperty().get(), compare.right().answerProperty().get()))
                .containsExactlyInAnyOrder("Kubernetes schedules containers.", "Small answer");
        assertThat(compare.left().statusProperty().get()).startsWith("Done");
        assertThat(compare.right().statusProperty().get()).startsWith("Done");
    }

    @Test
    void an_unreachable_server_is_a_sentence_with_the_fix() throws Exception {
        int closedPort;
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            closedPort = socket.getLocalPort();
        }
        PlaygroundViewModel model = playground(URI.create("http://127.0.0.1:" + closedPort));
        assertThat(model.modelNames()).isEmpty();
        assertThat(model.editorStateProperty().get()).contains("127.0.0.1:" + closedPort).contains("ollama serve");

        model.modelProperty().set(MODEL);
        model.templateProperty().set("Hello.");
        model.run();

        assertThat(model.output().statusProperty().get()).contains("127.0.0.1:" + closedPort).contains("ollama serve");
        assertThat(model.output().toneProperty().get()).isEqualTo(Tone.DANGER);
        assertThat(model.output().runningProperty().get()).isFalse();
    }
}
