package dev.aiworkbench.ui.models;

import atlantafx.base.controls.Message;
import atlantafx.base.theme.Styles;
import atlantafx.base.theme.Tweaks;
import dev.aiworkbench.llm.LocalModel;
import dev.aiworkbench.llm.PullBoard;
import dev.aiworkbench.ui.common.Labels;
import dev.aiworkbench.ui.common.FocusableScreen;
import dev.aiworkbench.ui.common.StoppableScreen;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.geometry.Insets;
import javafx.geometry.Orientation;
import javafx.geometry.Pos;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.SplitPane;
import javafx.scene.control.TableCell;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableView;
import javafx.scene.control.TextField;
import javafx.scene.input.KeyCode;
import javafx.scene.input.KeyEvent;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.StackPane;
import javafx.scene.layout.VBox;
import org.kordamp.ikonli.feather.Feather;
import org.kordamp.ikonli.javafx.FontIcon;


import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.format.FormatStyle;
import java.util.List;
import java.util.function.Function;

/**
 * The models on the Ollama server: a table with family, parameter size, quantization, size on
 * disk and date; pulling by name with progress per layer; deleting after an in-window confirm; and
 * the selected model's template, parameters and capabilities. The state and the calls to the server are
 * the {@link ModelsViewModel}'s; this builds the controls and binds them.
 */
public final class ModelsView extends VBox implements FocusableScreen, StoppableScreen {
    private final ModelsViewModel model;
    private final DateTimeFormatter days;
    private final TableView<LocalModel> table = new TableView<>();
    private final HBox confirmRow = new HBox(12);
    private final Button confirmDelete = new Button("Yes, delete", new FontIcon(Feather.TRASH_2));
    private final Button cancelDelete = new Button("No, keep it");
    private final TextField pullName = new TextField();

    /** @param zone the zone dates are shown in */
    public ModelsView(ModelsViewModel model, ZoneId zone) {
        this.model = model;
        DateTimeFormatter dates = DateTimeFormatter.ofLocalizedDateTime(FormatStyle.MEDIUM, FormatStyle.SHORT)
                .withZone(zone);
        this.days = DateTimeFormatter.ofLocalizedDate(FormatStyle.MEDIUM).withZone(zone);
        ModelDetailsPane details = new ModelDetailsPane(model.details(), dates);
        setId("models");
        getStyleClass().add("models-screen");
        setSpacing(16);
        setPadding(new Insets(24, 32, 24, 32));

        Label title = new Label("Models");
        title.getStyleClass().add(Styles.TITLE_2);
        Label listStatus = new Label();
        listStatus.setId("models-status");
        Labels.wrap(listStatus);
        listStatus.textProperty().bind(model.statusProperty());
        listStatus.getStyleClass().add(Styles.TEXT_MUTED);
        model.statusIsProblemProperty().addListener((obs, was, problem) -> {
            listStatus.getStyleClass().removeAll(Styles.TEXT_MUTED, Styles.DANGER);
            listStatus.getStyleClass().add(problem ? Styles.DANGER : Styles.TEXT_MUTED);
        });
        getChildren().add(new VBox(4, title, listStatus));

        getChildren().addAll(pullRow(), new PullPanel(model.pull()));

        buildTable();
        SplitPane listAndDetails = new SplitPane(table, details);
        listAndDetails.setOrientation(Orientation.HORIZONTAL);
        listAndDetails.setDividerPositions(0.64);
        SplitPane.setResizableWithParent(details, false);

        Message problem = new Message("Could not read the models", "", new FontIcon(Feather.ALERT_TRIANGLE));
        problem.setId("models-problem");
        problem.getStyleClass().add(Styles.DANGER);
        problem.descriptionProperty().bind(model.listProblemProperty());
        Button retry = new Button("Try again", new FontIcon(Feather.REFRESH_CW));
        retry.setId("retry-models");
        retry.setOnAction(e -> model.reload());
        VBox problemBox = new VBox(12, problem, retry);
        problemBox.setId("models-problem-box");
        problemBox.visibleProperty().bind(model.listProblemProperty().isNotEmpty());
        listAndDetails.visibleProperty().bind(problemBox.visibleProperty().not());

        StackPane center = new StackPane(listAndDetails, problemBox);
        StackPane.setAlignment(problemBox, Pos.TOP_LEFT);
        VBox.setVgrow(center, Priority.ALWAYS);
        getChildren().addAll(toolbar(), confirmRow(), center);

        addEventHandler(KeyEvent.KEY_PRESSED, e -> {
            if (e.getCode() == KeyCode.F5) {
                model.reload();
                e.consume();
            } else if (e.getCode() == KeyCode.ESCAPE && confirmRow.isVisible()) {
                model.cancelDelete();
                e.consume();
            }
        });
        // The list is read the first time the screen is on a window, not when it is built.
        sceneProperty().addListener((obs, was, now) -> {
            if (now != null) {
                model.loadOnce();
            }
        });
    }

    private HBox pullRow() {
        PullViewModel pull = model.pull();
        pullName.setId("pull-name");
        pullName.setPromptText("Model to pull, e.g. llama3.2 or qwen2.5:0.5b");
        pullName.setPrefColumnCount(28);
        pullName.textProperty().bindBidirectional(pull.nameProperty());
        pullName.setOnAction(e -> startPull());
        Button start = new Button("Pull", new FontIcon(Feather.DOWNLOAD));
        start.setId("pull-model");
        start.getStyleClass().add(Styles.ACCENT);
        start.setOnAction(e -> startPull());
        start.setMinWidth(Region.USE_PREF_SIZE);
        Label pullHint = Labels.wrapped("", Styles.DANGER);
        pullHint.setId("pull-hint");
        pullHint.textProperty().bind(pull.hintProperty());
        Label label = new Label("Pull a model");
        label.setLabelFor(pullName);
        label.getStyleClass().add(Styles.TEXT_BOLD);
        label.setMinWidth(Region.USE_PREF_SIZE);
        HBox row = new HBox(12, label, pullName, start, pullHint);
        row.setAlignment(Pos.CENTER_LEFT);
        HBox.setHgrow(pullHint, Priority.ALWAYS);
        return row;
    }

    /** Starts the pull; when the name is wrong the hint says why and the field keeps the focus. */
    private void startPull() {
        model.pull().start();
        if (!model.pull().hintProperty().get().isEmpty() && !model.pull().pulling()) {
            pullName.requestFocus();
        }
    }

    private HBox toolbar() {
        Button refresh = new Button("Refresh", new FontIcon(Feather.REFRESH_CW));
        refresh.setId("refresh-models");
        refresh.setOnAction(e -> model.reload());
        refresh.disableProperty().bind(model.readingProperty());
        Button delete = new Button("Delete…", new FontIcon(Feather.TRASH_2));
        delete.setId("delete-model");
        delete.getStyleClass().addAll(Styles.DANGER, Styles.BUTTON_OUTLINED);
        delete.disableProperty().bind(model.selectedProperty().isNull().or(model.deletingProperty()));
        delete.setOnAction(e -> askDelete());
        Label hint = new Label("F5 refreshes · Delete removes the selected model");
        hint.getStyleClass().addAll(Styles.TEXT_MUTED, Styles.TEXT_SMALL);
        Region spacer = new Region();
        HBox.setHgrow(spacer, Priority.ALWAYS);
        HBox bar = new HBox(8, refresh, delete, spacer, hint);
        bar.setAlignment(Pos.CENTER_LEFT);
        return bar;
    }

    private HBox confirmRow() {
        confirmRow.setId("delete-confirm");
        confirmRow.getStyleClass().add("confirm-row");
        confirmRow.setAlignment(Pos.CENTER_LEFT);
        Label confirmText = Labels.wrapped("");
        confirmText.setId("delete-question");
        confirmText.textProperty().bind(model.deleteQuestionProperty());
        HBox.setHgrow(confirmText, Priority.ALWAYS);
        confirmText.setMaxWidth(Double.MAX_VALUE);
        confirmDelete.setId("confirm-delete");
        confirmDelete.getStyleClass().add(Styles.DANGER);
        confirmDelete.setMinWidth(Region.USE_PREF_SIZE);
        confirmDelete.setOnAction(e -> model.confirmDelete());
        cancelDelete.setId("cancel-delete");
        cancelDelete.setMinWidth(Region.USE_PREF_SIZE);
        cancelDelete.setOnAction(e -> model.cancelDelete());
        confirmRow.getChildren().addAll(new FontIcon(Feather.ALERT_TRIANGLE), confirmText, confirmDelete, cancelDelete);
        confirmRow.visibleProperty().bind(model.deleteQuestionProperty().isNotEmpty());
        confirmRow.managedProperty().bind(confirmRow.visibleProperty());
        // Hiding the row must not leave the focus on a button that is gone.
        confirmRow.visibleProperty().addListener((obs, was, now) -> {
            if (!now && getScene() != null && (getScene().getFocusOwner() == confirmDelete
                    || getScene().getFocusOwner() == cancelDelete)) {
                table.requestFocus();
            }
        });
        return confirmRow;
    }

    private void askDelete() {
        model.askDelete();
        if (confirmRow.isVisible()) {
            cancelDelete.requestFocus();
        }
    }

    private void buildTable() {
        table.setId("model-table");
        table.setItems(model.models());
        table.getStyleClass().add(Styles.STRIPED);
        table.setColumnResizePolicy(TableView.CONSTRAINED_RESIZE_POLICY_FLEX_LAST_COLUMN);
        TableColumn<LocalModel, String> name = textColumn("Name", LocalModel::name, 140);
        name.setPrefWidth(200);
        TableColumn<LocalModel, String> family = textColumn("Family", m -> m.family().orElse("unknown"), 70);
        TableColumn<LocalModel, String> parameters = textColumn("Parameters", m -> m.parameterSize().orElse("unknown"),
                105);
        TableColumn<LocalModel, String> quantization = textColumn("Quantization",
                m -> m.quantization().orElse("unknown"), 115);
        TableColumn<LocalModel, Long> size = new TableColumn<>("Size on disk");
        size.setId("column-size");
        size.setCellValueFactory(cell -> new ReadOnlyObjectWrapper<>(cell.getValue().sizeBytes()));
        size.setCellFactory(column -> formatted(PullBoard::bytes));
        size.getStyleClass().add(Tweaks.ALIGN_RIGHT);
        size.setMinWidth(105);
        TableColumn<LocalModel, Instant> modified = new TableColumn<>("Modified");
        modified.setId("column-modified");
        modified.setCellValueFactory(cell -> new ReadOnlyObjectWrapper<>(cell.getValue().modifiedAt().orElse(null)));
        modified.setCellFactory(column -> formatted(days::format));
        modified.setMinWidth(105);
        table.getColumns().setAll(List.of(name, family, parameters, quantization, size, modified));
        Label emptyText = Labels.wrapped("");
        emptyText.setId("models-empty");
        emptyText.setPadding(new Insets(16));
        emptyText.textProperty().bind(model.emptyTextProperty());
        table.setPlaceholder(emptyText);
        table.getSelectionModel().selectedItemProperty().addListener((obs, was, now) -> model.selectedProperty().set(now));
        model.selectedProperty().addListener((obs, was, now) -> {
            if (now == null) {
                table.getSelectionModel().clearSelection();
            } else if (table.getSelectionModel().getSelectedItem() != now) {
                table.getSelectionModel().select(now);
                table.scrollTo(now);
            }
        });
        table.addEventHandler(KeyEvent.KEY_PRESSED, e -> {
            if ((e.getCode() == KeyCode.DELETE || e.getCode() == KeyCode.BACK_SPACE)
                    && table.getSelectionModel().getSelectedItem() != null) {
                askDelete();
                e.consume();
            }
        });
    }

    private static TableColumn<LocalModel, String> textColumn(String title, Function<LocalModel, String> value,
                                                              double minWidth) {
        TableColumn<LocalModel, String> column = new TableColumn<>(title);
        column.setId("column-" + title.toLowerCase(java.util.Locale.ROOT).replace(' ', '-'));
        column.setCellValueFactory(cell -> new ReadOnlyStringWrapper(value.apply(cell.getValue())));
        column.setMinWidth(minWidth);
        column.setPrefWidth(minWidth);
        return column;
    }

    private static <T> TableCell<LocalModel, T> formatted(Function<T, String> format) {
        return new TableCell<>() {
            @Override
            protected void updateItem(T item, boolean empty) {
                super.updateItem(item, empty);
                setText(empty ? null : item == null ? "unknown" : format.apply(item));
            }
        };
    }

    @Override
    public List<String> running() {
        return model.pull().pulling() ? List.of("a model pull") : List.of();
    }

    @Override
    public void stop() {
        model.pull().cancel();
    }

    @Override
    public void focusFirst() {
        if (!table.getItems().isEmpty()) {
            table.requestFocus();
        } else {
            pullName.requestFocus();
        }
    }
}
