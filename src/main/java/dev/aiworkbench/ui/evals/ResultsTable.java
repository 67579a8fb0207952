package dev.aiworkbench.ui.evals;

import atlantafx.base.theme.Styles;
import atlantafx.base.theme.Tweaks;
import dev.aiworkbench.eval.report.ItemResult;
import dev.aiworkbench.ui.common.Labels;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import javafx.collections.transformation.FilteredList;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.TableCell;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableView;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The items of a run: verdict, score, pass fraction over repeats, flaky and changed against the
 * baseline, with a filter. Rows are added as cases land and replaced by the report's items at the end.
 */
final class ResultsTable extends VBox {
    private final ObservableList<ItemResult> rows = FXCollections.observableArrayList();
    private final FilteredList<ItemResult> shown = new FilteredList<>(rows);
    private final TableView<ItemResult> table = new TableView<>(shown);
    private final ComboBox<ResultFilter> filter = new ComboBox<>();
    private final Label count = new Label();
    private final Label empty = Labels.wrapped("");
    private final Map<String, Integer> rowOfKey = new HashMap<>();
    private boolean hasBaseline;

    ResultsTable() {
        setSpacing(8);
        getStyleClass().add("eval-results-pane");
        filter.setId("results-filter");
        filter.getItems().setAll(ResultFilter.values());
        filter.setValue(ResultFilter.ALL);
        filter.valueProperty().addListener((obs, was, now) -> applyFilter());
        Label filterLabel = new Label("Show");
        filterLabel.setLabelFor(filter);
        filterLabel.setMinWidth(Region.USE_PREF_SIZE);
        count.setId("results-count");
        count.getStyleClass().add(Styles.TEXT_MUTED);
        HBox bar = new HBox(8, filterLabel, filter, count);
        bar.setAlignment(Pos.CENTER_LEFT);

        table.setId("eval-results");
        table.getStyleClass().addAll(Styles.STRIPED, Styles.DENSE);
        table.setColumnResizePolicy(TableView.CONSTRAINED_RESIZE_POLICY_ALL_COLUMNS);
        TableColumn<ItemResult, String> item = new TableColumn<>("Item");
        item.setId("column-item");
        item.setCellValueFactory(cell -> new ReadOnlyStringWrapper(Items.title(cell.getValue())));
        item.setMinWidth(160);
        item.setPrefWidth(320);
        TableColumn<ItemResult, ItemResult> verdict = new TableColumn<>("Result");
        verdict.setId("column-result");
        verdict.setCellValueFactory(cell -> new ReadOnlyObjectWrapper<>(cell.getValue()));
        verdict.setCellFactory(column -> new TableCell<>() {
            @Override
            protected void updateItem(ItemResult value, boolean isEmpty) {
                super.updateItem(value, isEmpty);
                setText(null);
                setGraphic(isEmpty || value == null ? null : CaseDetail.badge(value));
            }
        });
        verdict.setMinWidth(80);
        verdict.setMaxWidth(100);
        TableColumn<ItemResult, String> score = new TableColumn<>("Score");
        score.setId("column-score");
        score.setCellValueFactory(cell -> new ReadOnlyStringWrapper(cell.getValue().error() != null ? "–"
                : Items.score(cell.getValue().score())));
        score.getStyleClass().add(Tweaks.ALIGN_RIGHT);
        score.setMinWidth(60);
        score.setMaxWidth(80);
        TableColumn<ItemResult, String> runs = new TableColumn<>("Passes");
        runs.setId("column-runs");
        runs.setCellValueFactory(cell -> new ReadOnlyStringWrapper(runsText(cell.getValue())));
        runs.setMinWidth(110);
        runs.setMaxWidth(140);
        TableColumn<ItemResult, String> flaky = new TableColumn<>("Flaky");
        flaky.setId("column-flaky");
        flaky.setCellValueFactory(cell -> new ReadOnlyStringWrapper(cell.getValue().flaky() ? "flaky" : ""));
        flaky.setMinWidth(60);
        flaky.setMaxWidth(80);
        TableColumn<ItemResult, String> changed = new TableColumn<>("Changed");
        changed.setId("column-changed");
        changed.setCellValueFactory(cell -> new ReadOnlyStringWrapper(changedText(cell.getValue())));
        changed.setMinWidth(110);
        changed.setMaxWidth(150);
        table.getColumns().setAll(List.of(item, verdict, score, runs, flaky, changed));
        empty.setPadding(new Insets(16));
        table.setPlaceholder(empty);
        VBox.setVgrow(table, Priority.ALWAYS);
        getChildren().addAll(bar, table);
        applyFilter();
    }

    private static String runsText(ItemResult item) {
        long graded = item.runs().stream().filter(r -> !r.errored()).count();
        long passed = item.runs().stream().filter(r -> !r.errored() && r.pass()).count();
        String text = passed + " of " + graded;
        long errors = item.runs().size() - graded;
        return errors > 0 ? text + " (+" + errors + " error" + (errors == 1 ? ")" : "s)") : text;
    }

    private String changedText(ItemResult item) {
        if (!item.changed()) {
            return hasBaseline ? "same" : "";
        }
        return item.pass() ? "now passes" : item.error() != null ? "now errors" : "now fails";
    }

    ReadOnlyObjectProperty<ItemResult> selectedItemProperty() {
        return table.getSelectionModel().selectedItemProperty();
    }

    /** Replaces every row (a finished report, or a stored run); keeps the selection on the same item. */
    void setItems(List<ItemResult> items, boolean baseline) {
        String selected = selectedKey();
        hasBaseline = baseline;
        rowOfKey.clear();
        for (int i = 0; i < items.size(); i++) {
            rowOfKey.put(items.get(i).key(), i);
        }
        rows.setAll(items);
        table.refresh();
        select(selected);
        applyFilter();
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
                select(item.key());
            }
        }
        updateCount();
    }

    void clear() {
        hasBaseline = false;
        rowOfKey.clear();
        rows.clear();
        applyFilter();
    }

    private String selectedKey() {
        ItemResult selected = table.getSelectionModel().getSelectedItem();
        return selected == null ? null : selected.key();
    }

    private void select(String key) {
        if (key == null) {
            return;
        }
        for (ItemResult row : shown) {
            if (row.key().equals(key)) {
                table.getSelectionModel().select(row);
                return;
            }
        }
    }

    private void applyFilter() {
        ResultFilter now = filter.getValue() == null ? ResultFilter.ALL : filter.getValue();
        shown.setPredicate(now::shows);
        empty.setText(rows.isEmpty() ? ResultFilter.ALL.none() : now.none());
        updateCount();
    }

    private void updateCount() {
        ResultFilter now = filter.getValue() == null ? ResultFilter.ALL : filter.getValue();
        long passed = rows.stream().filter(ItemResult::pass).count();
        long errors = rows.stream().filter(r -> r.error() != null).count();
        long failed = rows.size() - passed - errors;
        String totals = rows.size() + (rows.size() == 1 ? " item: " : " items: ") + passed + " passed, " + failed
                + " failed, " + errors + (errors == 1 ? " error" : " errors");
        count.setText(now == ResultFilter.ALL || rows.isEmpty() ? totals
                : "Showing " + shown.size() + " of " + totals);
    }
}
