package dev.aiworkbench.labs.checks;

import dev.aiworkbench.labs.definition.CheckSpec;
import dev.aiworkbench.llm.ModelGateway;
import dev.aiworkbench.llm.ollama.OllamaGateway;
import dev.aiworkbench.llm.ollama.OllamaSettings;
import dev.aiworkbench.testing.FakeOllama;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.time.Duration;

import static dev.aiworkbench.labs.checks.Specs.ollama;
import static org.assertj.core.api.Assertions.assertThat;

class OllamaCheckTest {
    @TempDir
    Path workspace;

    private FakeOllama fake;
    private ModelGateway gateway;
    private CheckEngine engine;

    @BeforeEach
    void start() {
        fake = FakeOllama.start();
        gateway = new OllamaGateway(OllamaSettings.defaults(fake.baseUri()));
        engine = new CheckEngine();
    }

    @AfterEach
    void stop() {
        engine.close();
        gateway.close();
        fake.close();
    }

    private CheckContext context() {
        return CheckContext.of(workspace).withEndpoints(Specs.ollama(fake.baseUri())).withModels(() -> gateway);
    }

    @Test
    void passesWhenTheModelIsThereWithOrWithoutItsTag() {
        fake.model("llama3.2:latest");
        fake.model("qwen2.5:0.5b");

        CheckResult bare = engine.run(ollama("llama3.2", null, null, false), context());
        CheckResult tagged = engine.run(ollama("qwen2.5:0.5b", null, null, false), context());

        assertThat(bare.status()).as(bare.message()).isEqualTo(CheckStatus.PASS);
        assertThat(bare.message()).isEqualTo("The model 'llama3.2:latest' is on the Ollama server at "
                + fake.baseUri() + ".");
        assertThat(tagged.status()).isEqualTo(CheckStatus.PASS);
    }

    @Test
    void aModelNamedWithItsLibraryPrefixIsTheOneTheServiceWouldNotPullAgain() {
        fake.model("llama3.2:latest");

        CheckResult prefixed = engine.run(ollama("library/llama3.2", null, null, false), context());

        assertThat(prefixed.status()).as(prefixed.message()).isEqualTo(CheckStatus.PASS);
    }

    @Test
    void aMissingModelFailsAndSaysHowToPullIt() {
        fake.model("llama3.2");

        CheckResult result = engine.run(ollama("qwen2.5:0.5b", null, null, false), context());

        assertThat(result.status()).isEqualTo(CheckStatus.FAIL);
        assertThat(result.message()).isEqualTo("The model 'qwen2.5:0.5b' is not on the Ollama server at "
                + fake.baseUri() + ". Pull it with `ollama pull qwen2.5:0.5b` (or the Models screen), then run the "
                + "check again.");
    }

    @Test
    void theModelAnswersThePromptWithTheExpectedText() {
        fake.model("tutor").answer("Paris", " is the", " capital.");

        CheckResult pass = engine.run(ollama("tutor", "What is the capital of France?", "Paris", false), context());
        CheckResult fail = engine.run(ollama("tutor", "What is the capital of France?", "Lyon", false), context());

        assertThat(pass.status()).as(pass.message()).isEqualTo(CheckStatus.PASS);
        assertThat(pass.message()).startsWith("The model tutor answered \"Paris is the capital.\", as expected");
        assertThat(fail.status()).isEqualTo(CheckStatus.FAIL);
        assertThat(fail.message()).startsWith("Expected the answer to contain \"Lyon\", but the model tutor answered \"Paris is "
                + "the capital.\".");
        var request = fake.lastRequest("/api/generate").json();
        assertThat(request.path("stream").asBoolean(true)).isFalse();
        assertThat(request.path("prompt").asText()).isEqualTo("What is the capital of France?");
    }

    @Test
    void expectJsonAcceptsJsonAndFencedJsonOnly() {
        fake.model("plain").answer("{\"city\": ", "\"Paris\"}");
        fake.model("fenced").answer("```json\n{\"city\": \"Paris\"}\n```");
        fake.model("chatty").answer("Sure! {\"city\": \"Paris\"}");

        CheckResult plain = engine.run(ollama("plain", "City as JSON", null, true), context());
        CheckResult fenced = engine.run(ollama("fenced", "City as JSON", "Paris", true), context());
        CheckResult chatty = engine.run(ollama("chatty", "City as JSON", null, true), context());

        assertThat(plain.status()).as(plain.message()).isEqualTo(CheckStatus.PASS);
        assertThat(fenced.status()).as(fenced.message()).isEqualTo(CheckStatus.PASS);
        assertThat(chatty.status()).isEqualTo(CheckStatus.FAIL);
        assertThat(chatty.message()).startsWith("Expected the answer to be JSON, but the model chatty answered \"Sure! {\"city\": "
                + "\"Paris\"}\" (it is not valid JSON:");
    }

    @Test
    void anAnswerThatTakesTooLongIsAnErrorAtTheTimeout() {
        fake.model("slow").answer("late");
        fake.firstTokenDelay(Duration.ofSeconds(5));
        CheckSpec.Ollama spec = new CheckSpec.Ollama("slow", "slow", Duration.ofMillis(500), null, "slow", "Hi",
                null, false);

        CheckResult result = engine.run(spec, context());

        assertThat(result.status()).isEqualTo(CheckStatus.ERROR);
        assertThat(result.message()).startsWith("The Ollama server at " + fake.baseUri() + " gave no answer within 0.5 s");
        assertThat(result.took()).isLessThan(Duration.ofMillis(1_500));
    }

    @Test
    void ollamaNotRunningIsAnErrorNamingIt() {
        CheckResult result = engine.run(ollama("llama3.2", null, null, false),
                CheckContext.of(workspace).withModels(() -> gateway));

        assertThat(result.status()).isEqualTo(CheckStatus.ERROR);
        assertThat(result.message()).startsWith("This check needs the ollama service, which is not running.")
                .contains("ollama serve");
    }

    @Test
    void aServerThatStoppedIsAnError() {
        fake.close();

        CheckResult result = engine.run(ollama("llama3.2", null, null, false), context());

        assertThat(result.status()).isEqualTo(CheckStatus.ERROR);
        assertThat(result.message()).startsWith("Asking the Ollama server at " + fake.baseUri() + " failed: ");
    }
}
