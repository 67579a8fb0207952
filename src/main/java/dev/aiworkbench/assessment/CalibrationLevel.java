package dev.aiworkbench.assessment;

/**
 * One point of the reliability chart: the answers given at a confidence level, how many were right with a 95%
 * Wilson interval, and the band of accuracies for which that level is the best bet under certainty-based marking.
 *
 * @param accuracy NaN with no answers; low and high are then 0 and 1
 */
public record CalibrationLevel(int confidence, int n, int correct, double accuracy, double low, double high,
                               double bandLow, double bandHigh) {

    /** Right clearly less often than this level promises: the interval lies below the band. */
    public boolean overConfident() {
        return n > 0 && high < bandLow;
    }

    /** Right clearly more often than this level promises: the interval lies above the band. */
    public boolean underConfident() {
        return n > 0 && low > bandHigh;
    }
}
