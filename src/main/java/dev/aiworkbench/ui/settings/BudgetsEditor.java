package dev.aiworkbench.ui.settings;

import atlantafx.base.theme.Styles;
import dev.aiworkbench.observability.Budget;
import dev.aiworkbench.observability.BudgetKind;
import dev.aiworkbench.ui.common.Labels;
import javafx.collections.ListChangeListener;
import javafx.geometry.Pos;
import javafx.scene.control.Button;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.TextField;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;
import org.kordamp.ikonli.feather.Feather;
import org.kordamp.ikonli.javafx.FontIcon;

/** The budgets set, each with Remove, and a row that adds one. */
final class BudgetsEditor extends VBox {
    private final BudgetsEditorViewModel model;
    private final VBox rows = new VBox(6);

    BudgetsEditor(BudgetsEditorViewModel model) {
        super(10);
        this.model = model;
        setId("budgets-editor");
        rows.setId("budget-rows");
        model.budgets().addListener((ListChangeListener<Budget>) change -> showRows());
        model.statuses().addListener((obs, was, now) -> showRows());
        showRows();
        Label status = Labels.wrapped("", Styles.TEXT_MUTED);
        status.setId("budget-status");
        status.textProperty().bind(model.statusProperty());
        Label hint = Labels.wrapped("A crossed budget shows once as a notice in the app and on the Observability "
                + "screen; `workbench usage budgets` checks them from a terminal and exits 1 when one is crossed.",
                Styles.TEXT_MUTED);
        getChildren().addAll(rows, addRow(), status, hint);
    }

    private HBox addRow() {
        ComboBox<BudgetKind> kind = new ComboBox<>();
        kind.setId("budget-kind");
        kind.getItems().setAll(BudgetKind.values());
        kind.valueProperty().bindBidirectional(model.kindProperty());
        ComboBox<String> scope = new ComboBox<>(model.scopes());
        scope.setId("budget-scope");
        scope.setEditable(true);
        scope.setPrefWidth(220);
        scope.valueProperty().bindBidirectional(model.scopeProperty());
        scope.disableProperty().bind(kind.valueProperty().isEqualTo(BudgetKind.DAILY_COST));
        TextField threshold = new TextField();
        threshold.setId("budget-threshold");
        threshold.setPrefColumnCount(14);
        threshold.textProperty().bindBidirectional(model.thresholdProperty());
        threshold.setPromptText(model.thresholdHint(kind.getValue()));
        kind.valueProperty().addListener((obs, was, now) -> threshold.setPromptText(now == null ? ""
                : model.thresholdHint(now)));
        threshold.setOnAction(e -> model.add());
        Button add = new Button("Add budget", new FontIcon(Feather.PLUS));
        add.setId("add-budget");
        add.getStyleClass().add(Styles.ACCENT);
        add.setOnAction(e -> model.add());
        HBox row = new HBox(8, kind, scope, threshold, add);
        row.setAlignment(Pos.CENTER_LEFT);
        return row;
    }

    private void showRows() {
        rows.getChildren().clear();
        if (model.budgets().isEmpty()) {
            rows.getChildren().add(Labels.wrapped("No budgets yet. Add one below: a daily cost, a p95 time to first "
                    + "token, a suite's pass rate against its baseline, or a faithfulness floor.", Styles.TEXT_MUTED));
            return;
        }
        for (Budget budget : model.budgets()) {
            Label text = Labels.wrapped(model.describe(budget));
            HBox.setHgrow(text, Priority.ALWAYS);
            text.setMaxWidth(Double.MAX_VALUE);
            Button remove = new Button("Remove", new FontIcon(Feather.X));
            remove.getStyleClass().add(Styles.FLAT);
            remove.setOnAction(e -> model.remove(budget));
            HBox row = new HBox(8, text, remove);
            row.getStyleClass().add("budget-row");
            row.setAlignment(Pos.CENTER_LEFT);
            rows.getChildren().add(row);
        }
    }
}
