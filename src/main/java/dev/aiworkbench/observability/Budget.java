package dev.aiworkbench.observability;

import java.util.Locale;
import java.util.Objects;

/**
 * A limit the learner set on what the workbench's calls and evals may come to.
 *
 * @param scope     the model of a {@link BudgetKind#TTFT_P95} budget (null for all models), the suite key of a
 *                  pass-rate or faithfulness budget, and null for the daily cost
 * @param threshold US dollars a day, milliseconds, percentage points below the baseline, or a faithfulness from
 *                  0 to 1, by kind
 */
public record Budget(BudgetKind kind, String scope, double threshold) {
    public Budget {
        if (kind == null) {
            throw new IllegalArgumentException("choose what the budget is on");
        }
        scope = scope == null || scope.isBlank() ? null : scope.strip();
        if (!Double.isFinite(threshold)) {
            throw new IllegalArgumentException("give the budget's limit as a number");
        }
        switch (kind) {
            case DAILY_COST -> {
                if (scope != null) {
                    throw new IllegalArgumentException("the daily cost budget covers every call; it takes no model or suite");
                }
                require(threshold > 0, "a daily cost budget is more than $0; give it in US dollars, for example 0.50");
            }
            case TTFT_P95 -> require(threshold > 0, "a time to first token budget is more than 0 ms; give it in "
                    + "milliseconds, for example 1500");
            case PASS_RATE_DROP -> {
                require(scope != null, "choose the eval suite whose pass rate the budget watches");
                require(threshold >= 0 && threshold <= 100, "the drop a pass rate may take is 0 to 100 percentage "
                        + "points below its baseline, for example 2");
            }
            case FAITHFULNESS_FLOOR -> {
                require(scope != null, "choose the eval suite whose faithfulness the budget watches");
                require(threshold > 0 && threshold <= 1, "a faithfulness floor is more than 0 and at most 1, for "
                        + "example 0.8");
            }
        }
    }

    public static Budget dailyCost(double usd) {
        return new Budget(BudgetKind.DAILY_COST, null, usd);
    }

    /** @param model null for all models */
    public static Budget ttftP95(String model, double ms) {
        return new Budget(BudgetKind.TTFT_P95, model, ms);
    }

    public static Budget passRateDrop(String suite, double points) {
        return new Budget(BudgetKind.PASS_RATE_DROP, suite, points);
    }

    public static Budget faithfulnessFloor(String suite, double floor) {
        return new Budget(BudgetKind.FAITHFULNESS_FLOOR, suite, floor);
    }

    private static void require(boolean holds, String otherwise) {
        if (!holds) {
            throw new IllegalArgumentException(otherwise);
        }
    }

    /** Whether the two watch the same thing (the same kind and scope), whatever their limits. */
    public boolean sameWatchAs(Budget other) {
        return kind == other.kind && Objects.equals(scope, other.scope);
    }

    /** e.g. "Daily cost", "p95 time to first token, llama3.2", "Faithfulness of rag.yaml". */
    public String label() {
        return switch (kind) {
            case DAILY_COST -> kind.label();
            case TTFT_P95 -> kind.label() + ", " + (scope == null ? "all models" : scope);
            case PASS_RATE_DROP -> "Pass rate of " + scope + " against its baseline";
            case FAITHFULNESS_FLOOR -> "Faithfulness of " + scope;
        };
    }

    /** The limit in words, e.g. "$1.00 a day", "1500 ms", "2.0 points below the baseline", "0.80". */
    public String limitText() {
        return switch (kind) {
            case DAILY_COST -> "$" + BudgetFigures.usd(threshold) + " a day";
            case TTFT_P95 -> BudgetFigures.ms(threshold);
            case PASS_RATE_DROP -> String.format(Locale.ROOT, "%.1f points below the baseline", threshold);
            case FAITHFULNESS_FLOOR -> BudgetFigures.score(threshold);
        };
    }
}
