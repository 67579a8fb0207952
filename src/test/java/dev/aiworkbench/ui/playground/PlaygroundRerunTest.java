package dev.aiworkbench.ui.playground;

import dev.aiworkbench.app.ProviderSetup;
import dev.aiworkbench.app.Workbench;
import dev.aiworkbench.app.WorkbenchOptions;
import dev.aiworkbench.llm.ApiKey;
import dev.aiworkbench.llm.GenerationResult;
import dev.aiworkbench.llm.ProviderKind;
import dev.aiworkbench.llm.Usage;
import dev.aiworkbench.prompts.RunOutcome;
import dev.aiworkbench.prompts.RunSetup;
import dev.aiworkbench.prompts.RunSummary;
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

import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;

/** Running a kept run again from the history goes to the provider it was made on, or says why it cannot. */
class PlaygroundRerunTest {
    private static final String LOCAL = "llama3.2:latest";
    private static final String HOSTED = "gpt-4o-mini";
    private static final String KEY = "sk-test-rerun-key-5e1d";

    @TempDir
    Path data;

    private final ImmediateTaskExecutor tasks = new ImmediateTaskExecutor();
    private final MemoryKeychain keychain = MemoryKeychain.available();
    private FakeOllama ollama;
    private FakeOpenAi openAi;
    private Workbench workbench;
    private ProviderConfig hosted;

    @BeforeEach
    void start() throws Exception {
        ollama = FakeOllama.start();
        ollama.model(LOCAL).answer("Local", " answer", ".");
        openAi = FakeOpenAi.start();
        openAi.answer(HOSTED, "Hosted", " answer", ".").requireKey(KEY);
        ProviderSetup setup = ProviderSetup.system().withEnvironment(Map.of()).withKeychain(keychain);
        workbench = Workbench.open(new WorkbenchOptions(Optional.of(data), Optional.empty(),
                Optional.of(ollama.baseUrl())).withProviders(setup), Clock.systemUTC());
        hosted = workbench.providers().add(new ProviderConfig("hosted", ProviderKind.OPENAI,
                Optional.of(openAi.baseUri()), Optional.empty()), Optional.of(ApiKey.of(KEY)));
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

    /** Runs on the hosted provider, then picks the local model, as a learner moving on would. */
    private RunSummary hostedRunThenLocalPicked(PlaygroundViewModel model) {
        model.modelProperty().set(HOSTED + " · hosted");
        model.run();
        assertThat(model.output().answerProperty().get()).isEqualTo("Hosted answer.");
        model.modelProperty().set(LOCAL + " · ollama");
        model.history().refresh();
        return model.history().runs().get(0);
    }

    private long hostedChats() {
        return openAi.requests().stream().filter(r -> r.path().equals("/v1/chat/completions")).count();
    }

    @Test
    void the_history_knows_each_runs_provider_and_run_again_goes_back_to_it() {
        PlaygroundViewModel model = playground();
        model.modelProperty().set(LOCAL + " · ollama");
        model.run();
        RunSummary kept = hostedRunThenLocalPicked(model);

        assertThat(kept.provider()).isEqualTo("hosted");
        assertThat(model.history().runs().get(1).provider()).isEqualTo("ollama");

        model.history().rerun(kept);

        assertThat(hostedChats()).isEqualTo(2);
        assertThat(ollama.requests("/api/chat")).hasSize(1);
        assertThat(model.modelProperty().get()).isEqualTo(HOSTED + " · hosted");
        assertThat(model.output().answerProperty().get()).isEqualTo("Hosted answer.");
        model.history().refresh();
        assertThat(model.history().runs().get(0).id()).isGreaterThan(kept.id());
        assertThat(model.history().runs().get(0).provider()).isEqualTo("hosted");
    }

    @Test
    void a_provider_removed_since_is_named_in_a_sentence_and_nothing_is_sent() {
        PlaygroundViewModel model = playground();
        RunSummary kept = hostedRunThenLocalPicked(model);
        workbench.providers().remove("hosted");

        model.history().rerun(kept);

        assertThat(model.output().statusProperty().get()).isEqualTo("The provider 'hosted' this run was made on is no "
                + "longer configured: add it again in Settings > Providers, or choose another model and press Run.");
        assertThat(hostedChats()).isEqualTo(1);
        assertThat(ollama.requests("/api/chat")).isEmpty();
    }

    @Test
    void a_key_gone_from_the_keychain_is_said_on_reopen_and_stops_run_again() {
        PlaygroundViewModel model = playground();
        RunSummary kept = hostedRunThenLocalPicked(model);
        keychain.delete(hosted.key().orElseThrow().name());

        model.history().reopen(kept);

        assertThat(model.output().statusProperty().get()).contains("'hosted'", "has no key any more",
                "Settings > Providers", "OPENAI_API_KEY");
        assertThat(model.output().answerProperty().get()).isEqualTo("Hosted answer.");

        model.history().rerun(kept);

        assertThat(model.output().statusProperty().get()).contains("has no key any more");
        assertThat(hostedChats()).isEqualTo(1);
    }

    @Test
    void a_run_kept_before_providers_were_recorded_reopens_on_the_local_server_and_says_so() {
        RunSetup setup = RunSetup.adHoc(LOCAL, "Say hi", "", Map.of(), null, null);
        workbench.runs().record(setup, RunOutcome.of(new GenerationResult("hi", null, LOCAL, "stop", Usage.UNKNOWN,
                Optional.empty(), Duration.ofMillis(5))), null);
        PlaygroundViewModel model = playground();
        model.history().refresh();
        RunSummary old = model.history().runs().get(0);

        assertThat(old.provider()).isNull();

        model.history().rerun(old);

        assertThat(model.editorStateProperty().get()).contains("kept before runs recorded their provider",
                "runs on the local server");
        assertThat(ollama.requests("/api/chat")).hasSize(1);
        assertThat(model.output().answerProperty().get()).isEqualTo("Local answer.");
    }
}
