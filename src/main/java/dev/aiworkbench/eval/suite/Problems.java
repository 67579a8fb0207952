package dev.aiworkbench.eval.suite;

import dev.aiworkbench.diagnostics.Problem;
import dev.aiworkbench.diagnostics.SourcePosition;

import java.util.ArrayList;
import java.util.List;

/** The problems found while one suite is read, all of them, in the order found. */
final class Problems {
    private final List<Problem> found = new ArrayList<>();

    void error(SourcePosition at, String message) {
        found.add(Problem.error(at, message));
    }

    void warning(SourcePosition at, String message) {
        found.add(Problem.warning(at, message));
    }

    void add(Problem problem) {
        found.add(problem);
    }

    boolean hasErrors() {
        return found.stream().anyMatch(Problem::isError);
    }

    int errorCount() {
        return (int) found.stream().filter(Problem::isError).count();
    }

    /** Sorted by file, line and column, as editors and CI logs list them; a problem found twice is listed once. */
    List<Problem> sorted() {
        return found.stream().distinct().sorted(Problem.ORDER).toList();
    }
}
