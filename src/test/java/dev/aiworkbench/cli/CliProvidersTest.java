package dev.aiworkbench.cli;

import com.fasterxml.jackson.databind.JsonNode;
import dev.aiworkbench.app.ProviderSetup;
import dev.aiworkbench.app.Workbench;
import dev.aiworkbench.app.WorkbenchOptions;
import dev.aiworkbench.observability.CallFilter;
import dev.aiworkbench.observability.TimeRange;
import dev.aiworkbench.eval.run.EvalHarness;
import dev.aiworkbench.llm.ProviderKind;
import dev.aiworkbench.testing.KeyCheckingGateway;
import dev.aiworkbench.testing.MemoryKeychain;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@code --provider} and {@code --base-url} on prompt run, models list and eval run, against a hosted kind's test
 * gateway that answers through the fake server and checks the key from {@code OPENAI_API_KEY}.
 */
class CliProvidersTest {
    private static final String KEY = "sk-cli-test-key-2718";

    @TempDir
    Path temp;
    private EvalHarness h;
    private CliHarness cli;
    private final List<String> seen = KeyCheckingGateway.seenKeys();

    @BeforeEach
    void start() {
        h = new EvalHarness(temp);
        cli = cli(Map.of("OPENAI_API_KEY", KEY));
    }

    @AfterEach
    void stop() {
        h.close();
    }

    private CliHarness cli(Map<String, String> environment) {
        return new CliHarness(temp.resolve("data"), Clock.systemDefaultZone(), ProviderSetup.system()
                .withEnvironment(environment).withKeychain(MemoryKeychain.unavailable("No keychain in this test."))
                .withGateway(ProviderKind.OPENAI, KeyCheckingGateway.accepting(Set.of(KEY), seen)));
    }

    private String hosted() {
        return h.fake.baseUrl() + "/v1";
    }

    @Test
    void promptRunOnAnEnvironmentOnlyProviderPrintsTheSameObjectPlusTheProvider() {
        CliHarness.Run local = cli.run("prompt", "run", "--template", "Answer for item {{n}}", "--var", "n=1",
                "--model", EvalHarness.MODEL, "--json", "--ollama-url", h.fake.baseUrl());
        CliHarness.Run hostedRun = cli.run("prompt", "run", "--template", "Answer for item {{n}}", "--var", "n=1",
                "--model", EvalHarness.MODEL, "--json", "--provider", "openai", "--base-url", hosted());

        assertThat(hostedRun.exitCode()).as(hostedRun.toString()).isZero();
        JsonNode json = hostedRun.json();
        assertThat(json.path("provider").asText()).isEqualTo("openai");
        assertThat(json.path("providerKind").asText()).isEqualTo("openai");
        assertThat(json.path("text").asText()).isEqualTo(local.json().path("text").asText()).isNotEmpty();
        List<String> localFields = iterate(local.json());
        assertThat(iterate(json)).containsExactlyElementsOf(localFields);
        assertThat(local.json().path("provider").asText()).isEqualTo("ollama");
        assertThat(json.path("costUsd").isNull()).as("no price row names the model 'tiny'").isTrue();
        assertThat(seen).containsOnly(KEY);
    }

    private static List<String> iterate(JsonNode node) {
        List<String> names = new java.util.ArrayList<>();
        node.fieldNames().forEachRemaining(names::add);
        return names;
    }

    @Test
    void modelsListNamesWhatTheProviderServes() {
        CliHarness.Run text = cli.run("models", "list", "--provider", "openai", "--base-url", hosted());
        CliHarness.Run json = cli.run("models", "list", "--provider", "openai", "--base-url", hosted(), "--json");

        assertThat(text.exitCode()).as(text.toString()).isZero();
        assertThat(text.out()).contains(EvalHarness.MODEL);
        assertThat(json.json().get(0).path("name").asText()).startsWith(EvalHarness.MODEL);
    }

    @Test
    void aMissingOrRejectedKeyExitsThreeWithTheWordKeyAndAnUnknownProviderExitsTwo() {
        CliHarness.Run noKey = cli(Map.of()).run("prompt", "run", "--template", "Hi", "--model", EvalHarness.MODEL,
                "--provider", "openai", "--base-url", hosted());
        CliHarness.Run wrongKey = cli(Map.of("OPENAI_API_KEY", "sk-wrong-9999")).run("models", "list",
                "--provider", "openai", "--base-url", hosted());
        CliHarness.Run unknown = cli.run("prompt", "run", "--template", "Hi", "--model", EvalHarness.MODEL,
                "--provider", "mistral");
        CliHarness.Run badUrl = cli.run("models", "list", "--provider", "openai", "--base-url", "ftp://x");

        assertThat(noKey.exitCode()).as(noKey.toString()).isEqualTo(3);
        assertThat(noKey.err()).contains("key").contains("OPENAI_API_KEY");
        assertThat(wrongKey.exitCode()).as(wrongKey.toString()).isEqualTo(3);
        assertThat(wrongKey.err()).contains("key").doesNotContain("sk-wrong");
        assertThat(unknown.exitCode()).as(unknown.toString()).isEqualTo(2);
        assertThat(unknown.err()).contains("there is no provider 'mistral'; choose one of ollama, openai, anthropic");
        assertThat(badUrl.exitCode()).as(badUrl.toString()).isEqualTo(2);
    }

    @Test
    void anEvalSuiteRunsOnTheProviderGivenAndItsCallsAreRecordedUnderTheKind() throws Exception {
        Path suite = h.writeSuite(4, 2);

        CliHarness.Run run = cli.run("eval", "run", suite.toString(), "--provider", "openai", "--base-url", hosted(),
                "-o", temp.resolve("report.json").toString());

        assertThat(run.exitCode()).as(run.toString()).isZero();
        assertThat(run.out()).contains("4 of 4 passed");
        assertThat(seen).hasSizeGreaterThanOrEqualTo(5).containsOnly(KEY);
        assertThat(Files.readString(temp.resolve("report.json"))).contains(EvalHarness.MODEL);
        try (Workbench workbench = Workbench.openPackOnDemand(new WorkbenchOptions(Optional.of(temp.resolve("data")),
                Optional.empty()), Clock.systemDefaultZone(), waiting -> { })) {
            assertThat(workbench.observability().stats().calls(new TimeRange(Instant.EPOCH,
                    Instant.now().plusSeconds(60)), CallFilter.ALL, 100)).hasSize(4)
                    .allSatisfy(call -> assertThat(call.call().provider()).isEqualTo("openai"));
        }
    }
}
