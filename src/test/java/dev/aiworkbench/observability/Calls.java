package dev.aiworkbench.observability;

import dev.aiworkbench.llm.CallFeature;
import dev.aiworkbench.llm.CallTag;

import java.time.Instant;

/** Model calls for tests, made field by field from a plain ok chat call. */
record Calls(Instant startedAt, CallTag tag, Operation operation, String model, Integer inputTokens,
             Integer outputTokens, Double ttftMs, double totalMs, Double tokensPerSecond, CallOutcome outcome,
             String errorKind) {

    static Calls ok(String at, String model, double totalMs) {
        return new Calls(Instant.parse(at), CallTag.of(CallFeature.PLAYGROUND), Operation.CHAT, model, 10, 20, null,
                totalMs, null, CallOutcome.OK, null);
    }

    Calls feature(CallFeature feature) {
        return new Calls(startedAt, tag.withFeature(feature), operation, model, inputTokens, outputTokens, ttftMs,
                totalMs, tokensPerSecond, outcome, errorKind);
    }

    Calls tag(CallTag more) {
        return new Calls(startedAt, tag.with(more), operation, model, inputTokens, outputTokens, ttftMs, totalMs,
                tokensPerSecond, outcome, errorKind);
    }

    Calls ttft(Double ms) {
        return new Calls(startedAt, tag, operation, model, inputTokens, outputTokens, ms, totalMs, tokensPerSecond,
                outcome, errorKind);
    }

    Calls tokens(Integer in, Integer out) {
        return new Calls(startedAt, tag, operation, model, in, out, ttftMs, totalMs, tokensPerSecond, outcome, errorKind);
    }

    Calls rate(Double tokensPerSecond) {
        return new Calls(startedAt, tag, operation, model, inputTokens, outputTokens, ttftMs, totalMs, tokensPerSecond,
                outcome, errorKind);
    }

    Calls failed(String kind) {
        return new Calls(startedAt, tag, operation, model, null, null, ttftMs, totalMs, tokensPerSecond,
                CallOutcome.ERROR, kind);
    }

    Calls cancelled() {
        return new Calls(startedAt, tag, operation, model, inputTokens, outputTokens, ttftMs, totalMs, tokensPerSecond,
                CallOutcome.CANCELLED, null);
    }

    Calls operation(Operation other) {
        return new Calls(startedAt, tag, other, model, inputTokens, outputTokens, ttftMs, totalMs, tokensPerSecond,
                outcome, errorKind);
    }

    ModelCall call() {
        return new ModelCall(startedAt, tag, operation, "ollama", model, inputTokens, outputTokens, ttftMs, totalMs,
                tokensPerSecond, outcome, errorKind);
    }
}
