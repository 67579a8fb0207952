package dev.aiworkbench.ui.evals;

import atlantafx.base.theme.Styles;
import atlantafx.base.theme.Tweaks;
import dev.aiworkbench.eval.report.ItemResult;
import dev.aiworkbench.ui.common.Labels;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringWrapper;
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

import java.util.List;

/**
 * The items of a run: verdict, score, pass fraction over repeats, flaky and changed against the
 * baseline, with a filter. Shows a {@link ResultsModel} and tells it which row the learner selected.
 */
final class ResultsTable extends VBox {
    private final ResultsModel model;
    private final TableView<ItemResult> table;
    private boolean following;

    ResultsTable(ResultsModel model) {
        this.model = model;
        this.table = new TableView<>(model.shown());
        setSpacing(8);
        getStyleClass().add("eval-results-pane");
        ComboBox<ResultFilter> filter = new ComboBox<>();
        filter.setId("results-filter");
        filter.getItems().setAll(ResultFilter.values());
        filter.valueProperty().bindBidirectional(model.filterProperty());
        Label filterLabel = new Label("Show");
        filterLabel.setLabelFor(filter);
        filterLabel.setMinWidth(Region.USE_PREF_SIZE);
        Label count = new Label();
        count.setId("results-count");
        count.getStyleClass().add(Styles.TEXT_MUTED);
        count.textProperty().bind(model.countProperty());
        HBox bar = new HBox(8, filterLabel, filter, count);
        bar.setAlignment(Pos.CENTER_LEFT);

        table.setId("eval-results");
        table.getStyleClass().addAll(Styles.STRIPED, Styles.DENSE);
        table.setColumnResizePolicy(TableView.CONSTRAINED_RESIZE_POLICY_ALL_COLUMNS);
        table.getColumns().setAll(columns());
        Label empty = Labels.wrapped("");
        empty.textProperty().bind(model.emptyProperty());
        empty.setPadding(new Insets(16));
        table.setPlaceholder(empty);
        VBox.setVgrow(table, Priority.ALWAYS);
        getChildren().addAll(bar, table);

        table.getSelectionModel().selectedItemProperty().addListener((obs, was, now) -> {
            if (!following) {
                model.select(now);
            }
        });
        model.selectedProperty().addListener((obs, was, now) -> follow(now));
        model.hasBaselineProperty().addListener((obs, was, now) -> table.refresh());
    }

    /** Shows the model's selection without telling the model back. */
    private void follow(ItemResult item) {
        following = true;
        try {
            if (item == null) {
                table.getSelectionModel().clearSelection();
            } else if (table.getSelectionModel().getSelectedItem() != item) {
                table.getSelectionModel().select(item);
            }
        } finally {
            following = false;
        }
    }

    private List<TableColumn<ItemResult, ?>> columns() {
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
        changed.setCellValueFactory(cell -> new ReadOnlyStringWrapper(model.changedText(cell.getValue())));
        changed.setMinWidth(110);
        changed.setMaxWidth(150);
        return List.of(item, verdict, score, runs, flaky, changed);
    }

    private static String runsText(ItemResult item) {
        long graded = item.runs().stream().filter(r -> !r.errored()).count();
        long passed = item.runs().stream().filter(r -> !r.errored() && r.pass()).count();
        String text = passed + " of " + graded;
        long errors = item.runs().size() - graded;
        return errors > 0 ? text + " (+" + errors + " error" + (errors == 1 ? ")" : "s)") : text;
    }
}
