package dev.aiworkbench.eval.assertions;

import com.fasterxml.jackson.databind.JsonNode;
import dev.aiworkbench.diagnostics.Suggestions;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The assertion types by name, and the grading of one assertion or one case. For each assertion it
 * fills {@code {{var}}} slots of the value and metric with the case's variables, runs the type, turns a
 * badly written assertion or an unexpected failure into an error result, and makes an assertion of
 * weight 0 pass (it only records its score). Immutable and safe to share between threads.
 */
public final class Grader {
    private final Map<String, AssertionType> types;

    public Grader(List<AssertionType> types) {
        Map<String, AssertionType> byName = new LinkedHashMap<>();
        for (AssertionType type : types) {
            if (type.name().startsWith("not-")) {
                throw new IllegalArgumentException("an assertion type's name cannot start with not-: " + type.name());
            }
            if (byName.putIfAbsent(type.name(), type) != null) {
                throw new IllegalArgumentException("two assertion types are named " + type.name());
            }
        }
        this.types = byName;
    }

    /**
     * Every built-in type: the deterministic ones, the model-graded similar and llm-rubric, and promptfoo's RAG
     * assertions context-faithfulness, context-recall, context-relevance and answer-relevance, and the script
     * assertions javascript and python.
     */
    public static Grader standard() {
        List<AssertionType> all = new ArrayList<>();
        all.add(new EqualsAssertion());
        all.addAll(ContainsAssertions.all());
        all.add(new RegexAssertion());
        all.addAll(JsonAssertions.all());
        all.add(new LevenshteinAssertion());
        all.add(new WordCountAssertion());
        all.addAll(LimitAssertions.all());
        all.add(new SimilarAssertion());
        all.add(new LlmRubricAssertion());
        all.add(new ContextFaithfulnessAssertion());
        all.add(new ContextRecallAssertion());
        all.add(new ContextRelevanceAssertion());
        all.add(new AnswerRelevanceAssertion());
        all.addAll(ScriptAssertion.all());
        return new Grader(all);
    }

    /** The base type names, in a stable order; each may also be written with a {@code not-} prefix. */
    public List<String> knownTypes() {
        return List.copyOf(types.keySet());
    }

    /** Whether a type as written (with or without {@code not-}) is known. */
    public boolean isKnown(String writtenType) {
        String base = writtenType.startsWith("not-") ? writtenType.substring(4) : writtenType;
        return types.containsKey(base);
    }

    /** The message for an unknown type: the closest known name when one is near, and the whole list. */
    public String unknownTypeMessage(String writtenType) {
        String base = writtenType.startsWith("not-") ? writtenType.substring(4) : writtenType;
        String guess = Suggestions.BY_EDITS.closest(types.keySet(), base)
                .map(known -> " Did you mean " + (writtenType.startsWith("not-") ? "not-" : "") + known + "?")
                .orElse("");
        return "Unknown assertion type '" + writtenType + "'." + guess + " The known types are "
                + String.join(", ", types.keySet()) + "; each may take a not- prefix.";
    }

    /**
     * What is wrong with an assertion as written, without any output: an unknown type, a missing
     * threshold or value, a value of the wrong shape. Empty when it can run. For the suite loader.
     */
    public Optional<String> problem(AssertionSpec spec) {
        AssertionType type = types.get(spec.type());
        if (type == null) {
            return Optional.of(unknownTypeMessage(spec.writtenType()));
        }
        return type.problem(spec);
    }

    /** Grades one assertion against one output. Never throws for a bad assertion: that is an error result. */
    public AssertionResult grade(AssertionSpec spec, CaseOutput output, GradingContext context) {
        AssertionSpec rendered = spec.metric() == null ? spec
                : spec.withMetric(Templates.render(spec.metric(), output.vars()));
        AssertionType type = types.get(spec.type());
        if (type == null) {
            return AssertionResult.error(rendered, unknownTypeMessage(spec.writtenType()));
        }
        JsonNode value = Templates.renderValue(spec.value(), output.vars());
        AssertionResult result;
        try {
            result = type.grade(rendered, value, AssertionTransforms.output(spec, output, context.scripts()), context);
        } catch (InvalidAssertionException e) {
            result = AssertionResult.error(rendered, sentence(e.getMessage()));
        } catch (RuntimeException e) {
            result = AssertionResult.error(rendered, "The assertion failed unexpectedly: " + e);
        }
        if (rendered.weight() == 0 && !result.error() && !result.pass()) {
            return new AssertionResult(result.type(), true, result.score(), result.reason()
                    + " It has weight 0, so it records its score without failing the case.", false, result.metric(),
                    result.weight());
        }
        return result;
    }

    /**
     * Grades every assertion of a case, in order, and combines them.
     *
     * @param threshold the test's {@code threshold}; null when it has none
     */
    public CaseVerdict gradeCase(List<AssertionSpec> specs, Double threshold, CaseOutput output,
                                 GradingContext context) {
        List<AssertionResult> results = new ArrayList<>(specs.size());
        for (AssertionSpec spec : specs) {
            results.add(grade(spec, output, context));
        }
        return CaseScoring.score(results, threshold);
    }

    private static String sentence(String text) {
        if (text == null || text.isEmpty()) {
            return "The assertion cannot be evaluated.";
        }
        String capital = Character.toUpperCase(text.charAt(0)) + text.substring(1);
        return capital.matches("(?s).*[.!?]$") ? capital : capital + ".";
    }
}
