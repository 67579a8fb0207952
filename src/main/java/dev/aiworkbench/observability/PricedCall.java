package dev.aiworkbench.observability;

/** A call with its cost at the price table in force when it was kept; null when the cost is unknown. */
public record PricedCall(ModelCall call, Double costUsd) {
}
