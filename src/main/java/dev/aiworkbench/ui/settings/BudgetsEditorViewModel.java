package dev.aiworkbench.ui.settings;

import dev.aiworkbench.observability.Budget;
import dev.aiworkbench.observability.BudgetKind;
import dev.aiworkbench.observability.BudgetStatus;
import dev.aiworkbench.observability.Budgets;
import dev.aiworkbench.ui.common.Sentences;
import dev.aiworkbench.ui.tasks.TaskExecutor;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.beans.value.ObservableValue;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The budgets editor of Settings > Observability: the budgets set, each with its last check, and a form that adds
 * one (what it is on, which model or suite, the limit). Each change is saved at once and the budgets are checked
 * again, so the alert and the dashboard's strip follow.
 */
public final class BudgetsEditorViewModel {
    /** The scope choice of a latency budget over every model. */
    public static final String ALL_MODELS = "All models";

    private final Budgets budgets;
    private final TaskExecutor tasks;
    private final ObservableValue<List<BudgetStatus>> statuses;
    private final Runnable recheck;
    private final ObservableList<Budget> list = FXCollections.observableArrayList();
    private final ObservableList<String> scopes = FXCollections.observableArrayList();
    // Read-only views made once: a view made per call is held weakly by its list, so its listeners could vanish.
    private final ObservableList<Budget> shownList = FXCollections.unmodifiableObservableList(list);
    private final ObservableList<String> shownScopes = FXCollections.unmodifiableObservableList(scopes);
    private final ObjectProperty<BudgetKind> kind = new SimpleObjectProperty<>(BudgetKind.DAILY_COST);
    private final StringProperty scope = new SimpleStringProperty("");
    private final StringProperty threshold = new SimpleStringProperty("");
    private final ReadOnlyStringWrapper status = new ReadOnlyStringWrapper("");
    private List<String> models = List.of();
    private List<String> suites = List.of();

    /**
     * @param statuses the budgets as the session last checked them
     * @param recheck  asks the session to check them again
     */
    public BudgetsEditorViewModel(Budgets budgets, TaskExecutor tasks, ObservableValue<List<BudgetStatus>> statuses,
                                  Runnable recheck) {
        this.budgets = budgets;
        this.tasks = tasks;
        this.statuses = statuses;
        this.recheck = recheck;
        kind.addListener((obs, was, now) -> offerScopes());
    }

    public void load() {
        tasks.run(() -> new Choices(budgets.list(), budgets.recentModels(), budgets.suites()), choices -> {
            list.setAll(choices.budgets());
            models = choices.models();
            suites = choices.suites();
            offerScopes();
        }, this::failed);
    }

    private void offerScopes() {
        BudgetKind now = kind.get();
        if (now == null || now == BudgetKind.DAILY_COST) {
            scopes.clear();
            scope.set("");
        } else if (now == BudgetKind.TTFT_P95) {
            List<String> choices = new ArrayList<>(List.of(ALL_MODELS));
            choices.addAll(models);
            scopes.setAll(choices);
            scope.set(ALL_MODELS);
        } else {
            scopes.setAll(suites);
            scope.set(suites.isEmpty() ? "" : suites.get(0));
        }
    }

    /** What the limit field takes for the chosen kind, e.g. "US dollars a day, e.g. 0.50". */
    public String thresholdHint(BudgetKind of) {
        return switch (of) {
            case DAILY_COST -> "US dollars a day, e.g. 0.50";
            case TTFT_P95 -> "milliseconds, e.g. 1500";
            case PASS_RATE_DROP -> "points below the baseline, e.g. 2";
            case FAITHFULNESS_FLOOR -> "0 to 1, e.g. 0.8";
        };
    }

    /** Adds the budget the form describes, or says what is wrong with it. */
    public void add() {
        Optional<Budget> budget = typed();
        if (budget.isEmpty()) {
            return;
        }
        tasks.run(() -> budgets.add(budget.get()), saved -> {
            list.setAll(saved);
            threshold.set("");
            status.set("Added: " + budget.get().label() + ", " + budget.get().limitText() + ".");
            recheck.run();
        }, this::failed);
    }

    private Optional<Budget> typed() {
        double limit;
        try {
            limit = Double.parseDouble(threshold.get() == null ? "" : threshold.get().strip());
        } catch (NumberFormatException e) {
            status.set("Give the limit as a number: " + thresholdHint(kind.get()) + ".");
            return Optional.empty();
        }
        String chosen = scope.get() == null || ALL_MODELS.equals(scope.get()) ? null : scope.get();
        try {
            return Optional.of(new Budget(kind.get(), kind.get() == BudgetKind.DAILY_COST ? null : chosen, limit));
        } catch (IllegalArgumentException e) {
            status.set(Sentences.of(e.getMessage()));
            return Optional.empty();
        }
    }

    public void remove(Budget budget) {
        tasks.run(() -> budgets.remove(budget), saved -> {
            list.setAll(saved);
            status.set("Removed: " + budget.label() + ".");
            recheck.run();
        }, this::failed);
    }

    /** A budget's line: what it watches, its limit, and how it stood at the last check. */
    public String describe(Budget budget) {
        String line = budget.label() + ": " + budget.limitText();
        return statuses.getValue().stream().filter(s -> s.budget().equals(budget)).findFirst()
                .map(s -> line + (s.crossed() ? " · CROSSED (" : " · holds (") + s.figures() + ")").orElse(line);
    }

    private void failed(Throwable failure) {
        status.set(Sentences.of(Sentences.cause(failure).getMessage()));
    }

    public ObservableList<Budget> budgets() {
        return shownList;
    }

    /** The models or suites the chosen kind can watch. */
    public ObservableList<String> scopes() {
        return shownScopes;
    }

    public ObjectProperty<BudgetKind> kindProperty() {
        return kind;
    }

    public StringProperty scopeProperty() {
        return scope;
    }

    public StringProperty thresholdProperty() {
        return threshold;
    }

    public ReadOnlyStringProperty statusProperty() {
        return status.getReadOnlyProperty();
    }

    public ObservableValue<List<BudgetStatus>> statuses() {
        return statuses;
    }

    private record Choices(List<Budget> budgets, List<String> models, List<String> suites) {
    }
}
