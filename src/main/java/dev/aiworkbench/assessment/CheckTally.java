package dev.aiworkbench.assessment;

/** How many of some checks are met. */
public record CheckTally(int met, int total) {
    /** The share met; with nothing to check, 1 (there is nothing missing). */
    public double share() {
        return total == 0 ? 1 : (double) met / total;
    }

    public CheckTally plus(CheckTally other) {
        return new CheckTally(met + other.met, total + other.total);
    }
}
