package dev.aiworkbench.observability;

import dev.aiworkbench.llm.CallFeature;
import dev.aiworkbench.llm.CallTag;
import dev.aiworkbench.llm.GenerationCall;
import dev.aiworkbench.llm.GenerationRequest;
import dev.aiworkbench.llm.GenerationResult;
import dev.aiworkbench.llm.ModelGateway;
import dev.aiworkbench.llm.ModelOptions;
import dev.aiworkbench.llm.ModelServerException;
import dev.aiworkbench.llm.OutputFormat;
import dev.aiworkbench.llm.ollama.OllamaGateway;
import dev.aiworkbench.llm.ollama.OllamaSettings;
import dev.aiworkbench.store.Database;
import dev.aiworkbench.testing.FakeOllama;
import dev.aiworkbench.testing.MutableClock;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.OptionalDouble;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

/** Each way a call can go through the recording gateway, against the fake Ollama server, ends as one record. */
class RecordingGatewayTest {
    private static final TimeRange ALL_TIME = new TimeRange(Instant.EPOCH, Instant.parse("2100-01-01T00:00:00Z"));
    private static final String MODEL = "llama3.2:latest";

    @TempDir
    Path temp;

    private final MutableClock clock = MutableClock.utc("2026-06-01T12:00:00");
    private FakeOllama fake;
    private Database database;
    private CallRecorder recorder;
    private ModelGateway ollama;
    private ModelGateway gateway;

    @BeforeEach
    void open() {
        fake = FakeOllama.start();
        fake.model(MODEL).answer("Hel", "lo", "!");
        fake.embeddingModel("nomic-embed-text");
        database = Database.open(temp.resolve("workbench.db"));
        CallStore store = new CallStore(database);
        // $1 per million tokens either way
        recorder = new CallRecorder(store, () -> (provider, model, usage) -> usage.promptTokens().isEmpty()
                || usage.outputTokens().isEmpty() ? OptionalDouble.empty()
                : OptionalDouble.of((usage.promptTokens().getAsInt() + usage.outputTokens().getAsInt()) / 1e6),
                new CallRetention(new StoredSettings(database), store), clock, 1024);
        ollama = new OllamaGateway(OllamaSettings.defaults(fake.baseUri()));
        gateway = new RecordingGateway(ollama, "ollama", recorder, CallTag.of(CallFeature.PLAYGROUND), clock);
    }

    @AfterEach
    void close() {
        recorder.close();
        ollama.close();
        database.close();
        fake.close();
    }

    private List<StoredCall> recorded() {
        recorder.flush();
        return new CallStats(database).calls(ALL_TIME, CallFilter.ALL, 100).reversed();
    }

    private static GenerationRequest chat() {
        return GenerationRequest.chat(MODEL, null, "Say hello", ModelOptions.DEFAULTS, OutputFormat.PLAIN);
    }

    @Test
    void a_streamed_answer_keeps_the_servers_counts_its_timings_and_its_cost() throws Exception {
        fake.metric("prompt_eval_count", 12).metric("eval_count", 3).metric("eval_duration", 60_000_000L);

        GenerationResult answer = gateway.tagged(CallTag.prompt("greet", 3)).stream(chat(), delta -> { })
                .result().get(10, TimeUnit.SECONDS);

        StoredCall kept = recorded().getFirst();
        ModelCall call = kept.call();
        assertThat(call.startedAt()).isEqualTo(Instant.parse("2026-06-01T12:00:00Z"));
        assertThat(call.tag()).isEqualTo(new CallTag(CallFeature.PLAYGROUND, "greet", 3, null, null, null));
        assertThat(call.operation()).isEqualTo(Operation.CHAT);
        assertThat(call.provider()).isEqualTo("ollama");
        assertThat(call.model()).isEqualTo(MODEL);
        assertThat(call.inputTokens()).isEqualTo(12);
        assertThat(call.outputTokens()).isEqualTo(3);
        assertThat(call.tokensPerSecond()).isCloseTo(50.0, within(1e-9));
        assertThat(call.ttftMs()).isCloseTo(answer.timeToFirstToken().orElseThrow().toNanos() / 1e6, within(1e-6));
        assertThat(call.totalMs()).isCloseTo(answer.total().toNanos() / 1e6, within(1e-6));
        assertThat(call.outcome()).isEqualTo(CallOutcome.OK);
        assertThat(kept.costUsd()).isCloseTo(15e-6, within(1e-12));
    }

    @Test
    void an_awaited_answer_is_recorded_once_even_when_its_result_is_asked_for_too() throws Exception {
        GenerationCall call = gateway.stream(chat(), delta -> { });
        call.await(Duration.ofSeconds(10));
        call.result().get(10, TimeUnit.SECONDS);
        call.cancel();

        assertThat(recorded()).singleElement().satisfies(c -> assertThat(c.call().outcome()).isEqualTo(CallOutcome.OK));
    }

    @Test
    void counts_the_server_left_out_stay_unknown_and_so_does_the_cost() throws Exception {
        fake.omit("prompt_eval_count", "eval_count");

        gateway.stream(chat(), delta -> { }).await(Duration.ofSeconds(10));

        StoredCall kept = recorded().getFirst();
        assertThat(kept.call().inputTokens()).isNull();
        assertThat(kept.call().outputTokens()).isNull();
        assertThat(kept.call().tokensPerSecond()).isNull();
        assertThat(kept.costUsd()).isNull();
    }

    @Test
    void a_failure_is_an_error_of_its_kind() {
        ModelGateway eval = gateway.tagged(new CallTag(CallFeature.EVAL, null, null, "run-1", "item", 0));

        assertThatThrownBy(() -> eval.stream(GenerationRequest.chat("missing", null, "hi", null, null), d -> { })
                .await(Duration.ofSeconds(10))).isInstanceOf(ModelServerException.class);
        fake.midStreamError(1);
        assertThatThrownBy(() -> eval.stream(chat(), d -> { }).result().join());

        List<StoredCall> calls = recorded();
        assertThat(calls).extracting(c -> c.call().outcome(), c -> c.call().errorKind())
                .containsExactly(org.assertj.core.groups.Tuple.tuple(CallOutcome.ERROR, "model_not_found"),
                        org.assertj.core.groups.Tuple.tuple(CallOutcome.ERROR, "server_error"));
        assertThat(calls.getFirst().call().tag()).isEqualTo(new CallTag(CallFeature.EVAL, null, null, "run-1", "item", 0));
        // The second failed after its first token, which was timed.
        assertThat(calls.get(1).call().ttftMs()).isNotNull();
    }

    @Test
    void a_cancelled_answer_is_cancelled_and_one_that_outlived_its_callers_wait_is_a_timeout() throws Exception {
        fake.endlessStream();

        GenerationCall stopped = gateway.stream(chat(), d -> { });
        fake.awaitStreamsInFlight(1, Duration.ofSeconds(5));
        stopped.cancel();
        GenerationCall waited = gateway.stream(chat(), d -> { });
        assertThatThrownBy(() -> waited.await(Duration.ofMillis(50))).isInstanceOf(TimeoutException.class);
        waited.cancel();
        // A cancel settles the call on the client's thread; the record is written once it has.
        stopped.result().handle((r, e) -> r).get(10, TimeUnit.SECONDS);
        waited.result().handle((r, e) -> r).get(10, TimeUnit.SECONDS);

        assertThat(recorded()).extracting(c -> c.call().outcome(), c -> c.call().errorKind())
                .containsExactly(org.assertj.core.groups.Tuple.tuple(CallOutcome.CANCELLED, null),
                        org.assertj.core.groups.Tuple.tuple(CallOutcome.ERROR, "timeout"));
    }

    @Test
    void generate_and_embed_are_recorded_as_their_operations() throws Exception {
        fake.metric("prompt_eval_count", 4);
        gateway.generate(GenerationRequest.generate(MODEL, null, "Say hello", null, null));
        gateway.embed("nomic-embed-text", List.of("one", "two"));
        assertThatThrownBy(() -> gateway.embed("missing", List.of("x"))).isInstanceOf(ModelServerException.class);

        List<StoredCall> calls = recorded();
        assertThat(calls).extracting(c -> c.call().operation(), c -> c.call().model(), c -> c.call().outcome())
                .containsExactly(org.assertj.core.groups.Tuple.tuple(Operation.TEXT_COMPLETION, MODEL, CallOutcome.OK),
                        org.assertj.core.groups.Tuple.tuple(Operation.EMBEDDINGS, "nomic-embed-text", CallOutcome.OK),
                        org.assertj.core.groups.Tuple.tuple(Operation.EMBEDDINGS, "missing", CallOutcome.ERROR));
        assertThat(calls.getFirst().call().inputTokens()).isEqualTo(4);
        assertThat(calls.getFirst().call().ttftMs()).isNull();
        // An embedding produces nothing: with its input counted, its output is a known zero.
        assertThat(calls.get(1).call().inputTokens()).isNotNull();
        assertThat(calls.get(1).call().outputTokens()).isZero();
    }

    @Test
    void administration_is_passed_through_unrecorded() throws Exception {
        gateway.version();
        gateway.listModels();
        gateway.show(MODEL);

        assertThat(recorded()).isEmpty();
    }
}
