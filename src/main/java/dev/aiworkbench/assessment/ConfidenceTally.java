package dev.aiworkbench.assessment;

/** How the graded answers given at one confidence level went. */
public record ConfidenceTally(int confidence, int n, int correct) {
    /** Share right, or NaN with no answers. */
    public double accuracy() {
        return n == 0 ? Double.NaN : (double) correct / n;
    }
}
