package dev.aiworkbench.eval.assertions;

import com.fasterxml.jackson.databind.JsonNode;

import java.util.List;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.function.Function;

/**
 * {@code latency} (milliseconds) and {@code cost} (US dollars): the measured figure is at most the
 * threshold, which is required. A figure that was not measured (a cached answer, a model with no price)
 * makes the assertion an error, not a pass.
 */
final class LimitAssertions {
    private LimitAssertions() {
    }

    static List<AssertionType> all() {
        return List.of(
                new Limit("latency", "the latency", "milliseconds", out -> out.latencyMs().isPresent()
                        ? OptionalDouble.of(out.latencyMs().getAsLong()) : OptionalDouble.empty(),
                        v -> Verdicts.number(v) + " ms",
                        "The latency was not measured (a cached answer has none), so it cannot be checked."),
                new Limit("cost", "the cost", "US dollars", CaseOutput::costUsd, v -> "$" + Verdicts.number(v),
                        "The cost of this answer is unknown (the model has no price), so it cannot be checked."));
    }

    private record Limit(String name, String subject, String unit, Function<CaseOutput, OptionalDouble> figure,
                         Function<Double, String> format, String unknown) implements AssertionType {
        @Override
        public Optional<String> problem(AssertionSpec spec) {
            return Verdicts.problemOf(spec, this::check);
        }

        private void check(AssertionSpec spec) {
            if (spec.threshold() == null) {
                throw new InvalidAssertionException("The " + name + " assertion needs a threshold, in " + unit);
            }
        }

        @Override
        public AssertionResult grade(AssertionSpec spec, JsonNode value, CaseOutput output, GradingContext context) {
            check(spec);
            OptionalDouble measured = figure.apply(output);
            if (measured.isEmpty()) {
                return AssertionResult.error(spec, unknown);
            }
            double actual = measured.getAsDouble();
            boolean holds = actual <= spec.threshold();
            return Verdicts.decide(spec, holds, subject + " " + Verdicts.to(spec) + "be at most "
                    + format.apply(spec.threshold()), "it was " + format.apply(actual));
        }
    }
}
