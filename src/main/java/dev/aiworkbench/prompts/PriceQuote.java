package dev.aiworkbench.prompts;

import java.util.OptionalDouble;

/** What one run would cost at one price row; empty when a token count is unknown. */
public record PriceQuote(PriceRow row, OptionalDouble costUsd) {
}
