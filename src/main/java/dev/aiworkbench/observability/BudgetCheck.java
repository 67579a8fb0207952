package dev.aiworkbench.observability;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.Locale;
import java.util.Optional;

/** One check of the budgets at one moment: each budget's figure from SQL, its limit, and the sentence. */
final class BudgetCheck {
    /** A pass rate equal to its limit has not fallen past it, whatever the last bit of the division says. */
    private static final double EPSILON = 1e-9;

    private final CallStats stats;
    private final SuiteQualities suites;
    private final Instant now;
    private final ZoneId zone;

    BudgetCheck(CallStats stats, SuiteQualities suites, Instant now, ZoneId zone) {
        this.stats = stats;
        this.suites = suites;
        this.now = now;
        this.zone = zone;
    }

    BudgetStatus status(Budget budget) {
        return switch (budget.kind()) {
            case DAILY_COST -> dailyCost(budget);
            case TTFT_P95 -> ttft(budget);
            case PASS_RATE_DROP -> passRate(budget);
            case FAITHFULNESS_FLOOR -> faithfulness(budget);
        };
    }

    private BudgetStatus dailyCost(Budget budget) {
        Instant midnight = LocalDate.ofInstant(now, zone).atStartOfDay(zone).toInstant();
        double cost = stats.total(new TimeRange(midnight, now), CallFilter.ALL).costUsd();
        boolean crossed = cost > budget.threshold();
        String figures = "Today's model calls cost $" + BudgetFigures.usd(cost);
        String sentence = crossed
                ? figures + ", over your budget of " + budget.limitText() + ". The Observability screen shows which "
                + "feature and model spent it."
                : figures + ", within your budget of " + budget.limitText() + ".";
        return new BudgetStatus(budget, cost, budget.threshold(), crossed, sentence);
    }

    private BudgetStatus ttft(Budget budget) {
        CallFilter filter = budget.scope() == null ? CallFilter.ALL : CallFilter.model(budget.scope());
        Double p95 = stats.total(new TimeRange(now.minus(Duration.ofDays(1)), now), filter).ttftMs().p95();
        String whose = budget.scope() == null ? "all models" : budget.scope();
        if (p95 == null) {
            return new BudgetStatus(budget, null, budget.threshold(), false, "No call of " + whose + " with a time to "
                    + "first token ended well in the last 24 hours, so there is nothing to compare yet.");
        }
        boolean crossed = p95 > budget.threshold();
        String figures = "p95 time to first token for " + whose + " over the last 24 hours is " + BudgetFigures.ms(p95);
        String sentence = crossed
                ? figures + ", above your budget of " + budget.limitText() + ". See which feature is slow on the "
                + "Observability screen; a busy server or a larger model is the usual cause."
                : figures + ", within your budget of " + budget.limitText() + ".";
        return new BudgetStatus(budget, p95, budget.threshold(), crossed, sentence);
    }

    private BudgetStatus passRate(Budget budget) {
        Optional<SuiteQuality> found = suites.quality(budget.scope());
        if (found.isEmpty()) {
            return new BudgetStatus(budget, null, null, false, budget.scope() + " has no finished run yet; run it in "
                    + "Evals to give the budget something to watch.");
        }
        SuiteQuality quality = found.get();
        String latest = budget.scope() + " passed " + BudgetFigures.percent(quality.passRate()) + " in its latest run "
                + quality.latestRunId();
        if (quality.baselinePassRate() == null) {
            return new BudgetStatus(budget, quality.passRate(), null, false, latest + "; no earlier run passed its "
                    + "gate, so there is no baseline to compare with yet.");
        }
        double limit = quality.baselinePassRate() - budget.threshold() / 100;
        double drop = 100 * (quality.baselinePassRate() - quality.passRate());
        boolean crossed = quality.passRate() < limit - EPSILON;
        String against = " against " + BudgetFigures.percent(quality.baselinePassRate()) + " for its baseline "
                + quality.baselineRunId();
        String sentence = crossed
                ? latest + against + ", " + String.format(Locale.ROOT, "%.1f", drop) + " points down where you allow "
                + String.format(Locale.ROOT, "%.1f", budget.threshold()) + ". Open the run in Evals to see which "
                + "cases fell."
                : latest + against + ", within the " + String.format(Locale.ROOT, "%.1f", budget.threshold())
                + " points you allow.";
        return new BudgetStatus(budget, quality.passRate(), limit, crossed, sentence);
    }

    private BudgetStatus faithfulness(Budget budget) {
        Optional<SuiteQuality> found = suites.quality(budget.scope());
        if (found.isEmpty() || found.get().faithfulness() == null) {
            return new BudgetStatus(budget, null, budget.threshold(), false, budget.scope() + " has no finished run "
                    + "graded with context-faithfulness yet, so there is nothing to compare.");
        }
        SuiteQuality quality = found.get();
        double value = quality.faithfulness();
        boolean crossed = value < budget.threshold();
        String figures = "Faithfulness of " + budget.scope() + " is " + BudgetFigures.score(value) + " in run "
                + quality.faithfulnessRunId() + " (hallucination rate " + BudgetFigures.percent(1 - value) + ")";
        String sentence = crossed
                ? figures + ", below your floor of " + budget.limitText() + ". Open the run in Evals and read the "
                + "statements the judge found unsupported."
                : figures + ", at or above your floor of " + budget.limitText() + ".";
        return new BudgetStatus(budget, value, budget.threshold(), crossed, sentence);
    }
}
