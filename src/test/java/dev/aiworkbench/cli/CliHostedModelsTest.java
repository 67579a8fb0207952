package dev.aiworkbench.cli;

import com.sun.net.httpserver.HttpServer;
import dev.aiworkbench.app.ProviderSetup;
import dev.aiworkbench.testing.MemoryKeychain;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * `models show --provider` asks a hosted provider's {@code /v1/models/{id}}, and `models pull --provider` on a hosted
 * one refuses with a sentence. The server is a stub answering the documented bodies of OpenAI's and Anthropic's
 * "retrieve model" calls (the shared fakes do not serve that path).
 */
class CliHostedModelsTest {
    private static final String OPENAI_MODEL = """
            {"id": "gpt-4o-mini", "object": "model", "created": 1721172741, "owned_by": "system"}""";
    private static final String ANTHROPIC_MODEL = """
            {"type": "model", "id": "claude-haiku-4-5", "display_name": "Claude Haiku 4.5",
             "created_at": "2025-10-15T00:00:00Z"}""";
    private static final String OPENAI_NOT_FOUND = """
            {"error": {"message": "The model 'gpt-nonesuch' does not exist", "type": "invalid_request_error",
             "param": "model", "code": "model_not_found"}}""";

    @TempDir
    Path temp;

    private HttpServer server;
    private final List<String> asked = new CopyOnWriteArrayList<>();
    private final List<String> keys = new CopyOnWriteArrayList<>();

    @BeforeEach
    void start() throws IOException {
        server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        server.createContext("/", exchange -> {
            String path = exchange.getRequestURI().getRawPath();
            asked.add(exchange.getRequestMethod() + " " + path);
            keys.add(String.valueOf(exchange.getRequestHeaders().getFirst(path.startsWith("/openai")
                    ? "Authorization" : "x-api-key")));
            String body;
            int status = 200;
            switch (path) {
                case "/openai/v1/models/gpt-4o-mini" -> body = OPENAI_MODEL;
                case "/anthropic/v1/models/claude-haiku-4-5" -> body = ANTHROPIC_MODEL;
                default -> {
                    status = 404;
                    body = OPENAI_NOT_FOUND;
                }
            }
            byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
            exchange.getResponseHeaders().add("Content-Type", "application/json");
            exchange.sendResponseHeaders(status, bytes.length);
            exchange.getResponseBody().write(bytes);
            exchange.close();
        });
        server.start();
    }

    @AfterEach
    void stop() {
        server.stop(0);
    }

    private String base(String kind) {
        return "http://127.0.0.1:" + server.getAddress().getPort() + "/" + kind + (kind.equals("openai") ? "/v1" : "");
    }

    private CliHarness cli() {
        return new CliHarness(temp.resolve("data"), Clock.systemDefaultZone(), ProviderSetup.system()
                .withEnvironment(Map.of("OPENAI_API_KEY", "sk-openai-show-1111", "OPENAI_BASE_URL", base("openai"),
                        "ANTHROPIC_API_KEY", "sk-ant-show-2222", "ANTHROPIC_BASE_URL", base("anthropic")))
                .withKeychain(MemoryKeychain.unavailable("No keychain in this test.")));
    }

    @Test
    void showAsksOpenAiForTheModelAndPrintsWhatItSays() {
        CliHarness.Run run = cli().run("models", "show", "gpt-4o-mini", "--provider", "openai");

        assertThat(run.exitCode()).as(run.toString()).isZero();
        assertThat(asked).containsExactly("GET /openai/v1/models/gpt-4o-mini");
        assertThat(keys).containsExactly("Bearer sk-openai-show-1111");
        assertThat(run.out()).startsWith("gpt-4o-mini").contains("owned by", "system")
                .contains("created", "2024-07-16T23:32:21Z");
    }

    @Test
    void showAsksAnthropicForTheModelWithItsKey() {
        CliHarness.Run run = cli().run("models", "show", "claude-haiku-4-5", "--provider", "anthropic");

        assertThat(run.exitCode()).as(run.toString()).isZero();
        assertThat(asked).containsExactly("GET /anthropic/v1/models/claude-haiku-4-5");
        assertThat(keys).containsExactly("sk-ant-show-2222");
        assertThat(run.out()).contains("display name", "Claude Haiku 4.5").contains("2025-10-15T00:00:00Z");
    }

    @Test
    void showOfAModelTheProviderDoesNotServeIsExitThreeWithTheNextStep() {
        CliHarness.Run run = cli().run("models", "show", "gpt-nonesuch", "--provider", "openai");

        assertThat(run.exitCode()).as(run.toString()).isEqualTo(Cli.SERVER_UNAVAILABLE);
        assertThat(run.err()).contains("'gpt-nonesuch'", "models list").doesNotContain("Exception");
    }

    @Test
    void pullOnAHostedProviderRefusesWithASentenceAndCallsNothing() {
        CliHarness.Run openai = cli().run("models", "pull", "gpt-4o-mini", "--provider", "openai");
        CliHarness.Run anthropic = cli().run("models", "pull", "claude-haiku-4-5", "--provider", "anthropic");

        assertThat(openai.exitCode()).as(openai.toString()).isEqualTo(Cli.USAGE);
        assertThat(openai.err().strip()).isEqualTo("openai serves its own models; nothing to pull — use `workbench "
                + "models list --provider openai` to see them.");
        assertThat(anthropic.exitCode()).as(anthropic.toString()).isEqualTo(Cli.USAGE);
        assertThat(anthropic.err()).contains("anthropic serves its own models; nothing to pull");
        assertThat(asked).isEmpty();
    }

    @Test
    void pullOnAnUnknownProviderIsBadInput() {
        CliHarness.Run run = cli().run("models", "pull", "llama3.2", "--provider", "nowhere");

        assertThat(run.exitCode()).as(run.toString()).isEqualTo(Cli.USAGE);
        assertThat(run.err()).contains("there is no provider 'nowhere'");
    }
}
