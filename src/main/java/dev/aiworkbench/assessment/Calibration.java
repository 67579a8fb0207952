package dev.aiworkbench.assessment;

import dev.aiworkbench.eval.stats.Interval;
import dev.aiworkbench.eval.stats.Wilson;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;

/**
 * How well confidence matched results. Under certainty-based marking, confidence 1 is the best bet when the chance
 * of being right is below 2/3, confidence 2 between 2/3 and 0.8, and confidence 3 above 0.8 (where the expected
 * marks of neighbouring levels are equal). A level whose 95% interval of accuracy lies wholly outside its band is
 * clearly miscalibrated; with fewer than {@link #FEWEST} graded answers nothing is concluded.
 */
public record Calibration(List<CalibrationLevel> levels, int graded, int correct, int cbmTotal, double cbmMean,
                          Verdict verdict) {
    public static final int FEWEST = 10;
    private static final double[][] BANDS = {{0, 2.0 / 3}, {2.0 / 3, 0.8}, {0.8, 1}};

    public enum Verdict {
        TOO_FEW_ANSWERS, WELL_CALIBRATED, OVER_CONFIDENT, UNDER_CONFIDENT, MIXED;

        public String id() {
            return name().toLowerCase(Locale.ROOT).replace('_', '-');
        }

        public static Verdict fromId(String id) {
            return Arrays.stream(values()).filter(v -> v.id().equals(id)).findFirst().orElseThrow();
        }
    }

    /** The calibration of answers tallied by confidence level (one attempt's, or all attempts' added up). */
    public static Calibration of(List<ConfidenceTally> tallies) {
        int[] n = new int[Confidence.HIGHEST + 1];
        int[] right = new int[Confidence.HIGHEST + 1];
        for (ConfidenceTally tally : tallies) {
            n[tally.confidence()] += tally.n();
            right[tally.confidence()] += tally.correct();
        }
        List<CalibrationLevel> levels = new ArrayList<>();
        int graded = 0;
        int correct = 0;
        int marks = 0;
        for (int c = Confidence.LOWEST; c <= Confidence.HIGHEST; c++) {
            double[] band = BANDS[c - 1];
            Interval interval = n[c] == 0 ? new Interval(0, 1) : Wilson.interval95(right[c], n[c]);
            levels.add(new CalibrationLevel(c, n[c], right[c], n[c] == 0 ? Double.NaN : (double) right[c] / n[c],
                    interval.low(), interval.high(), band[0], band[1]));
            graded += n[c];
            correct += right[c];
            marks += right[c] * CertaintyMarks.score(true, c) + (n[c] - right[c]) * CertaintyMarks.score(false, c);
        }
        return new Calibration(List.copyOf(levels), graded, correct, marks, graded == 0 ? 0 : (double) marks / graded,
                verdict(levels, graded));
    }

    private static Verdict verdict(List<CalibrationLevel> levels, int graded) {
        if (graded < FEWEST) {
            return Verdict.TOO_FEW_ANSWERS;
        }
        boolean over = levels.stream().anyMatch(CalibrationLevel::overConfident);
        boolean under = levels.stream().anyMatch(CalibrationLevel::underConfident);
        if (over && under) {
            return Verdict.MIXED;
        }
        return over ? Verdict.OVER_CONFIDENT : under ? Verdict.UNDER_CONFIDENT : Verdict.WELL_CALIBRATED;
    }

    /** A sentence for the learner with what to do next. */
    public String advice() {
        return switch (verdict) {
            case TOO_FEW_ANSWERS -> "Answer at least " + FEWEST + " graded items before reading much into calibration.";
            case WELL_CALIBRATED -> "Your confidence matches your results: keep saying how sure you really are.";
            case OVER_CONFIDENT -> "You were sure more often than you were right: before choosing 3, ask what would "
                    + "make the answer wrong.";
            case UNDER_CONFIDENT -> "You were right more often than you claimed: when you can explain why, choose a "
                    + "higher confidence.";
            case MIXED -> "Some levels claim too much and others too little: compare each level's accuracy with its "
                    + "band below.";
        };
    }
}
