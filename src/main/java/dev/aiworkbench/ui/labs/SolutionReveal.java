package dev.aiworkbench.ui.labs;

import dev.aiworkbench.labs.SolveReport;

/**
 * What revealing the reference solution did, in the learner's words.
 *
 * @param fastApiReloads whether a running FastAPI service picks the new files up by itself
 */
public record SolutionReveal(SolveReport report, boolean fastApiReloads) {

    public String writtenSentence() {
        return report.written().isEmpty()
                ? "Your workspace already had every file of the solution; nothing was written."
                : "Wrote " + files(report.written().size()) + " into " + report.workspace() + ":";
    }

    public String backedUpSentence() {
        return report.backedUp().isEmpty() ? "No file of yours was replaced."
                : "Your previous " + (report.backedUp().size() == 1 ? "version is" : "versions are") + " kept in "
                + report.backup() + ":";
    }

    public String nextStep() {
        return fastApiReloads ? "FastAPI reloads with the new files; press Check to see the result."
                : "Press Check to see the result.";
    }

    private static String files(int n) {
        return n == 1 ? "1 file" : n + " files";
    }
}
