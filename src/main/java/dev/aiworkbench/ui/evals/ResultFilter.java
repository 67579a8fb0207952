package dev.aiworkbench.ui.evals;

import dev.aiworkbench.eval.report.ItemResult;

import java.util.function.Predicate;

/** Which items the results table shows. */
enum ResultFilter {
    ALL("All items", item -> true),
    FAILURES("Failures", item -> !item.pass() && item.error() == null),
    ERRORS("Errors", item -> item.error() != null),
    FLAKY("Flaky", ItemResult::flaky),
    CHANGED("Changed against the baseline", ItemResult::changed);

    private final String label;
    private final Predicate<ItemResult> test;

    ResultFilter(String label, Predicate<ItemResult> test) {
        this.label = label;
        this.test = test;
    }

    boolean shows(ItemResult item) {
        return test.test(item);
    }

    /** What an empty table says under this filter. */
    String none() {
        return switch (this) {
            case ALL -> "No results yet: choose a suite and press Run.";
            case FAILURES -> "No failures.";
            case ERRORS -> "No errors.";
            case FLAKY -> "No flaky items: every item's runs agreed (run with repeat 2 or more to find them).";
            case CHANGED -> "No item changed its verdict against the baseline.";
        };
    }

    @Override
    public String toString() {
        return label;
    }
}
