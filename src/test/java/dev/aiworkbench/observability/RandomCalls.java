package dev.aiworkbench.observability;

import dev.aiworkbench.llm.CallFeature;
import dev.aiworkbench.llm.CallTag;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.OptionalDouble;
import java.util.Random;

/**
 * Seeded model calls spread over a span: every feature, three models on two providers, two operations, errors and
 * cancels, unknown token counts, calls without a first token or a rate, and log-normal latencies.
 */
final class RandomCalls {
    static final List<String> MODELS = List.of("llama3.2", "qwen3", "gpt-4o-mini");
    /** Prices what has both counts, like a price table that knows some models. */
    static final CallPricing PRICING = (provider, model, usage) -> usage.promptTokens().isEmpty()
            || usage.outputTokens().isEmpty() || model.equals("qwen3") ? OptionalDouble.empty()
            : OptionalDouble.of((usage.promptTokens().getAsInt() + 3.0 * usage.outputTokens().getAsInt()) / 1e6);

    private RandomCalls() {
    }

    static List<ModelCall> over(Random random, Instant from, Duration span, int count) {
        List<ModelCall> calls = new ArrayList<>(count);
        CallFeature[] features = CallFeature.values();
        for (int i = 0; i < count; i++) {
            Instant at = from.plusMillis((long) (random.nextDouble() * span.toMillis()));
            String model = MODELS.get(random.nextInt(MODELS.size()));
            String provider = model.startsWith("gpt") ? "openai" : "ollama";
            double roll = random.nextDouble();
            CallOutcome outcome = roll < 0.06 ? CallOutcome.ERROR : roll < 0.1 ? CallOutcome.CANCELLED : CallOutcome.OK;
            Integer in = random.nextDouble() < 0.1 ? null : 50 + random.nextInt(2000);
            Integer out = random.nextDouble() < 0.1 ? null : random.nextInt(600);
            double total = 800 * Math.exp(0.8 * random.nextGaussian()) + (model.equals("qwen3") ? 400 : 0);
            Double ttft = random.nextDouble() < 0.1 ? null
                    : random.nextDouble() < 0.01 ? 0.0 : Math.min(total, 120 * Math.exp(0.6 * random.nextGaussian()));
            Double rate = random.nextDouble() < 0.2 ? null : 10 + 60 * random.nextDouble();
            calls.add(new ModelCall(at, CallTag.of(features[random.nextInt(features.length)]),
                    random.nextDouble() < 0.1 ? Operation.EMBEDDINGS : Operation.CHAT, provider, model, in, out, ttft,
                    total, rate, outcome, outcome == CallOutcome.ERROR ? "timeout" : null));
        }
        return calls;
    }

    /** Keeps the calls in batches of random size, as the recorder's writer would. */
    static void keep(CallStore store, Random random, List<ModelCall> calls) {
        for (int i = 0; i < calls.size(); ) {
            int size = Math.min(calls.size() - i, 1 + random.nextInt(300));
            store.insert(calls.subList(i, i + size), PRICING);
            i += size;
        }
    }
}
