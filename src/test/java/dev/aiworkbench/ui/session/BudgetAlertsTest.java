package dev.aiworkbench.ui.session;

import dev.aiworkbench.observability.Budget;
import dev.aiworkbench.observability.BudgetStatus;
import dev.aiworkbench.testing.ImmediateTaskExecutor;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** A budget that crosses alerts once, stays quiet while it stays crossed, and alerts again after it cleared. */
class BudgetAlertsTest {
    private static final Budget COST = Budget.dailyCost(1);
    private static final Budget TTFT = Budget.ttftP95(null, 500);

    private List<BudgetStatus> next = List.of();
    private int checks;
    private final BudgetAlerts alerts = new BudgetAlerts(() -> {
        checks++;
        return next;
    }, new ImmediateTaskExecutor());

    private static BudgetStatus status(Budget budget, boolean crossed) {
        return new BudgetStatus(budget, 2.0, 1.0, crossed, crossed ? "Over." : "Within.");
    }

    private List<String> checkAndCollect(List<BudgetStatus> now, List<String> shown) {
        next = now;
        alerts.checkNow();
        if (!alerts.alertProperty().get().isEmpty()) {
            shown.add(alerts.alertProperty().get());
            alerts.dismiss();
        }
        return shown;
    }

    @Test
    void aCrossingAlertsOnceAndAgainOnlyAfterItCleared() {
        List<String> shown = new ArrayList<>();
        checkAndCollect(List.of(status(COST, false)), shown);
        assertThat(shown).isEmpty();

        checkAndCollect(List.of(status(COST, true)), shown);
        assertThat(shown).containsExactly("Daily cost crossed: Over.");

        checkAndCollect(List.of(status(COST, true)), shown);
        checkAndCollect(List.of(status(COST, true)), shown);
        assertThat(shown).as("no repeat while it stays crossed").hasSize(1);

        checkAndCollect(List.of(status(COST, false)), shown);
        assertThat(shown).hasSize(1);
        checkAndCollect(List.of(status(COST, true)), shown);
        assertThat(shown).as("crossed anew after clearing").hasSize(2);
        assertThat(alerts.statusesProperty().get()).extracting(BudgetStatus::crossed).containsExactly(true);
        assertThat(checks).isEqualTo(6);
    }

    @Test
    void anAlertStaysUntilDismissedAndSeveralCrossingsMakeOneAlert() {
        next = List.of(status(COST, true), status(TTFT, true));
        alerts.checkNow();
        assertThat(alerts.alertProperty().get()).isEqualTo("Daily cost crossed: Over. 1 more budget was crossed too.");

        next = List.of(status(COST, true), status(TTFT, false));
        alerts.checkNow();
        assertThat(alerts.alertProperty().get()).as("a later check does not take back an unread alert")
                .startsWith("Daily cost crossed");
        alerts.dismiss();
        assertThat(alerts.alertProperty().get()).isEmpty();

        next = List.of(status(COST, true), status(TTFT, true));
        alerts.checkNow();
        assertThat(alerts.alertProperty().get()).isEqualTo("p95 time to first token, all models crossed: Over.");
    }

    @Test
    void aBudgetWithANewLimitIsANewBudgetAndAFailedCheckIsQuiet() {
        next = List.of(status(COST, true));
        alerts.checkNow();
        alerts.dismiss();
        next = List.of(status(Budget.dailyCost(0.5), true));
        alerts.checkNow();
        assertThat(alerts.alertProperty().get()).isEqualTo("Daily cost crossed: Over.");
        alerts.dismiss();

        BudgetAlerts failing = new BudgetAlerts(() -> {
            throw new IllegalStateException("database is locked");
        }, new ImmediateTaskExecutor());
        failing.checkNow();
        failing.checkNow();
        assertThat(failing.alertProperty().get()).isEmpty();
        assertThat(failing.statusesProperty().get()).isEmpty();
    }
}
