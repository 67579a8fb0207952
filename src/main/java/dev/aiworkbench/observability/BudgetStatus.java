package dev.aiworkbench.observability;

/**
 * A budget as checked now.
 *
 * @param value    what it watches comes to now (today's cost, the p95, the latest pass rate or faithfulness);
 *                 null when there is nothing to measure yet
 * @param limit    the value past which it is crossed (for a pass rate, the baseline's less the allowed drop); null
 *                 when there is nothing to compare with
 * @param crossed  whether the value is past the limit
 * @param sentence what the value and limit are and, when crossed, what to look at next
 */
public record BudgetStatus(Budget budget, Double value, Double limit, boolean crossed, String sentence) {

    /** The value against the limit in a few words, e.g. "$1.20 of $1.00", "850 ms of 1500 ms", "no data yet". */
    public String figures() {
        if (value == null) {
            return "no data yet";
        }
        String now = figure(value);
        if (limit == null) {
            return now + ", no baseline yet";
        }
        return switch (budget.kind()) {
            case DAILY_COST, TTFT_P95 -> now + " of " + figure(limit);
            case PASS_RATE_DROP, FAITHFULNESS_FLOOR -> now + ", floor " + figure(limit);
        };
    }

    private String figure(double x) {
        return switch (budget.kind()) {
            case DAILY_COST -> "$" + BudgetFigures.usd(x);
            case TTFT_P95 -> BudgetFigures.ms(x);
            case PASS_RATE_DROP -> BudgetFigures.percent(x);
            case FAITHFULNESS_FLOOR -> BudgetFigures.score(x);
        };
    }
}
