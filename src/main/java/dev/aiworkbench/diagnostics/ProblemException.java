package dev.aiworkbench.diagnostics;

/** A problem that stops reading one file; the loader records it and goes on with the others. */
public final class ProblemException extends Exception {
    private final transient Problem problem;

    public ProblemException(Problem problem) {
        super(problem.toString());
        this.problem = problem;
    }

    public Problem problem() {
        return problem;
    }
}
