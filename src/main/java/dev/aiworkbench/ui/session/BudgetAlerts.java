package dev.aiworkbench.ui.session;

import dev.aiworkbench.observability.Budget;
import dev.aiworkbench.observability.BudgetStatus;
import dev.aiworkbench.ui.tasks.TaskExecutor;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import org.slf4j.LoggerFactory;

import java.time.Duration;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

/**
 * The session's watch on the learner's budgets: checked when the app opens, after an eval run and every few minutes,
 * always off the FX thread. A budget that goes from fine to crossed raises one alert; it stays quiet while the
 * budget stays crossed, and alerts again only after the budget has cleared and crossed anew.
 */
public final class BudgetAlerts implements AutoCloseable {
    public static final Duration EVERY = Duration.ofMinutes(5);

    private final Callable<List<BudgetStatus>> check;
    private final TaskExecutor tasks;
    private final ReadOnlyObjectWrapper<List<BudgetStatus>> statuses = new ReadOnlyObjectWrapper<>(List.of());
    private final ReadOnlyStringWrapper alert = new ReadOnlyStringWrapper("");
    /** The budgets crossed at the last check, so a crossing alerts once. Touched on the FX thread only. */
    private final Set<Budget> crossed = new HashSet<>();
    private ScheduledExecutorService timer;
    private boolean checking;
    private boolean checkAgain;

    /** @param check reads every budget's status now (the database: it runs on {@code tasks}' threads) */
    public BudgetAlerts(Callable<List<BudgetStatus>> check, TaskExecutor tasks) {
        this.check = check;
        this.tasks = tasks;
    }

    /** Checks at once (from any thread), then every {@code period} on a daemon timer until {@link #close}. */
    public synchronized void start(Duration period) {
        tasks.publish(this::checkNow);
        if (timer == null) {
            timer = Executors.newSingleThreadScheduledExecutor(runnable -> {
                Thread thread = new Thread(runnable, "budget-watch");
                thread.setDaemon(true);
                return thread;
            });
            timer.scheduleWithFixedDelay(() -> tasks.publish(this::checkNow), period.toMillis(), period.toMillis(),
                    TimeUnit.MILLISECONDS);
        }
    }

    /**
     * Checks the budgets now (after an eval run, or once they were edited). A check asked for while one runs is
     * made once that one ends, so bursts of asks cost one extra check. Call on the FX thread.
     */
    public void checkNow() {
        if (checking) {
            checkAgain = true;
            return;
        }
        checking = true;
        tasks.run(check, this::take, failure -> {
            // A check that fails now is tried again at the next tick; the learner's work is not interrupted for it.
            LoggerFactory.getLogger(BudgetAlerts.class).warn("the budgets could not be checked", failure);
            done();
        });
    }

    private void take(List<BudgetStatus> now) {
        List<BudgetStatus> newlyCrossed = now.stream().filter(s -> s.crossed() && !crossed.contains(s.budget()))
                .toList();
        crossed.clear();
        now.stream().filter(BudgetStatus::crossed).map(BudgetStatus::budget).forEach(crossed::add);
        statuses.set(List.copyOf(now));
        if (!newlyCrossed.isEmpty()) {
            alert.set(alertText(newlyCrossed));
        }
        done();
    }

    private void done() {
        checking = false;
        if (checkAgain) {
            checkAgain = false;
            checkNow();
        }
    }

    private static String alertText(List<BudgetStatus> newlyCrossed) {
        BudgetStatus first = newlyCrossed.get(0);
        String text = first.budget().label() + " crossed: " + first.sentence();
        int more = newlyCrossed.size() - 1;
        return more == 0 ? text : text + " " + more + " more budget" + (more == 1 ? " was" : "s were")
                + " crossed too.";
    }

    /** Every budget as last checked, in the order the learner set them. */
    public ReadOnlyObjectProperty<List<BudgetStatus>> statusesProperty() {
        return statuses.getReadOnlyProperty();
    }

    /** The alert to show, a sentence; empty when there is none or it was dismissed. */
    public ReadOnlyStringProperty alertProperty() {
        return alert.getReadOnlyProperty();
    }

    /** The learner closed the alert or went to look: it is not shown again for the same crossing. */
    public void dismiss() {
        alert.set("");
    }

    /** Stops the timer; the session is closing. */
    @Override
    public synchronized void close() {
        if (timer != null) {
            timer.shutdownNow();
            timer = null;
        }
    }
}
