package dev.aiworkbench.eval.assertions;

import org.junit.jupiter.api.Test;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

/** How assertion results add up to a case verdict, as promptfoo scores a test. */
class CaseScoringTest {

    private static AssertionResult result(String type, boolean pass, double score, double weight, String metric) {
        return new AssertionResult(type, pass, score, pass ? "It passed." : "It failed.", false, metric, weight);
    }

    private static AssertionResult passed(String type, double weight) {
        return result(type, true, 1, weight, null);
    }

    private static AssertionResult failed(String type, double weight) {
        return result(type, false, 0, weight, null);
    }

    @Test
    void theScoreIsTheWeightedMeanAsInPromptfoosExample() {
        // equals (weight 2) fails and contains (weight 1) passes: the score is 1/3
        CaseVerdict verdict = CaseScoring.score(List.of(failed("equals", 2), passed("contains", 1)), null);

        assertThat(verdict.score()).isCloseTo(1.0 / 3, within(1e-12));
        assertThat(verdict.pass()).isFalse();
        assertThat(verdict.error()).isFalse();
        assertThat(verdict.errorMessage()).isNull();
        assertThat(verdict.reason()).isEqualTo("1 of 2 assertions failed: equals: It failed.");
    }

    @Test
    void withoutAThresholdEveryAssertionMustPass() {
        CaseVerdict all = CaseScoring.score(List.of(passed("contains", 1), passed("regex", 3)), null);
        CaseVerdict one = CaseScoring.score(List.of(passed("contains", 1), result("similar", false, 0.74, 9, null)),
                null);

        assertThat(all.pass()).isTrue();
        assertThat(all.score()).isEqualTo(1.0);
        assertThat(all.reason()).isEqualTo("All 2 assertions passed.");
        assertThat(one.pass()).isFalse();
        assertThat(one.score()).isCloseTo((1 + 0.74 * 9) / 10, within(1e-12));
    }

    @Test
    void withAThresholdTheWeightedScoreDecides() {
        List<AssertionResult> results = List.of(failed("equals", 1), passed("contains", 1), passed("regex", 2));

        CaseVerdict reaches = CaseScoring.score(results, 0.75);
        CaseVerdict below = CaseScoring.score(results, 0.8);

        assertThat(reaches.pass()).isTrue(); // 3/4 >= 0.75 although equals failed
        assertThat(reaches.reason()).isEqualTo("The weighted score 0.750 reaches the test's threshold 0.75.");
        assertThat(below.pass()).isFalse();
        assertThat(below.reason()).isEqualTo("The weighted score 0.750 is below the test's threshold 0.8.");
    }

    @Test
    void aThresholdOfZeroAlwaysPasses() {
        CaseVerdict verdict = CaseScoring.score(List.of(failed("equals", 1), failed("contains", 1)), 0.0);

        assertThat(verdict.pass()).isTrue();
        assertThat(verdict.score()).isZero();
    }

    @Test
    void aNanThresholdCountsAsNone() {
        assertThat(CaseScoring.score(List.of(failed("equals", 1)), Double.NaN).pass()).isFalse();
    }

    @Test
    void anyErrorMakesTheCaseAnErrorNeitherPassNorFail() {
        AssertionResult error = new AssertionResult("cost", false, 0, "The cost is unknown.", true, null, 0);
        CaseVerdict verdict = CaseScoring.score(List.of(passed("contains", 1), error), 0.0);

        assertThat(verdict.error()).isTrue();
        assertThat(verdict.pass()).isFalse();
        assertThat(verdict.score()).isZero();
        assertThat(verdict.reason()).isEqualTo("The case could not be graded: cost: The cost is unknown.");
        assertThat(verdict.errorMessage()).isEqualTo(verdict.reason());
    }

    @Test
    void namedScoresAreWeightedMeansPerMetricAndWeightZeroStillRecords() {
        List<AssertionResult> results = List.of(
                result("contains", true, 1, 3, "accuracy"),
                result("similar", false, 0.5, 1, "accuracy"),
                result("latency", true, 0, 0, "speed"),
                result("regex", true, 1, 1, null));

        CaseVerdict verdict = CaseScoring.score(results, null);

        assertThat(verdict.namedScores()).containsOnlyKeys("accuracy", "speed");
        assertThat(verdict.namedScores().get("accuracy")).isCloseTo((3 + 0.5) / 4, within(1e-12));
        assertThat(verdict.namedScores().get("speed")).isZero();
        assertThat(verdict.namedScores().keySet()).containsExactly("accuracy", "speed");
    }

    @Test
    void aCaseWithoutAssertionsPasses() {
        CaseVerdict verdict = CaseScoring.score(List.of(), null);

        assertThat(verdict.pass()).isTrue();
        assertThat(verdict.score()).isEqualTo(1.0);
        assertThat(verdict.namedScores()).isEmpty();
    }

    @Test
    void onlyWeightZeroAssertionsScoreZeroAndPass() {
        CaseVerdict verdict = CaseScoring.score(List.of(passed("latency", 0)), null);

        assertThat(verdict.pass()).isTrue();
        assertThat(verdict.score()).isZero();
    }
}
