package dev.aiworkbench.ui.playground;

import dev.aiworkbench.app.ProviderSetup;
import dev.aiworkbench.app.Workbench;
import dev.aiworkbench.app.WorkbenchOptions;
import dev.aiworkbench.llm.ApiKey;
import dev.aiworkbench.llm.ProviderKind;
import dev.aiworkbench.observability.CallFilter;
import dev.aiworkbench.observability.TimeRange;
import dev.aiworkbench.prompts.RunFigures;
import dev.aiworkbench.providers.ProviderChoice;
import dev.aiworkbench.providers.ProviderConfig;
import dev.aiworkbench.testing.FakeOllama;
import dev.aiworkbench.testing.FakeOpenAi;
import dev.aiworkbench.testing.ImmediateTaskExecutor;
import dev.aiworkbench.testing.MemoryKeychain;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;

/** The playground's picker, runs and compare across the local server and a hosted provider configured with a key. */
class PlaygroundProvidersViewModelTest {
    static final String LOCAL = "llama3.2:latest";
    static final String HOSTED = "gpt-4o-mini";
    static final String KEY = "sk-test-playground-key-7f3a";

    @TempDir
    Path data;

    private final ImmediateTaskExecutor tasks = new ImmediateTaskExecutor();
    private FakeOllama ollama;
    private FakeOpenAi openAi;
    private Workbench workbench;

    @BeforeEach
    void start() throws Exception {
        ollama = FakeOllama.start();
        ollama.model(LOCAL).answer("Local", " answer", ".");
        openAi = FakeOpenAi.start();
        openAi.answer(HOSTED, "Hosted", " answer", ".").answer("my-finetune", "Tuned.").requireKey(KEY);
        ProviderSetup setup = ProviderSetup.system().withEnvironment(Map.of()).withKeychain(MemoryKeychain.available());
        workbench = Workbench.open(new WorkbenchOptions(Optional.of(data), Optional.empty(),
                Optional.of(ollama.baseUrl())).withProviders(setup), Clock.systemUTC());
        workbench.providers().add(new ProviderConfig("hosted", ProviderKind.OPENAI, Optional.of(openAi.baseUri()),
                Optional.empty()), Optional.of(ApiKey.of(KEY)));
    }

    @AfterEach
    void stop() throws Exception {
        workbench.close();
        openAi.close();
        ollama.close();
    }

    private PlaygroundViewModel playground() {
        PlaygroundProviders providers = new PlaygroundProviders(workbench.providers()::list,
                name -> workbench.providerGateway(ProviderChoice.of(name)),
                name -> workbench.playground(ProviderChoice.of(name)), workbench.providers()::shownKey,
                workbench.prices());
        PlaygroundViewModel model = new PlaygroundViewModel(providers, workbench.prompts(), workbench.runs(),
                workbench.prices(), tasks);
        model.load();
        model.templateProperty().set("Explain {{topic}}.");
        model.values().put("topic", "Kubernetes");
        return model;
    }

    @Test
    void the_picker_lists_every_providers_models_and_shows_the_hosted_key_by_its_last_four_characters() {
        PlaygroundViewModel model = playground();

        assertThat(model.modelNames()).containsExactly(LOCAL + " · ollama", HOSTED + " · hosted",
                "my-finetune · hosted");
        assertThat(model.keyInUseProperty().get()).isEmpty();

        model.modelProperty().set(HOSTED + " · hosted");

        assertThat(model.keyInUseProperty().get()).isEqualTo("Key …7f3a").doesNotContain(KEY);
    }

    @Test
    void a_hosted_run_goes_to_its_provider_with_the_key_and_is_priced_and_recorded_for_it() {
        PlaygroundViewModel model = playground();
        model.modelProperty().set(HOSTED + " · hosted");

        model.run();

        RunViewModel output = model.output();
        assertThat(output.answerProperty().get()).isEqualTo("Hosted answer.");
        assertThat(output.statusProperty().get()).startsWith("Done");
        RunFigures figures = output.figuresProperty().get();
        assertThat(figures.ttftMs()).isNotNull();
        assertThat(figures.outputTokens()).isNotNull().isPositive();
        assertThat(figures.priceName()).isEqualTo("OpenAI GPT-4o mini");
        assertThat(figures.costUsd()).isNotNull().isPositive();
        assertThat(ollama.requests("/api/chat")).isEmpty();
        assertThat(openAi.lastRequest("/v1/chat/completions").json().path("model").asText()).isEqualTo(HOSTED);
        workbench.observability().recorder().flush();
        assertThat(workbench.observability().stats().calls(new TimeRange(Instant.EPOCH,
                Instant.now().plusSeconds(60)), CallFilter.ALL, 10))
                .singleElement().satisfies(call -> assertThat(call.call().provider()).isEqualTo("openai"));
    }

    @Test
    void a_local_run_from_the_same_picker_goes_to_ollama_at_the_chosen_price_row() {
        PlaygroundViewModel model = playground();
        model.modelProperty().set(LOCAL + " · ollama");

        model.run();

        assertThat(model.output().answerProperty().get()).isEqualTo("Local answer.");
        assertThat(model.output().figuresProperty().get().priceName()).isEqualTo(model.priceProperty().get());
        assertThat(model.output().figuresProperty().get().costUsd()).isEqualTo(0.0);
        assertThat(openAi.requests()).noneMatch(r -> r.path().endsWith("/chat/completions"));
    }

    @Test
    void a_hosted_model_no_price_row_names_has_an_unknown_cost() {
        PlaygroundViewModel model = playground();
        model.modelProperty().set("my-finetune · hosted");

        model.run();

        assertThat(model.output().answerProperty().get()).isEqualTo("Tuned.");
        assertThat(model.output().figuresProperty().get().priceName()).isNull();
        assertThat(model.output().figuresProperty().get().costUsd()).isNull();
    }

    @Test
    void a_provider_that_cannot_list_says_so_in_a_sentence_and_the_others_still_list() throws Exception {
        int closedPort;
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            closedPort = socket.getLocalPort();
        }
        workbench.providers().add(new ProviderConfig("gone", ProviderKind.OPENAI,
                Optional.of(URI.create("http://127.0.0.1:" + closedPort + "/v1")), Optional.empty()), Optional.empty());

        PlaygroundViewModel model = playground();

        assertThat(model.modelNames()).containsExactly(LOCAL + " · ollama", HOSTED + " · hosted",
                "my-finetune · hosted");
        assertThat(model.editorStateProperty().get()).startsWith("gone: ").contains("127.0.0.1:" + closedPort)
                .doesNotContain("Exception").doesNotContain("\tat ");
    }

    @Test
    void compare_runs_a_local_and_a_hosted_model_side_by_side_with_each_sides_figures() {
        PlaygroundViewModel model = playground();
        CompareViewModel compare = model.compare();
        compare.leftChoiceProperty().set(LOCAL + " · ollama");
        compare.rightChoiceProperty().set(HOSTED + " · hosted");

        compare.runBoth();

        assertThat(compare.problemProperty().get()).isEmpty();
        assertThat(compare.left().answerProperty().get()).isEqualTo("Local answer.");
        assertThat(compare.right().answerProperty().get()).isEqualTo("Hosted answer.");
        assertThat(compare.left().figuresProperty().get().costUsd()).isEqualTo(0.0);
        assertThat(compare.right().figuresProperty().get().priceName()).isEqualTo("OpenAI GPT-4o mini");
        assertThat(compare.right().figuresProperty().get().costUsd()).isPositive();
        assertThat(compare.right().figuresProperty().get().outputTokens()).isPositive();
        assertThat(ollama.lastRequest("/api/chat").json().path("messages").get(0).path("content").asText())
                .isEqualTo("Explain Kubernetes.");
        assertThat(openAi.lastRequest("/v1/chat/completions").json().path("messages").get(0).path("content")
                .asText()).isEqualTo("Explain Kubernetes.");
    }
}
