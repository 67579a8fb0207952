package dev.aiworkbench.cli;

import com.fasterxml.jackson.databind.JsonNode;
import dev.aiworkbench.testing.FakeOllama;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;

/** models and prompt verbs against the fake Ollama, with the exit codes the issue names. */
class CliModelsAndPromptTest {
    private static final String MODEL = "llama3.2:latest";

    @TempDir
    Path data;

    private FakeOllama fake;
    private CliHarness cli;

    @BeforeEach
    void start() {
        fake = FakeOllama.start();
        fake.model(MODEL).family("llama").parameterSize("3.2B").quantization("Q4_K_M").size(2_019_393_189L)
                .answer("Paris", " is", " the", " capital", ".");
        cli = new CliHarness(data);
    }

    @AfterEach
    void stop() {
        fake.close();
    }

    private CliHarness.Run run(String... args) {
        String[] all = new String[args.length + 2];
        System.arraycopy(args, 0, all, 0, args.length);
        all[args.length] = "--ollama-url";
        all[args.length + 1] = fake.baseUrl();
        return cli.run(all);
    }

    @Test
    void modelsListShowsWhatTheServerHas() {
        CliHarness.Run text = run("models", "list");
        CliHarness.Run json = run("models", "list", "--json");

        assertThat(text.exitCode()).as(text.toString()).isZero();
        assertThat(text.out()).contains(MODEL).contains("llama").contains("3.2B").contains("Q4_K_M").contains("2.0 GB");
        assertThat(json.json().get(0).path("name").asText()).isEqualTo(MODEL);
        assertThat(json.json().get(0).path("sizeBytes").asLong()).isEqualTo(2_019_393_189L);
    }

    @Test
    void modelsPullPrintsLayerProgressOnStderr() {
        fake.pullScript("qwen2.5:0.5b").layers(400_000_000L, 1_000).steps(3);

        CliHarness.Run pull = run("models", "pull", "qwen2.5:0.5b");

        assertThat(pull.exitCode()).as(pull.toString()).isZero();
        assertThat(pull.err()).contains("pulling manifest").contains("400.0 MB").contains("success");
        assertThat(pull.out()).contains("Pulled qwen2.5:0.5b.");
    }

    @Test
    void aTemplateRunStreamsTheAnswerToStdout() {
        CliHarness.Run result = run("prompt", "run", "--template", "What is the capital of {{country}}?",
                "--var", "country=France", "--model", MODEL, "--option", "temperature=0", "--option", "stop=\n\n");

        assertThat(result.exitCode()).as(result.toString()).isZero();
        assertThat(result.out()).isEqualTo("Paris is the capital.\n");
        JsonNode sent = fake.lastRequest("/api/chat").json();
        assertThat(sent.path("messages").get(0).path("content").asText()).isEqualTo("What is the capital of France?");
        assertThat(sent.path("options").path("stop").get(0).asText()).isEqualTo("\n\n");
    }

    @Test
    void withJsonItPrintsOneObjectWithTheFigures() {
        fake.omit("prompt_eval_count");

        CliHarness.Run result = run("prompt", "run", "--template", "Capital of {{c}}?", "--var", "c=France",
                "--model", MODEL, "--json");

        assertThat(result.exitCode()).as(result.toString()).isZero();
        JsonNode json = result.json();
        assertThat(json.path("text").asText()).isEqualTo("Paris is the capital.");
        assertThat(json.path("model").asText()).isEqualTo(MODEL);
        assertThat(json.path("ttftMs").isNumber()).isTrue();
        assertThat(json.path("totalMs").isNumber()).isTrue();
        assertThat(json.path("promptTokens").isNull()).isTrue();
        assertThat(json.path("outputTokens").asInt()).isEqualTo(5);
        assertThat(json.path("tokensPerSecond").asDouble()).isEqualTo(50.0);
        assertThat(json.path("costUsd").isNull()).as("the prompt count is unknown, so is the cost").isTrue();
    }

    @Test
    void badInputExitsTwo() {
        CliHarness.Run unknownVariable = run("prompt", "run", "--template", "Hi {{name}}", "--var", "nmae=Ada",
                "--model", MODEL);
        CliHarness.Run unknownPrompt = run("prompt", "run", "--prompt", "no-such-prompt", "--model", MODEL);
        CliHarness.Run badOption = run("prompt", "run", "--template", "Hi", "--model", MODEL, "--option", "temprature=1");

        assertThat(unknownVariable.exitCode()).as(unknownVariable.toString()).isEqualTo(2);
        assertThat(unknownVariable.err()).contains("nmae");
        assertThat(unknownPrompt.exitCode()).as(unknownPrompt.toString()).isEqualTo(2);
        assertThat(badOption.exitCode()).as(badOption.toString()).isEqualTo(2);
        assertThat(badOption.err()).contains("unknown option 'temprature'");
        assertThat(fake.requests("/api/chat")).isEmpty();
    }

    @Test
    void anUnreachableServerOrAMissingModelExitsThree() {
        CliHarness.Run missingModel = run("prompt", "run", "--template", "Hi", "--model", "nope:latest");
        CliHarness.Run unreachable = cli.run("prompt", "run", "--template", "Hi", "--model", MODEL,
                "--ollama-url", "http://127.0.0.1:1");

        assertThat(missingModel.exitCode()).as(missingModel.toString()).isEqualTo(3);
        assertThat(missingModel.err()).contains("ollama pull nope:latest");
        assertThat(unreachable.exitCode()).as(unreachable.toString()).isEqualTo(3);
        assertThat(unreachable.err()).contains("Ollama is not running at http://127.0.0.1:1").contains("ollama serve");
    }

    @Test
    void aFailureDuringGenerationExitsFourWithTheServersTextAndThePartialAnswer() {
        fake.midStreamError(2, "an error was encountered while running the model");

        CliHarness.Run result = run("prompt", "run", "--template", "Capital?", "--model", MODEL);

        assertThat(result.exitCode()).as(result.toString()).isEqualTo(4);
        assertThat(result.out()).isEqualTo("Paris is\n");
        assertThat(result.err()).contains("an error was encountered while running the model");
    }
}
