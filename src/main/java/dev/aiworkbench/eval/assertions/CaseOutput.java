package dev.aiworkbench.eval.assertions;

import com.fasterxml.jackson.databind.JsonNode;

import java.util.Map;
import java.util.OptionalDouble;
import java.util.OptionalLong;

/**
 * What the model produced for one case, and what assertions may need beside the text.
 *
 * @param text      the output as text: the model's, or what the test's transform made of it (a value that is not
 *                  text as JSON, as promptfoo's assertions see it)
 * @param prompt    the rendered prompt that was sent
 * @param vars      the case's variables (values may be referenced as {@code {{var}}} in assertion values)
 * @param latencyMs measured client-side; empty when not measured
 * @param costUsd   empty when unknown (a cost assertion then errors rather than passing)
 * @param details   what javascript and python assertions see beyond these
 */
public record CaseOutput(String text, String prompt, Map<String, String> vars, OptionalLong latencyMs,
                         OptionalDouble costUsd, Details details) {

    public CaseOutput {
        details = details == null ? Details.NONE : details;
    }

    public CaseOutput(String text, String prompt, Map<String, String> vars, OptionalLong latencyMs,
                      OptionalDouble costUsd) {
        this(text, prompt, vars, latencyMs, costUsd, Details.NONE);
    }

    /**
     * @param value    the output when a transform made it something other than text (an object, a list, a number);
     *                 null when the output is the text
     * @param provider the provider's id as the suite names it; null when unknown
     * @param test     the test as promptfoo hands it to scripts ({@code vars}, {@code description},
     *                 {@code metadata}, {@code threshold}); null when unknown
     * @param modelText the model's answer before the test's transform, which a {@code contextTransform} reads as
     *                  in promptfoo; null when no transform ran (the text is the answer)
     */
    public record Details(JsonNode value, String provider, JsonNode test, String modelText) {
        public static final Details NONE = new Details(null, null, null, null);

        public Details(JsonNode value, String provider, JsonNode test) {
            this(value, provider, test, null);
        }

        /** The same details for an output a transform made into {@code other}. */
        Details withValue(JsonNode other, String answer) {
            return new Details(other, provider, test, modelText != null ? modelText : answer);
        }
    }

    /** The model's answer before any transform: what a {@code contextTransform} reads. */
    public String modelText() {
        return details.modelText() != null ? details.modelText() : text;
    }
}
