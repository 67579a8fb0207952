package dev.aiworkbench.ui.evals;

import dev.aiworkbench.eval.report.ItemResult;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleObjectProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import javafx.collections.transformation.FilteredList;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The items of a run as the results table shows them: every row, the rows the filter lets through, the
 * selected item, and the sentences above and inside the table. Rows are added as cases land and replaced by
 * the report's items at the end; the selection stays on the same item through both.
 */
final class ResultsModel {
    private final ObservableList<ItemResult> rows = FXCollections.observableArrayList();
    private final ObservableList<ItemResult> readOnlyRows = FXCollections.unmodifiableObservableList(rows);
    private final FilteredList<ItemResult> shown = new FilteredList<>(rows);
    private final ObjectProperty<ResultFilter> filter = new SimpleObjectProperty<>(ResultFilter.ALL);
    private final ReadOnlyObjectWrapper<ItemResult> selected = new ReadOnlyObjectWrapper<>();
    private final ReadOnlyStringWrapper count = new ReadOnlyStringWrapper("");
    private final ReadOnlyStringWrapper empty = new ReadOnlyStringWrapper("");
    private final ReadOnlyBooleanWrapper hasBaseline = new ReadOnlyBooleanWrapper();
    private final Map<String, Integer> rowOfKey = new HashMap<>();

    ResultsModel() {
        filter.addListener((obs, was, now) -> applyFilter());
        applyFilter();
    }

    /** The rows the filter lets through. */
    ObservableList<ItemResult> shown() {
        return shown;
    }

    ObservableList<ItemResult> rows() {
        return readOnlyRows;
    }

    ObjectProperty<ResultFilter> filterProperty() {
        return filter;
    }

    ReadOnlyObjectProperty<ItemResult> selectedProperty() {
        return selected.getReadOnlyProperty();
    }

    /** "6 items: 4 passed, 2 failed, 0 errors", or "Showing 2 of …" under a filter. */
    ReadOnlyStringProperty countProperty() {
        return count.getReadOnlyProperty();
    }

    /** What an empty table says. */
    ReadOnlyStringProperty emptyProperty() {
        return empty.getReadOnlyProperty();
    }

    /** Whether the rows were compared with a baseline (the Changed column then says "same" too). */
    ReadOnlyBooleanProperty hasBaselineProperty() {
        return hasBaseline.getReadOnlyProperty();
    }

    /** Selects a shown item, or nothing with null. */
    void select(ItemResult item) {
        selected.set(item != null && shown.contains(item) ? item : null);
    }

    /** The Changed column's text for an item. */
    String changedText(ItemResult item) {
        if (!item.changed()) {
            return hasBaseline.get() ? "same" : "";
        }
        return item.pass() ? "now passes" : item.error() != null ? "now errors" : "now fails";
    }

    /** Replaces every row (a finished report, or a stored run); keeps the selection on the same item. */
    void setItems(List<ItemResult> items, boolean baseline) {
        String key = selectedKey();
        hasBaseline.set(baseline);
        rowOfKey.clear();
        for (int i = 0; i < items.size(); i++) {
            rowOfKey.put(items.get(i).key(), i);
        }
        rows.setAll(items);
        applyFilter();
        selected.set(shownWithKey(key));
    }

    /** Adds or updates the row of one item while a run is in flight. */
    void put(ItemResult item) {
        Integer at = rowOfKey.get(item.key());
        if (at == null) {
            rowOfKey.put(item.key(), rows.size());
            rows.add(item);
        } else {
            boolean wasSelected = item.key().equals(selectedKey());
            rows.set(at, item);
            if (wasSelected) {
                selected.set(shownWithKey(item.key()));
            }
        }
        updateCount();
    }

    void clear() {
        hasBaseline.set(false);
        rowOfKey.clear();
        rows.clear();
        selected.set(null);
        applyFilter();
    }

    private String selectedKey() {
        return selected.get() == null ? null : selected.get().key();
    }

    private ItemResult shownWithKey(String key) {
        return key == null ? null : shown.stream().filter(row -> row.key().equals(key)).findFirst().orElse(null);
    }

    private void applyFilter() {
        ResultFilter now = filter.get() == null ? ResultFilter.ALL : filter.get();
        shown.setPredicate(now::shows);
        if (selected.get() != null && !shown.contains(selected.get())) {
            selected.set(null);
        }
        empty.set(rows.isEmpty() ? ResultFilter.ALL.none() : now.none());
        updateCount();
    }

    private void updateCount() {
        ResultFilter now = filter.get() == null ? ResultFilter.ALL : filter.get();
        long passed = rows.stream().filter(ItemResult::pass).count();
        long errors = rows.stream().filter(r -> r.error() != null).count();
        long failed = rows.size() - passed - errors;
        String totals = rows.size() + (rows.size() == 1 ? " item: " : " items: ") + passed + " passed, " + failed
                + " failed, " + errors + (errors == 1 ? " error" : " errors");
        count.set(now == ResultFilter.ALL || rows.isEmpty() ? totals : "Showing " + shown.size() + " of " + totals);
    }
}
