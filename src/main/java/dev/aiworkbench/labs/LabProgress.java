package dev.aiworkbench.labs;

/**
 * How far a lab is, from its latest check results.
 *
 * @param passed checks whose latest result passed
 * @param total  checks in the lab
 */
public record LabProgress(int passed, int failed, int errors, int total) {

    public boolean complete() {
        return total > 0 && passed == total;
    }

    public boolean started() {
        return passed + failed + errors > 0;
    }

    /** A word for lists: "not started", "passed", or "3 of 7 checks pass". */
    public String label() {
        if (!started()) {
            return "not started";
        }
        return complete() ? "passed" : passed + " of " + total + " checks pass";
    }
}
