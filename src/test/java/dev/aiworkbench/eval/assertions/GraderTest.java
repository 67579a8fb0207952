package dev.aiworkbench.eval.assertions;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The registry of types, the per-assertion pipeline and the case pipeline. */
class GraderTest {
    private static final Grader GRADER = Grader.standard();
    private static final GradingContext NONE = GradingContext.deterministic();

    @Test
    void knowsTheTypesOfIssue4InAStableOrder() {
        assertThat(GRADER.knownTypes()).containsExactly("equals", "contains", "icontains", "contains-any",
                "contains-all", "icontains-any", "icontains-all", "starts-with", "regex", "is-json", "contains-json",
                "levenshtein", "word-count", "latency", "cost", "similar", "llm-rubric", "context-faithfulness",
                "context-recall", "context-relevance", "answer-relevance", "javascript", "python");
        assertThat(GRADER.isKnown("not-contains")).isTrue();
        assertThat(GRADER.isKnown("rouge-n")).isFalse();
    }

    @Test
    void anUnknownTypeIsAnErrorListingTheKnownOnes() {
        AssertionResult result = GRADER.grade(AssertionSpec.of("not-containz", Cases.yaml("x")), Cases.output("x"), NONE);

        assertThat(result.error()).isTrue();
        assertThat(result.reason()).startsWith("Unknown assertion type 'not-containz'. Did you mean not-contains? "
                + "The known types are equals, contains, icontains,").endsWith("; each may take a not- prefix.");
        assertThat(GRADER.problem(AssertionSpec.of("bleu", null))).hasValueSatisfying(
                message -> assertThat(message).startsWith("Unknown assertion type 'bleu'. The known types are "));
    }

    @Test
    void problemsAreFoundWithoutAnOutput() {
        assertThat(GRADER.problem(AssertionSpec.of("latency", null))).contains(
                "The latency assertion needs a threshold, in milliseconds");
        assertThat(GRADER.problem(AssertionSpec.of("cost", null))).contains(
                "The cost assertion needs a threshold, in US dollars");
        assertThat(GRADER.problem(AssertionSpec.of("contains", null))).isPresent();
        assertThat(GRADER.problem(AssertionSpec.of("word-count", Cases.yaml("{min: 3, max: 1}")))).isPresent();
        assertThat(GRADER.problem(AssertionSpec.of("llm-rubric", Cases.yaml("''")))).isPresent();
        assertThat(GRADER.problem(AssertionSpec.of("similar", Cases.yaml("[]")))).isPresent();

        assertThat(GRADER.problem(AssertionSpec.of("latency", null, 500.0, null, null, null))).isEmpty();
        assertThat(GRADER.problem(AssertionSpec.of("not-contains", Cases.yaml("x")))).isEmpty();
        assertThat(GRADER.problem(AssertionSpec.of("word-count", Cases.yaml("'{{n}}'")))).isEmpty();
        assertThat(GRADER.problem(AssertionSpec.of("is-json", null))).isEmpty();
        assertThat(GRADER.problem(AssertionSpec.of("llm-rubric", Cases.yaml("Is polite")))).isEmpty();
    }

    @Test
    void weightZeroPassesButKeepsItsScoreAndMetric() {
        AssertionSpec spec = AssertionSpec.of("contains", Cases.yaml("missing"), null, 0.0, "recall", null);

        AssertionResult result = GRADER.grade(spec, Cases.output("nothing here"), NONE);

        assertThat(result.pass()).isTrue();
        assertThat(result.score()).isZero();
        assertThat(result.metric()).isEqualTo("recall");
        assertThat(result.reason()).endsWith("but it does not. It has weight 0, so it records its score without "
                + "failing the case.");
    }

    @Test
    void weightZeroDoesNotHideAnError() {
        AssertionSpec spec = AssertionSpec.of("cost", null, 0.01, 0.0, "spend", null);

        assertThat(GRADER.grade(spec, Cases.output("x"), NONE).error()).isTrue();
    }

    @Test
    void metricNamesTakeTheCasesVariables() {
        AssertionSpec spec = AssertionSpec.of("contains", Cases.yaml("x"), null, null, "topic-{{topic}}", null);

        AssertionResult result = GRADER.grade(spec, Cases.output("x", Map.of("topic", "dns")), NONE);

        assertThat(result.metric()).isEqualTo("topic-dns");
    }

    @Test
    void aCaseCombinesItsAssertionsInOrder() {
        List<AssertionSpec> specs = List.of(
                AssertionSpec.of("equals", Cases.yaml("Paris"), null, 2.0, null, null),
                AssertionSpec.of("icontains", Cases.yaml("'{{city}}'"), null, null, "city", null),
                AssertionSpec.of("not-contains", Cases.yaml("London")));

        CaseVerdict verdict = GRADER.gradeCase(specs, null, Cases.output("It is paris.", Map.of("city", "PARIS")), NONE);

        assertThat(verdict.assertions()).extracting(AssertionResult::type)
                .containsExactly("equals", "icontains", "not-contains");
        assertThat(verdict.assertions()).extracting(AssertionResult::pass).containsExactly(false, true, true);
        assertThat(verdict.score()).isEqualTo(0.5);
        assertThat(verdict.pass()).isFalse();
        assertThat(verdict.namedScores()).containsEntry("city", 1.0);
        assertThat(GRADER.gradeCase(specs, 0.5, Cases.output("It is paris.", Map.of("city", "PARIS")), NONE).pass())
                .isTrue();
    }

    @Test
    void anAssertionThatThrowsUnexpectedlyIsAnErrorNotACrash() {
        AssertionType broken = new AssertionType() {
            @Override
            public String name() {
                return "broken";
            }

            @Override
            public AssertionResult grade(AssertionSpec spec, JsonNode value, CaseOutput output, GradingContext context) {
                throw new IllegalStateException("boom");
            }
        };

        AssertionResult result = new Grader(List.of(broken)).grade(AssertionSpec.of("broken", null), Cases.output("x"),
                NONE);

        assertThat(result.error()).isTrue();
        assertThat(result.reason()).contains("boom");
    }

    @Test
    void typeNamesAreUniqueAndNeverNegated() {
        AssertionType contains = named("contains");
        AssertionType notContains = named("not-contains");

        assertThatThrownBy(() -> new Grader(List.of(contains, contains))).hasMessageContaining("two assertion types");
        assertThatThrownBy(() -> new Grader(List.of(notContains))).hasMessageContaining("cannot start with not-");
    }

    private static AssertionType named(String name) {
        return new AssertionType() {
            @Override
            public String name() {
                return name;
            }

            @Override
            public AssertionResult grade(AssertionSpec spec, JsonNode value, CaseOutput output, GradingContext context) {
                return AssertionResult.pass(spec, 1, "It passed.");
            }
        };
    }

    @Test
    void modelGradedTypesWithoutAModelAreErrorsThatSayWhatToConfigure() {
        AssertionResult rubric = GRADER.grade(AssertionSpec.of("llm-rubric", Cases.yaml("Is polite")),
                Cases.output("Hi"), NONE);
        AssertionResult similar = GRADER.grade(AssertionSpec.of("similar", Cases.yaml("Hello")), Cases.output("Hi"),
                NONE);

        assertThat(rubric.error()).isTrue();
        assertThat(rubric.reason()).contains("defaultTest.options.provider");
        assertThat(similar.error()).isTrue();
        assertThat(similar.reason()).contains("defaultTest.options.provider.embedding");
    }
}
