package dev.aiworkbench.app;

import dev.aiworkbench.llm.ApiKey;
import dev.aiworkbench.llm.CallFeature;
import dev.aiworkbench.llm.ModelOptions;
import dev.aiworkbench.llm.ProviderKind;
import dev.aiworkbench.llm.Usage;
import dev.aiworkbench.observability.CallFilter;
import dev.aiworkbench.observability.StoredCall;
import dev.aiworkbench.observability.TimeRange;
import dev.aiworkbench.prompts.PlaygroundResult;
import dev.aiworkbench.prompts.PriceRow;
import dev.aiworkbench.prompts.RunSetup;
import dev.aiworkbench.providers.ProviderChoice;
import dev.aiworkbench.providers.ProviderConfig;
import dev.aiworkbench.testing.FakeOllama;
import dev.aiworkbench.testing.KeyCheckingGateway;
import dev.aiworkbench.testing.MemoryKeychain;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.net.URI;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.OptionalInt;
import java.util.OptionalLong;
import java.util.Set;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

/** The composition root gives each provider kind its gateway, records calls under the kind, and prices them by model. */
class WorkbenchProvidersTest {
    private static final String KEY = "sk-env-key-for-tests-0042";

    @TempDir
    Path data;
    private FakeOllama fake;
    private Workbench workbench;
    private final List<String> seen = KeyCheckingGateway.seenKeys();
    private final MemoryKeychain keychain = MemoryKeychain.available();

    @BeforeEach
    void start() throws Exception {
        fake = FakeOllama.start();
        fake.model("gpt-4o-mini").answer("Paris", ".");
        ProviderSetup setup = ProviderSetup.system().withEnvironment(Map.of("OPENAI_API_KEY", KEY))
                .withKeychain(keychain).withGateway(ProviderKind.OPENAI, KeyCheckingGateway.accepting(Set.of(KEY), seen));
        workbench = Workbench.openPackOnDemand(new WorkbenchOptions(Optional.of(data), Optional.empty())
                .withProviders(setup), Clock.systemUTC(), waiting -> { });
    }

    @AfterEach
    void stop() {
        workbench.close();
        fake.close();
    }

    private List<StoredCall> recorded() {
        workbench.observability().recorder().flush();
        return workbench.observability().stats().calls(new TimeRange(Instant.EPOCH, Instant.now().plusSeconds(60)),
                CallFilter.ALL, 100);
    }

    @Test
    void aPlaygroundRunOnAHostedProviderIsRecordedUnderItsKindAndPricedAtTheRowNamingItsModel() throws Exception {
        PlaygroundResult result = workbench.playground(ProviderChoice.of("openai", fake.baseUrl() + "/v1")).start(
                RunSetup.adHoc("gpt-4o-mini", "Capital of France?", null, Map.of(), ModelOptions.DEFAULTS, null),
                "OpenAI GPT-4o mini", delta -> { }).result().get(10, TimeUnit.SECONDS);

        assertThat(result.failure()).isEmpty();
        assertThat(result.run().output()).isEqualTo("Paris.");
        assertThat(seen).containsOnly(KEY);
        StoredCall call = recorded().get(0);
        assertThat(call.call().provider()).isEqualTo("openai");
        assertThat(call.call().model()).isEqualTo("gpt-4o-mini");
        PriceRow mini = workbench.prices().row("OpenAI GPT-4o mini");
        assertThat(call.costUsd()).isCloseTo(mini.costUsd(new Usage(OptionalInt.of(call.call().inputTokens()),
                OptionalInt.of(call.call().outputTokens()), OptionalLong.empty(), OptionalLong.empty(),
                OptionalLong.empty(), OptionalLong.empty())).orElseThrow(), within(1e-15)).isPositive();
    }

    @Test
    void theLocalServerStaysTheDefaultAndAKindWithoutAGatewaySaysSo() throws Exception {
        assertThat(workbench.providerGateway(ProviderChoice.DEFAULT)).isSameAs(workbench.models());
        ProviderSetup ollamaOnly = new ProviderSetup(Map.of("ANTHROPIC_API_KEY", KEY), () -> keychain,
                Map.of(ProviderKind.OLLAMA, ProviderSetup.system().gateways().get(ProviderKind.OLLAMA)));
        Path other = data.resolveSibling(data.getFileName() + "-ollama-only");
        try (Workbench limited = Workbench.openPackOnDemand(new WorkbenchOptions(Optional.of(other), Optional.empty())
                .withProviders(ollamaOnly), Clock.systemUTC(), waiting -> { })) {
            assertThatThrownBy(() -> limited.models(ProviderChoice.of("anthropic"), CallFeature.PLAYGROUND))
                    .isInstanceOf(IllegalArgumentException.class)
                    .hasMessage("this workbench was set up without a gateway for Anthropic servers; choose an Ollama "
                            + "provider");
        }
    }

    @Test
    void addingAProviderRemakesTheGatewaysSoANewKeyIsUsed() throws Exception {
        workbench.providers().add(new ProviderConfig("openai", ProviderKind.OPENAI,
                Optional.of(URI.create(fake.baseUrl())), Optional.empty()), Optional.of(ApiKey.of("sk-wrong-0001")));
        assertThatThrownBy(() -> workbench.providerGateway(ProviderChoice.of("openai")).listModels())
                .hasMessageContaining("key").hasMessageNotContaining("sk-wrong");

        workbench.providers().remove("openai");
        workbench.providers().add(new ProviderConfig("openai", ProviderKind.OPENAI,
                Optional.of(URI.create(fake.baseUrl())), Optional.empty()), Optional.of(ApiKey.of(KEY)));
        assertThat(workbench.providerGateway(ProviderChoice.of("openai")).listModels()).isNotEmpty();
    }

    @Test
    void callPricesTakeTheLocalRowForOllamaAndTheRowNamingAHostedModelElseNone() {
        CallPrices prices = new CallPrices(workbench.prices().rows());
        Usage million = new Usage(OptionalInt.of(1_000_000), OptionalInt.of(1_000_000), OptionalLong.empty(),
                OptionalLong.empty(), OptionalLong.empty(), OptionalLong.empty());

        assertThat(prices.costUsd("ollama", "gpt-4o-mini", million)).hasValue(0.0);
        assertThat(prices.costUsd("openai", "gpt-4o-mini-2024-07-18", million)).hasValue(0.75);
        assertThat(prices.costUsd("openai", "GPT-4o", million)).hasValue(12.5);
        assertThat(prices.costUsd("anthropic", "claude-sonnet-4-6-20260101", million)).hasValue(18.0);
        assertThat(prices.costUsd("openai", "my-finetune", million)).isEqualTo(OptionalDouble.empty());
    }
}
