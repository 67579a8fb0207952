package dev.aiworkbench.observability;

import com.sun.net.httpserver.HttpServer;
import dev.aiworkbench.llm.CallFeature;
import dev.aiworkbench.llm.CallTag;
import dev.aiworkbench.store.Database;
import dev.aiworkbench.testing.MutableClock;
import io.opentelemetry.proto.collector.trace.v1.ExportTraceServiceRequest;
import io.opentelemetry.proto.collector.trace.v1.ExportTraceServiceResponse;
import io.opentelemetry.proto.common.v1.KeyValue;
import io.opentelemetry.proto.trace.v1.ResourceSpans;
import io.opentelemetry.proto.trace.v1.Span;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.stream.Collectors;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** One span per call, sent to a tiny OTLP/HTTP receiver in the test as a collector would receive it. */
class OtlpExportTest {
    @TempDir
    Path temp;

    private final MutableClock clock = MutableClock.utc("2026-06-01T12:00:00");
    private final List<ExportTraceServiceRequest> received = new CopyOnWriteArrayList<>();
    private final List<String> paths = new CopyOnWriteArrayList<>();
    private HttpServer collector;
    private Database database;

    @BeforeEach
    void start() throws Exception {
        collector = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        collector.createContext("/", exchange -> {
            paths.add(exchange.getRequestMethod() + " " + exchange.getRequestURI().getPath() + " "
                    + exchange.getRequestHeaders().getFirst("Content-Type"));
            received.add(ExportTraceServiceRequest.parseFrom(exchange.getRequestBody().readAllBytes()));
            byte[] answer = ExportTraceServiceResponse.getDefaultInstance().toByteArray();
            exchange.getResponseHeaders().add("Content-Type", "application/x-protobuf");
            exchange.sendResponseHeaders(200, answer.length);
            exchange.getResponseBody().write(answer);
            exchange.close();
        });
        collector.start();
        database = Database.open(temp.resolve("workbench.db"));
    }

    @AfterEach
    void stop() {
        database.close();
        collector.stop(0);
    }

    private Observability observability() {
        return Observability.open(database, new StoredSettings(database),
                () -> (provider, model, usage) -> OptionalDouble.of(0.002), List::of, clock, "1.2.3");
    }

    private String address() {
        return "http://127.0.0.1:" + collector.getAddress().getPort();
    }

    @Test
    void each_call_is_a_client_span_named_and_attributed_as_the_genai_conventions_say() {
        try (Observability observability = observability()) {
            observability.exportSpansTo(Optional.of(address()));
            observability.recorder().record(new ModelCall(Instant.parse("2026-06-01T11:59:00Z"),
                    new CallTag(CallFeature.EVAL, "summarise", 2, "run-7", "item-1", 0), Operation.CHAT, "ollama",
                    "llama3.2", 120, 30, 250.0, 1500.0, 42.0, CallOutcome.OK, null));
            observability.recorder().record(new ModelCall(Instant.parse("2026-06-01T11:59:30Z"),
                    CallTag.of(CallFeature.JUDGE), Operation.CHAT, "ollama", "qwen3", null, null, null, 20.0, null,
                    CallOutcome.ERROR, "timeout"));
        }

        assertThat(paths).allSatisfy(p -> assertThat(p).isEqualTo("POST /v1/traces application/x-protobuf"));
        List<ResourceSpans> resources = received.stream().flatMap(r -> r.getResourceSpansList().stream()).toList();
        assertThat(attributes(resources.getFirst().getResource().getAttributesList()))
                .containsEntry("service.name", "ai-workbench").containsEntry("service.version", "1.2.3");
        List<Span> spans = resources.stream().flatMap(r -> r.getScopeSpansList().stream())
                .flatMap(s -> s.getSpansList().stream()).toList();
        assertThat(spans).extracting(Span::getName).containsExactly("chat llama3.2", "chat qwen3");
        Span first = spans.getFirst();
        assertThat(first.getKind()).isEqualTo(Span.SpanKind.SPAN_KIND_CLIENT);
        long start = Instant.parse("2026-06-01T11:59:00Z").toEpochMilli() * 1_000_000L;
        assertThat(first.getStartTimeUnixNano()).isEqualTo(start);
        assertThat(first.getEndTimeUnixNano()).isEqualTo(start + 1_500_000_000L);
        assertThat(attributes(first.getAttributesList())).containsEntry("gen_ai.operation.name", "chat")
                .containsEntry("gen_ai.provider.name", "ollama").containsEntry("gen_ai.request.model", "llama3.2")
                .containsEntry("gen_ai.usage.input_tokens", "120").containsEntry("gen_ai.usage.output_tokens", "30")
                .containsEntry("workbench.feature", "eval").containsEntry("workbench.prompt.id", "summarise")
                .containsEntry("workbench.prompt.version", "2").containsEntry("workbench.eval.run_id", "run-7")
                .containsEntry("workbench.time_to_first_token", "0.25").containsEntry("workbench.cost_usd", "0.002")
                .doesNotContainKey("error.type");
        Span failed = spans.get(1);
        assertThat(attributes(failed.getAttributesList())).containsEntry("error.type", "timeout")
                .doesNotContainKey("gen_ai.usage.input_tokens");
        assertThat(failed.getStatus().getCode().name()).isEqualTo("STATUS_CODE_ERROR");
    }

    @Test
    void export_is_off_until_the_learner_names_a_collector_and_stops_when_they_clear_it() {
        try (Observability observability = observability()) {
            assertThat(observability.otlpEndpoint()).isEmpty();
            observability.recorder().record(Calls.ok("2026-06-01T11:00:00Z", "m", 1).call());
            observability.recorder().flush();

            observability.exportSpansTo(Optional.of(address() + "/v1/traces"));
            assertThat(observability.otlpEndpoint()).hasValueSatisfying(uri ->
                    assertThat(uri.toString()).isEqualTo(address() + "/v1/traces"));
            observability.exportSpansTo(Optional.empty());
            assertThat(observability.otlpEndpoint()).isEmpty();
            observability.recorder().record(Calls.ok("2026-06-01T11:00:00Z", "m", 2).call());
        }
        assertThat(received).isEmpty();
    }

    @Test
    void a_saved_collector_is_used_at_the_next_start_and_a_bad_address_is_refused_with_an_example() {
        try (Observability observability = observability()) {
            assertThatThrownBy(() -> observability.exportSpansTo(Optional.of("localhost:4318")))
                    .hasMessageContaining("http://localhost:4318");
            observability.exportSpansTo(Optional.of(address()));
        }
        try (Observability reopened = observability()) {
            reopened.recorder().record(Calls.ok("2026-06-01T11:00:00Z", "m", 1).call());
        }
        assertThat(received).hasSize(1);
    }

    private static Map<String, String> attributes(List<KeyValue> values) {
        return values.stream().collect(Collectors.toMap(KeyValue::getKey, kv -> switch (kv.getValue().getValueCase()) {
            case STRING_VALUE -> kv.getValue().getStringValue();
            case INT_VALUE -> Long.toString(kv.getValue().getIntValue());
            case DOUBLE_VALUE -> Double.toString(kv.getValue().getDoubleValue());
            default -> kv.getValue().toString();
        }));
    }
}
