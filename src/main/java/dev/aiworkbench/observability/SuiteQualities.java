package dev.aiworkbench.observability;

import java.util.List;
import java.util.Optional;

/** The eval suites as budgets see them: the observability feature does not depend on the eval feature. */
public interface SuiteQualities {
    /** The suite keys that have runs, the one run most recently first. */
    List<String> suites();

    /** The suite's latest figures; empty when it has no finished run with a pass rate. */
    Optional<SuiteQuality> quality(String suite);
}
