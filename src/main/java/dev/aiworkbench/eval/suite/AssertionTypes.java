package dev.aiworkbench.eval.suite;

import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.function.Supplier;

/**
 * Assertion type names. The loader takes the set the runner can evaluate as a supplier, so the
 * assertions package can hand over its own list; {@link #RUNNER} is the default: the list of issue 4
 * whose semantics the reference table describes, and promptfoo's RAG assertions. {@link #PROMPTFOO}
 * holds every base type promptfoo knows, so that a promptfoo type this runner lacks is named as such
 * rather than called a typo, and so that CSV cells recognise its prefixes as promptfoo does.
 */
public final class AssertionTypes {
    /** Types without the {@code not-} prefix; each may also be written {@code not-<type>}. */
    public static final Set<String> RUNNER = ordered(List.of("equals", "contains", "icontains", "contains-any",
            "contains-all", "icontains-any", "icontains-all", "starts-with", "regex", "is-json", "contains-json",
            "levenshtein", "word-count", "latency", "cost", "similar", "llm-rubric", "context-faithfulness",
            "context-recall", "context-relevance", "answer-relevance", "javascript", "python"));

    /** promptfoo's base assertion types (its {@code BaseAssertionTypesSchema}), plus {@code assert-set}. */
    public static final Set<String> PROMPTFOO = ordered(List.of("answer-relevance", "assert-set", "bleu",
            "classifier", "contains", "contains-all", "contains-any", "contains-html", "contains-json",
            "contains-sql", "contains-xml", "context-faithfulness", "context-recall", "context-relevance",
            "conversation-relevance", "cost", "equals", "factuality", "finish-reason", "g-eval", "gleu",
            "guardrails", "human", "icontains", "icontains-all", "icontains-any", "is-html", "is-json",
            "is-refusal", "is-sql", "is-valid-function-call", "is-valid-openai-function-call",
            "is-valid-openai-tools-call", "is-xml", "javascript", "latency", "levenshtein", "llm-rubric",
            "meteor", "model-graded-closedqa", "model-graded-factuality", "moderation", "perplexity",
            "perplexity-score", "pi", "python", "regex", "rouge-l", "rouge-n", "rouge-s", "ruby", "select-best",
            "similar", "similar:cosine", "similar:dot", "similar:euclidean", "skill-used", "starts-with",
            "tool-call-f1", "trace-error-spans", "trace-span-count", "trace-span-duration",
            "trajectory:goal-success", "trajectory:tool-args-match", "webhook", "word-count"));

    private AssertionTypes() {
    }

    /** The default supplier: {@link #RUNNER}. */
    public static Supplier<Set<String>> runner() {
        return () -> RUNNER;
    }

    private static Set<String> ordered(List<String> names) {
        return java.util.Collections.unmodifiableSet(new LinkedHashSet<>(names));
    }
}
