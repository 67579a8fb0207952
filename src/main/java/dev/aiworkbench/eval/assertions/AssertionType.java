package dev.aiworkbench.eval.assertions;

import com.fasterxml.jackson.databind.JsonNode;

import java.util.Optional;

/** One assertion type (its base name, without {@code not-}): how it grades an output. */
public interface AssertionType {

    /** The base name, e.g. {@code contains}. */
    String name();

    /**
     * Grades one output. The value has its {@code {{var}}} slots already filled; the spec says whether
     * the type was negated. A value of the wrong shape throws {@link InvalidAssertionException}, which
     * the grader turns into an error result; a model that fails is an error result too.
     */
    AssertionResult grade(AssertionSpec spec, JsonNode value, CaseOutput output, GradingContext context);

    /**
     * What is wrong with the assertion as written, found without any output (a missing value or
     * threshold, a value of the wrong shape); empty when it can run.
     */
    default Optional<String> problem(AssertionSpec spec) {
        return Optional.empty();
    }
}
