package dev.aiworkbench.ui.models;

import atlantafx.base.theme.Styles;
import atlantafx.base.theme.Tweaks;
import dev.aiworkbench.prompts.PriceRow;
import dev.aiworkbench.prompts.PriceTable;
import dev.aiworkbench.ui.common.Labels;
import javafx.application.Platform;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.css.PseudoClass;
import javafx.geometry.Pos;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableRow;
import javafx.scene.control.TableView;
import javafx.scene.control.cell.TextFieldTableCell;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;
import javafx.util.StringConverter;
import javafx.util.converter.DefaultStringConverter;
import org.kordamp.ikonli.feather.Feather;
import org.kordamp.ikonli.javafx.FontIcon;

import java.math.BigDecimal;
import java.util.List;
import java.util.Locale;
import java.util.function.UnaryOperator;

/**
 * The price table in Settings: US dollars per million input and output tokens per price point,
 * edited in place (type and press Enter), with rows to add and remove, bound to a {@link PriceTableViewModel}
 * that saves each change; a change the table refuses is put back and explained under the table.
 */
public final class PriceTableEditor extends VBox {
    private static final PseudoClass LOCAL = PseudoClass.getPseudoClass("local");
    private static final double ROW_HEIGHT = 40;
    private static final double HEADER_HEIGHT = 44;

    private final PriceTableViewModel model;
    private final TableView<PriceRow> table = new TableView<>();
    private final TableColumn<PriceRow, String> name = new TableColumn<>("Name");
    private final Label status = Labels.wrapped("");

    public PriceTableEditor(PriceTableViewModel model) {
        this.model = model;
        setId("prices");
        setSpacing(10);
        buildTable();
        Button add = new Button("Add", new FontIcon(Feather.PLUS));
        add.setId("add-price");
        add.setOnAction(e -> model.add());
        Button remove = new Button("Remove", new FontIcon(Feather.MINUS));
        remove.setId("remove-price");
        remove.setOnAction(e -> model.remove(table.getSelectionModel().getSelectedItem()));
        status.setId("price-status");
        status.textProperty().bind(model.statusProperty());
        status.getStyleClass().add(Styles.TEXT_MUTED);
        model.statusIsProblemProperty().addListener((obs, was, problem) -> {
            status.getStyleClass().removeAll(Styles.DANGER, Styles.TEXT_MUTED);
            status.getStyleClass().add(problem ? Styles.DANGER : Styles.TEXT_MUTED);
        });
        model.addedProperty().addListener((obs, was, row) -> startNaming(row));
        HBox actions = new HBox(8, add, remove, status);
        actions.setAlignment(Pos.CENTER_LEFT);
        Label note = Labels.wrapped("The hosted rows are editable examples, list prices as of "
                + PriceTable.EXAMPLES_AS_OF + ": check each against the provider's pricing page before relying on "
                + "it. The playground uses this table to show what the same run would cost elsewhere, and a hosted "
                + "call is priced at the row whose models (comma-separated names, * for any text) match it. Double-click "
                + "a cell (or select it and press Enter or F2) to change it; Enter saves, Escape leaves it as it was.",
                Styles.TEXT_MUTED);
        note.setId("price-note");
        getChildren().addAll(table, actions, note);
        model.load();
    }

    private void buildTable() {
        table.setId("price-table");
        table.setItems(model.rows());
        table.setEditable(true);
        table.getSelectionModel().setCellSelectionEnabled(true);
        table.setColumnResizePolicy(TableView.CONSTRAINED_RESIZE_POLICY_FLEX_LAST_COLUMN);
        table.setFixedCellSize(ROW_HEIGHT);
        // Tall enough for every row (up to a dozen) so the table needs no scrolling of its own.
        table.prefHeightProperty().bind(javafx.beans.binding.Bindings.size(table.getItems())
                .map(n -> HEADER_HEIGHT + ROW_HEIGHT * Math.max(3, Math.min(12, n.intValue()))));
        table.setMinHeight(Region.USE_PREF_SIZE);
        table.setPlaceholder(new Label("Reading the price table…"));

        name.setId("price-name");
        name.setPrefWidth(220);
        name.setCellValueFactory(cell -> new ReadOnlyStringWrapper(cell.getValue().name()));
        name.setCellFactory(TextFieldTableCell.forTableColumn(new DefaultStringConverter()));
        name.setOnEditCommit(e -> change(e.getRowValue(), row -> new PriceRow(e.getNewValue(),
                row.inputUsdPerMillion(), row.outputUsdPerMillion(), row.note(), row.local(), row.models())));

        TableColumn<PriceRow, Double> input = priceColumn("Input $ / 1M tokens", "price-input", true);
        TableColumn<PriceRow, Double> output = priceColumn("Output $ / 1M tokens", "price-output", false);

        TableColumn<PriceRow, String> note = new TableColumn<>("Note");
        note.setId("price-note-column");
        note.setPrefWidth(320);
        note.setCellValueFactory(cell -> new ReadOnlyStringWrapper(cell.getValue().note()));
        note.setCellFactory(TextFieldTableCell.forTableColumn(new DefaultStringConverter()));
        note.setOnEditCommit(e -> change(e.getRowValue(), row -> new PriceRow(row.name(), row.inputUsdPerMillion(),
                row.outputUsdPerMillion(), e.getNewValue(), row.local(), row.models())));

        TableColumn<PriceRow, String> models = new TableColumn<>("Models");
        models.setId("price-models");
        models.setPrefWidth(200);
        models.setCellValueFactory(cell -> new ReadOnlyStringWrapper(String.join(", ", cell.getValue().models())));
        models.setCellFactory(TextFieldTableCell.forTableColumn(new DefaultStringConverter()));
        models.setOnEditCommit(e -> change(e.getRowValue(), row -> row.withModels(PriceRow.parseModels(e.getNewValue()))));

        table.getColumns().setAll(List.of(name, input, output, note, models));
        table.setRowFactory(view -> new TableRow<>() {
            @Override
            protected void updateItem(PriceRow item, boolean empty) {
                super.updateItem(item, empty);
                pseudoClassStateChanged(LOCAL, !empty && item != null && item.local());
                setTooltip(empty || item == null || item.note().isEmpty() ? null : new Tooltip(item.note()));
            }
        });
    }

    private TableColumn<PriceRow, Double> priceColumn(String title, String id, boolean isInput) {
        TableColumn<PriceRow, Double> column = new TableColumn<>(title);
        column.setId(id);
        column.setPrefWidth(170);
        column.setMinWidth(160);
        column.getStyleClass().add(Tweaks.ALIGN_RIGHT);
        column.setCellValueFactory(cell -> new ReadOnlyObjectWrapper<>(isInput
                ? cell.getValue().inputUsdPerMillion() : cell.getValue().outputUsdPerMillion()));
        column.setCellFactory(TextFieldTableCell.forTableColumn(new UsdConverter()));
        column.setOnEditCommit(e -> {
            Double value = e.getNewValue();
            if (value == null) {
                model.priceNotUnderstood();
                table.refresh();
                return;
            }
            change(e.getRowValue(), row -> new PriceRow(row.name(), isInput ? value : row.inputUsdPerMillion(),
                    isInput ? row.outputUsdPerMillion() : value, row.note(), row.local(), row.models()));
        });
        return column;
    }

    /** Shows the change and has it saved; a change refused at once is put back in the cells. */
    private void change(PriceRow before, UnaryOperator<PriceRow> edit) {
        model.change(before, edit);
        if (model.statusIsProblemProperty().get()) {
            table.refresh();
        }
    }

    /** Selects the name of a row just added and starts editing it. */
    private void startNaming(PriceRow row) {
        int index = table.getItems().indexOf(row);
        if (index < 0) {
            return;
        }
        table.requestFocus();
        table.scrollTo(index);
        table.getSelectionModel().clearAndSelect(index, name);
        Platform.runLater(() -> table.edit(index, name));
    }

    /** Dollars as typed: "0.15", "$2.50", "10"; anything else is null, which the commit handler explains. */
    private static final class UsdConverter extends StringConverter<Double> {
        @Override
        public String toString(Double value) {
            return value == null ? "" : BigDecimal.valueOf(value).stripTrailingZeros().toPlainString();
        }

        @Override
        public Double fromString(String text) {
            // A comma could be a decimal or a thousands separator; rather than guess, the learner is asked for a point.
            if (text == null || text.contains(",")) {
                return null;
            }
            String cleaned = text.strip().replace("$", "").toLowerCase(Locale.ROOT)
                    .replace("usd", "").strip();
            try {
                double value = Double.parseDouble(cleaned);
                return Double.isFinite(value) ? value : null;
            } catch (NumberFormatException e) {
                return null;
            }
        }
    }
}
