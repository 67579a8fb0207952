package dev.aiworkbench.observability;

import dev.aiworkbench.llm.CallTag;
import io.opentelemetry.api.common.AttributeKey;
import io.opentelemetry.api.common.Attributes;
import io.opentelemetry.api.trace.Span;
import io.opentelemetry.api.trace.SpanBuilder;
import io.opentelemetry.api.trace.SpanKind;
import io.opentelemetry.api.trace.StatusCode;
import io.opentelemetry.api.trace.Tracer;
import io.opentelemetry.exporter.otlp.http.trace.OtlpHttpSpanExporter;
import io.opentelemetry.sdk.resources.Resource;
import io.opentelemetry.sdk.trace.SdkTracerProvider;
import io.opentelemetry.sdk.trace.export.BatchSpanProcessor;

import java.net.URI;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.TimeUnit;

/**
 * One OTLP span per kept call, sent over OTLP/HTTP to the collector the learner named, with the OpenTelemetry Java
 * SDK (its batch processor sends in the background; a collector that is down costs the workbench nothing but the
 * lost spans). Span names and attributes follow the GenAI semantic conventions: {@code chat llama3.2}, with
 * {@code gen_ai.operation.name}, {@code gen_ai.request.model}, {@code gen_ai.usage.input_tokens} …
 */
final class OtlpCallSpans implements CallSink {
    private static final AttributeKey<String> OPERATION = AttributeKey.stringKey("gen_ai.operation.name");
    private static final AttributeKey<String> PROVIDER = AttributeKey.stringKey("gen_ai.provider.name");
    private static final AttributeKey<String> MODEL = AttributeKey.stringKey("gen_ai.request.model");
    private static final AttributeKey<Long> INPUT_TOKENS = AttributeKey.longKey("gen_ai.usage.input_tokens");
    private static final AttributeKey<Long> OUTPUT_TOKENS = AttributeKey.longKey("gen_ai.usage.output_tokens");
    private static final AttributeKey<String> ERROR_TYPE = AttributeKey.stringKey("error.type");
    private static final AttributeKey<String> FEATURE = AttributeKey.stringKey("workbench.feature");
    private static final AttributeKey<String> PROMPT_ID = AttributeKey.stringKey("workbench.prompt.id");
    private static final AttributeKey<Long> PROMPT_VERSION = AttributeKey.longKey("workbench.prompt.version");
    private static final AttributeKey<String> EVAL_RUN = AttributeKey.stringKey("workbench.eval.run_id");
    private static final AttributeKey<Double> TTFT = AttributeKey.doubleKey("workbench.time_to_first_token");
    private static final AttributeKey<Double> COST = AttributeKey.doubleKey("workbench.cost_usd");
    private static final AttributeKey<String> OUTCOME = AttributeKey.stringKey("workbench.outcome");

    private final SdkTracerProvider provider;
    private final Tracer tracer;

    private OtlpCallSpans(SdkTracerProvider provider) {
        this.provider = provider;
        this.tracer = provider.get("dev.aiworkbench.observability");
    }

    /**
     * @param collector the collector's OTLP/HTTP address, such as {@code http://localhost:4318}; spans go to its
     *                  {@code /v1/traces} unless the address names that path already
     */
    static OtlpCallSpans to(URI collector, String serviceVersion) {
        OtlpHttpSpanExporter exporter = OtlpHttpSpanExporter.builder().setEndpoint(tracesEndpoint(collector)).build();
        Resource resource = Resource.getDefault().merge(Resource.create(Attributes.of(
                AttributeKey.stringKey("service.name"), "ai-workbench",
                AttributeKey.stringKey("service.version"), serviceVersion)));
        SdkTracerProvider provider = SdkTracerProvider.builder().setResource(resource)
                .addSpanProcessor(BatchSpanProcessor.builder(exporter).build()).build();
        return new OtlpCallSpans(provider);
    }

    /** @throws IllegalArgumentException an address that is not http(s) with a host, with the reason */
    static String tracesEndpoint(URI collector) {
        String scheme = collector.getScheme() == null ? "" : collector.getScheme().toLowerCase(Locale.ROOT);
        if (!scheme.equals("http") && !scheme.equals("https") || collector.getHost() == null) {
            throw new IllegalArgumentException("'" + collector + "' is not a collector address; give its OTLP/HTTP "
                    + "address, for example http://localhost:4318");
        }
        String text = collector.toString();
        if (text.endsWith("/v1/traces")) {
            return text;
        }
        return (text.endsWith("/") ? text.substring(0, text.length() - 1) : text) + "/v1/traces";
    }

    @Override
    public void accept(List<PricedCall> calls) {
        for (PricedCall priced : calls) {
            ModelCall call = priced.call();
            CallTag tag = call.tag();
            Instant start = call.startedAt();
            SpanBuilder builder = tracer.spanBuilder(call.operation().id() + " " + call.model())
                    .setSpanKind(SpanKind.CLIENT).setNoParent()
                    .setStartTimestamp(start.getEpochSecond() * 1_000_000_000L + start.getNano(), TimeUnit.NANOSECONDS)
                    .setAttribute(OPERATION, call.operation().id())
                    .setAttribute(PROVIDER, call.provider())
                    .setAttribute(MODEL, call.model())
                    .setAttribute(FEATURE, tag.feature().id())
                    .setAttribute(OUTCOME, call.outcome().id());
            if (call.inputTokens() != null) {
                builder.setAttribute(INPUT_TOKENS, call.inputTokens().longValue());
            }
            if (call.outputTokens() != null) {
                builder.setAttribute(OUTPUT_TOKENS, call.outputTokens().longValue());
            }
            if (tag.promptId() != null) {
                builder.setAttribute(PROMPT_ID, tag.promptId());
                if (tag.promptVersion() != null) {
                    builder.setAttribute(PROMPT_VERSION, tag.promptVersion().longValue());
                }
            }
            if (tag.evalRunId() != null) {
                builder.setAttribute(EVAL_RUN, tag.evalRunId());
            }
            if (call.ttftMs() != null) {
                builder.setAttribute(TTFT, call.ttftMs() / 1000.0);
            }
            if (priced.costUsd() != null) {
                builder.setAttribute(COST, priced.costUsd());
            }
            if (call.errorKind() != null) {
                builder.setAttribute(ERROR_TYPE, call.errorKind());
            }
            Span span = builder.startSpan();
            if (call.errorKind() != null) {
                span.setStatus(StatusCode.ERROR);
            }
            long startNanos = start.getEpochSecond() * 1_000_000_000L + start.getNano();
            span.end(startNanos + Math.round(call.totalMs() * 1_000_000), TimeUnit.NANOSECONDS);
        }
    }

    /** Sends what is still batched (waiting a few seconds at most) and stops. */
    @Override
    public void close() {
        provider.shutdown().join(5, TimeUnit.SECONDS);
    }
}
