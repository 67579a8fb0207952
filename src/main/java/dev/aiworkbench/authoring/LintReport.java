package dev.aiworkbench.authoring;

import dev.aiworkbench.diagnostics.Problem;

import java.util.Comparator;
import java.util.List;

/**
 * What linting a pack found: every problem, each named by its rule, errors before warnings and each group in file
 * order.
 *
 * @param pack the pack as people name it ("devops-to-ai 1.0.0"), or the path when it could not be read
 */
public record LintReport(String pack, List<Problem> problems) {
    static final Comparator<Problem> ERRORS_FIRST = Comparator.comparing((Problem p) -> !p.isError())
            .thenComparing(Problem.ORDER);

    public LintReport {
        problems = problems.stream().sorted(ERRORS_FIRST).toList();
    }

    public long errorCount() {
        return problems.stream().filter(Problem::isError).count();
    }

    public long warningCount() {
        return problems.size() - errorCount();
    }

    /** No errors (warnings allowed). */
    public boolean passes() {
        return errorCount() == 0;
    }
}
