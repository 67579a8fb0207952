package dev.aiworkbench.eval.suite;

import com.fasterxml.jackson.databind.JsonNode;

import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * A suite's {@code evaluateOptions} and its top-level {@code repeat}, which promptfoo accepts in either place.
 *
 * @param scriptTimeout {@code evaluateOptions.scriptTimeoutMs}, the workbench's own key (promptfoo ignores it)
 */
record EvaluateOptions(int maxConcurrency, int repeat, Optional<Duration> scriptTimeout) {
    /** scriptTimeoutMs is at most 10 minutes. */
    private static final Set<String> EVALUATE_KEYS = Set.of("maxConcurrency", "repeat", "scriptTimeoutMs");
    private static final Map<String, String> EVALUATE_PROMPTFOO_ONLY = Map.of(
            "cache", "", "delay", "", "timeoutMs", "", "maxEvalTimeMs", "", "showProgressBar", "",
            "generateSuggestions", "", "interactiveProviders", "", "silent", "");
    private static final int MAX_CONCURRENCY = 64;
    private static final int MAX_REPEAT = 100;

    /** Reads both places, reporting every problem through the checks; what is wrong keeps its default. */
    static EvaluateOptions read(Checks checks, Source source, JsonNode root) {
        int maxConcurrency = EvalSuite.DEFAULT_MAX_CONCURRENCY;
        Integer evaluateRepeat = null;
        Integer scriptTimeoutMs = null;
        if (root.has("evaluateOptions")) {
            JsonNode options = root.get("evaluateOptions");
            if (!options.isObject()) {
                checks.wrongType(source, options, "evaluateOptions", "a mapping");
            } else {
                checks.keys(source, options, "evaluateOptions", EVALUATE_KEYS, EVALUATE_PROMPTFOO_ONLY, Map.of());
                if (options.has("maxConcurrency")) {
                    Integer value = checks.wholeBetween(source, options.get("maxConcurrency"),
                            "evaluateOptions.maxConcurrency", 1, MAX_CONCURRENCY, "the number of requests at once");
                    maxConcurrency = value == null ? maxConcurrency : value;
                }
                if (options.has("repeat")) {
                    evaluateRepeat = checks.wholeBetween(source, options.get("repeat"), "evaluateOptions.repeat", 1,
                            MAX_REPEAT, "the number of runs of each test");
                }
                if (options.has("scriptTimeoutMs")) {
                    scriptTimeoutMs = checks.wholeBetween(source, options.get("scriptTimeoutMs"),
                            "evaluateOptions.scriptTimeoutMs", 1, 600_000,
                            "the milliseconds each javascript or python call may take");
                }
            }
        }
        Integer repeat = evaluateRepeat;
        if (root.has("repeat")) {
            Integer top = checks.wholeBetween(source, root.get("repeat"), "repeat", 1, MAX_REPEAT,
                    "the number of runs of each test");
            if (top != null && evaluateRepeat != null && !top.equals(evaluateRepeat)) {
                checks.error(source, root.get("repeat"), "repeat", top + " here, but evaluateOptions.repeat says "
                        + evaluateRepeat + "; set it once");
            }
            repeat = top != null ? top : repeat;
        }
        return new EvaluateOptions(maxConcurrency, repeat == null ? EvalSuite.DEFAULT_REPEAT : repeat,
                Optional.ofNullable(scriptTimeoutMs).map(Duration::ofMillis));
    }
}
