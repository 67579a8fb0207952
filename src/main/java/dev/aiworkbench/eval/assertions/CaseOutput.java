package dev.aiworkbench.eval.assertions;

import java.util.Map;
import java.util.OptionalDouble;
import java.util.OptionalLong;

/**
 * What the model produced for one case, and what assertions may need beside the text.
 *
 * @param prompt    the rendered prompt that was sent
 * @param vars      the case's variables (values may be referenced as {@code {{var}}} in assertion values)
 * @param latencyMs measured client-side; empty when not measured
 * @param costUsd   empty when unknown (a cost assertion then errors rather than passing)
 */
public record CaseOutput(String text, String prompt, Map<String, String> vars, OptionalLong latencyMs,
                         OptionalDouble costUsd) {
}
