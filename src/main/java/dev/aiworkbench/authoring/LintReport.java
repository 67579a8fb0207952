package dev.aiworkbench.authoring;

import dev.aiworkbench.diagnostics.Problem;

import java.util.Comparator;
import java.util.List;

/**
 * What linting a pack found: every problem, each named by its rule, errors before warnings and each group in file
 * order.
 *
 * @param pack the pack as people name it ("devops-to-ai 1.0.0"), or the path when it could not be read
 * @param labs what rehearsing each lab found, with --run-labs (their problems are among {@code problems}); empty
 *             without it
 */
public record LintReport(String pack, List<Problem> problems, List<RehearsedLab> labs) {
    static final Comparator<Problem> ERRORS_FIRST = Comparator.comparing((Problem p) -> !p.isError())
            .thenComparing(Problem.ORDER);

    public LintReport {
        problems = problems.stream().sorted(ERRORS_FIRST).toList();
        labs = List.copyOf(labs);
    }

    /** How many rehearsed labs ended with this verdict. */
    public long labCount(RehearsedLab.Verdict verdict) {
        return labs.stream().filter(l -> l.verdict() == verdict).count();
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
