package dev.aiworkbench.observability;

import dev.aiworkbench.llm.Usage;

import java.util.OptionalDouble;

/** What a call cost at the price table in force; empty when a count is unknown or nothing prices it. */
@FunctionalInterface
public interface CallPricing {
    CallPricing NONE = (provider, model, usage) -> OptionalDouble.empty();

    OptionalDouble costUsd(String provider, String model, Usage usage);
}
