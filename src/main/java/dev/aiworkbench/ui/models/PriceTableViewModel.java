package dev.aiworkbench.ui.models;

import dev.aiworkbench.prompts.PriceRow;
import dev.aiworkbench.prompts.PriceTable;
import dev.aiworkbench.ui.common.Sentences;
import dev.aiworkbench.ui.tasks.TaskExecutor;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

import java.util.function.UnaryOperator;

/**
 * The price table in Settings: its rows, and changes saved through {@link PriceTable} as they are made. A change
 * shows at once; one the table refuses (a taken name, the local row's removal) is put back and explained.
 */
public final class PriceTableViewModel {
    private static final String NEW_ROW = "New price point";

    private final PriceTable prices;
    private final TaskExecutor tasks;
    private final ObservableList<PriceRow> rows = FXCollections.observableArrayList();
    private final ReadOnlyStringWrapper status = new ReadOnlyStringWrapper("");
    private final ReadOnlyBooleanWrapper statusIsProblem = new ReadOnlyBooleanWrapper();
    private final ReadOnlyObjectWrapper<PriceRow> added = new ReadOnlyObjectWrapper<>();

    public PriceTableViewModel(PriceTable prices, TaskExecutor tasks) {
        this.prices = prices;
        this.tasks = tasks;
    }

    public void load() {
        load(null);
    }

    /** Reads the rows; {@code notice} is shown as a problem once they are in. */
    private void load(String notice) {
        tasks.run(prices::rows, read -> {
            rows.setAll(read);
            if (notice != null) {
                say(notice, true);
            }
        }, failure -> say(Sentences.of(failure.getMessage()), true));
    }

    /**
     * Applies an edit to a row, shows it and saves it.
     *
     * @param edit may throw IllegalArgumentException for a value no row can have; the row is then unchanged
     */
    public void change(PriceRow before, UnaryOperator<PriceRow> edit) {
        PriceRow after;
        try {
            after = edit.apply(before);
        } catch (IllegalArgumentException e) {
            say(Sentences.of(e.getMessage()) + " The row is unchanged.", true);
            return;
        }
        if (after.equals(before)) {
            return;
        }
        int index = rows.indexOf(before);
        if (index >= 0) {
            rows.set(index, after);
        }
        String storedName = before.name();
        say("Saving…", false);
        tasks.run(() -> Outcome.ofRefusal(() -> prices.edit(storedName, after)), outcome -> {
            if (outcome.isOk()) {
                say("Saved " + outcome.value().name() + ".", false);
            } else {
                load(outcome.problem() + " The row is as it was.");
            }
        }, failure -> load(Sentences.of(failure.getMessage()) + " The row is as it was."));
    }

    /** A price typed that is not a number: nothing is saved. */
    public void priceNotUnderstood() {
        say("A price is US dollars per million tokens, written as a number with a decimal point such as "
                + "0.15 or 10; the row is unchanged.", true);
    }

    /** Adds a row under a fresh name, to be named and priced; {@link #addedProperty()} says which. */
    public void add() {
        String fresh = NEW_ROW;
        for (int n = 2; taken(fresh); n++) {
            fresh = NEW_ROW + " " + n;
        }
        PriceRow row = PriceRow.of(fresh, 0, 0, "");
        tasks.run(() -> Outcome.ofRefusal(() -> prices.add(row)), outcome -> {
            if (!outcome.isOk()) {
                say(outcome.problem(), true);
                return;
            }
            rows.add(outcome.value());
            say("Added " + outcome.value().name() + ": type its name and prices.", false);
            added.set(outcome.value());
        }, failure -> say(Sentences.of(failure.getMessage()), true));
    }

    private boolean taken(String candidate) {
        return rows.stream().anyMatch(r -> r.name().equalsIgnoreCase(candidate));
    }

    /** Removes a row; the local row stays, and null (nothing selected) is explained. */
    public void remove(PriceRow row) {
        if (row == null) {
            say("Select the row to remove first.", true);
            return;
        }
        if (row.local()) {
            say("'" + row.name() + "' is the local row and stays; set its prices to what your machine costs you "
                    + "instead.", true);
            return;
        }
        tasks.run(() -> Outcome.ofRefusal(() -> {
            prices.remove(row.name());
            return row;
        }), outcome -> {
            if (outcome.isOk()) {
                rows.remove(row);
                say("Removed " + row.name() + ".", false);
            } else {
                load(outcome.problem());
            }
        }, failure -> load(Sentences.of(failure.getMessage())));
    }

    private void say(String text, boolean problem) {
        status.set(text);
        statusIsProblem.set(problem);
    }

    public ObservableList<PriceRow> rows() {
        return rows;
    }

    /** What the last change did, or why it was refused. */
    public ReadOnlyStringProperty statusProperty() {
        return status.getReadOnlyProperty();
    }

    public ReadOnlyBooleanProperty statusIsProblemProperty() {
        return statusIsProblem.getReadOnlyProperty();
    }

    /** The row added last, for the view to start editing its name. */
    public ReadOnlyObjectProperty<PriceRow> addedProperty() {
        return added.getReadOnlyProperty();
    }
}
