package dev.aiworkbench.eval.suite;

import dev.aiworkbench.diagnostics.Problem;

import java.util.List;
import java.util.Optional;

/**
 * What loading a suite produced: the suite when nothing was wrong enough to stop a run, and every
 * problem found, errors and warnings together, in file and line order. A suite with any error is
 * never returned: running half a suite would give numbers that look comparable and are not.
 */
public record SuiteLoadResult(Optional<EvalSuite> suite, List<Problem> problems) {
    public SuiteLoadResult {
        problems = List.copyOf(problems);
    }

    public boolean valid() {
        return suite.isPresent() && errorCount() == 0;
    }

    public long errorCount() {
        return problems.stream().filter(Problem::isError).count();
    }

    public long warningCount() {
        return problems.size() - errorCount();
    }

    public List<Problem> errors() {
        return problems.stream().filter(Problem::isError).toList();
    }

    public List<Problem> warnings() {
        return problems.stream().filter(p -> !p.isError()).toList();
    }
}
