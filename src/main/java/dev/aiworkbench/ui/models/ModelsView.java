package dev.aiworkbench.ui.models;

import atlantafx.base.controls.Message;
import atlantafx.base.theme.Styles;
import atlantafx.base.theme.Tweaks;
import dev.aiworkbench.llm.LocalModel;
import dev.aiworkbench.llm.ModelGateway;
import dev.aiworkbench.llm.PullBoard;
import dev.aiworkbench.llm.ServerStatus;
import dev.aiworkbench.ui.Session;
import dev.aiworkbench.ui.common.Labels;
import dev.aiworkbench.ui.shell.FocusableScreen;
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

import java.net.URI;
import java.time.Instant;
import java.time.format.DateTimeFormatter;
import java.time.format.FormatStyle;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;

/**
 * The models on the Ollama server: a table with family, parameter size, quantization, size on
 * disk and date; pulling by name with progress per layer; deleting after an in-window confirm; and
 * the selected model's template, parameters and capabilities. Every call to the server runs on the
 * session's model worker; when the server cannot be reached the screen says so, with the fix.
 */
public final class ModelsView extends VBox implements FocusableScreen {
    private final Session session;
    private final DateTimeFormatter dates;
    private final DateTimeFormatter days;
    private final TableView<LocalModel> table = new TableView<>();
    private final Label listStatus = new Label();
    private final Label emptyText = Labels.wrapped("");
    private final Message problem = new Message("Could not read the models", "", new FontIcon(Feather.ALERT_TRIANGLE));
    private final VBox problemBox;
    private final SplitPane listAndDetails;
    private final Button refresh = new Button("Refresh", new FontIcon(Feather.REFRESH_CW));
    private final Button delete = new Button("Delete…", new FontIcon(Feather.TRASH_2));
    private final HBox confirmRow = new HBox(12);
    private final Label confirmText = Labels.wrapped("");
    private final Button confirmDelete = new Button("Yes, delete", new FontIcon(Feather.TRASH_2));
    private final Button cancelDelete = new Button("No, keep it");
    private final TextField pullName = new TextField();
    private final Button pull = new Button("Pull", new FontIcon(Feather.DOWNLOAD));
    private final Label pullHint = Labels.wrapped("", Styles.DANGER);
    private final PullPanel pullPanel;
    private final ModelDetailsPane details;
    private LocalModel pendingDelete;
    private boolean loadStarted;
    private boolean listFailed;
    private URI listedFrom;
    private int listRequest;

    public ModelsView(Session session) {
        this.session = session;
        this.dates = DateTimeFormatter.ofLocalizedDateTime(FormatStyle.MEDIUM, FormatStyle.SHORT)
                .withZone(session.clock().getZone());
        this.days = DateTimeFormatter.ofLocalizedDate(FormatStyle.MEDIUM).withZone(session.clock().getZone());
        this.details = new ModelDetailsPane(session, dates);
        this.pullPanel = new PullPanel(session, name -> reload("Pulled " + name + ".", Optional.of(name)));
        setId("models");
        getStyleClass().add("models-screen");
        setSpacing(16);
        setPadding(new Insets(24, 32, 24, 32));

        Label title = new Label("Models");
        title.getStyleClass().add(Styles.TITLE_2);
        listStatus.setId("models-status");
        listStatus.getStyleClass().add(Styles.TEXT_MUTED);
        Labels.wrap(listStatus);
        getChildren().add(new VBox(4, title, listStatus));

        getChildren().addAll(pullRow(), pullPanel);

        buildTable();
        listAndDetails = new SplitPane(table, details);
        listAndDetails.setOrientation(Orientation.HORIZONTAL);
        listAndDetails.setDividerPositions(0.64);
        SplitPane.setResizableWithParent(details, false);

        problem.setId("models-problem");
        problem.getStyleClass().add(Styles.DANGER);
        Button retry = new Button("Try again", new FontIcon(Feather.REFRESH_CW));
        retry.setId("retry-models");
        retry.setOnAction(e -> reload(null, Optional.empty()));
        problemBox = new VBox(12, problem, retry);
        problemBox.setId("models-problem-box");
        problemBox.setVisible(false);

        StackPane center = new StackPane(listAndDetails, problemBox);
        StackPane.setAlignment(problemBox, Pos.TOP_LEFT);
        VBox.setVgrow(center, Priority.ALWAYS);
        getChildren().addAll(toolbar(), confirmRow(), center);

        addEventHandler(KeyEvent.KEY_PRESSED, e -> {
            if (e.getCode() == KeyCode.F5) {
                reload(null, Optional.empty());
                e.consume();
            } else if (e.getCode() == KeyCode.ESCAPE && confirmRow.isVisible()) {
                hideConfirm();
                e.consume();
            }
        });
        // The list is read the first time the screen is on a window, not when it is built.
        sceneProperty().addListener((obs, was, now) -> {
            if (now != null && !loadStarted) {
                reload(null, Optional.empty());
            }
        });
        // A server that starts answering, or a new address saved in Settings, brings the list up to date.
        session.serverStatusProperty().addListener((obs, was, now) -> serverChanged(now));
    }

    private HBox pullRow() {
        pullName.setId("pull-name");
        pullName.setPromptText("Model to pull, e.g. llama3.2 or qwen2.5:0.5b");
        pullName.setPrefColumnCount(28);
        pullName.setOnAction(e -> startPull());
        pullName.textProperty().addListener((obs, was, now) -> pullHint.setText(""));
        pull.setId("pull-model");
        pull.getStyleClass().add(Styles.ACCENT);
        pull.setOnAction(e -> startPull());
        pull.setMinWidth(Region.USE_PREF_SIZE);
        pullHint.setId("pull-hint");
        Label label = new Label("Pull a model");
        label.setLabelFor(pullName);
        label.getStyleClass().add(Styles.TEXT_BOLD);
        label.setMinWidth(Region.USE_PREF_SIZE);
        HBox row = new HBox(12, label, pullName, pull, pullHint);
        row.setAlignment(Pos.CENTER_LEFT);
        HBox.setHgrow(pullHint, Priority.ALWAYS);
        return row;
    }

    private HBox toolbar() {
        refresh.setId("refresh-models");
        refresh.setOnAction(e -> reload(null, Optional.empty()));
        delete.setId("delete-model");
        delete.getStyleClass().addAll(Styles.DANGER, Styles.BUTTON_OUTLINED);
        delete.setDisable(true);
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
        confirmText.setId("delete-question");
        HBox.setHgrow(confirmText, Priority.ALWAYS);
        confirmText.setMaxWidth(Double.MAX_VALUE);
        confirmDelete.setId("confirm-delete");
        confirmDelete.getStyleClass().add(Styles.DANGER);
        confirmDelete.setMinWidth(Region.USE_PREF_SIZE);
        confirmDelete.setOnAction(e -> deleteConfirmed());
        cancelDelete.setId("cancel-delete");
        cancelDelete.setMinWidth(Region.USE_PREF_SIZE);
        cancelDelete.setOnAction(e -> hideConfirm());
        confirmRow.getChildren().addAll(new FontIcon(Feather.ALERT_TRIANGLE), confirmText, confirmDelete, cancelDelete);
        confirmRow.setVisible(false);
        confirmRow.setManaged(false);
        return confirmRow;
    }

    private void buildTable() {
        table.setId("model-table");
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
        emptyText.setId("models-empty");
        emptyText.setPadding(new Insets(16));
        table.setPlaceholder(emptyText);
        table.getSelectionModel().selectedItemProperty().addListener((obs, was, now) -> {
            delete.setDisable(now == null);
            hideConfirm();
            if (now == null) {
                details.clear();
            } else if (was == null || !was.equals(now)) {
                details.show(now);
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

    // ---------------------------------------------------------------------------------------------
    // listing

    private record Listing(URI server, Outcome<List<LocalModel>> models) {
    }

    /**
     * Reads the list again. {@code notice} leads the status line (e.g. "Deleted x."); {@code select}
     * names the model to select afterwards (a fresh pull), else the selection is kept.
     */
    private void reload(String notice, Optional<String> select) {
        loadStarted = true;
        int asked = ++listRequest;
        refresh.setDisable(true);
        setStatus((notice == null ? "" : notice + " ") + "Reading the list of models…", false);
        Optional<String> keep = select.or(() -> Optional.ofNullable(table.getSelectionModel().getSelectedItem())
                .map(LocalModel::name));
        session.modelCall(() -> {
            ModelGateway gateway = session.workbench().models();
            return new Listing(gateway.baseUri(), Outcome.ofServer(gateway::listModels));
        }, listing -> {
            if (asked != listRequest) {
                return;
            }
            refresh.setDisable(false);
            listedFrom = listing.server();
            if (listing.models().isOk()) {
                showModels(listing.server(), listing.models().value(), notice, keep);
            } else {
                showProblem(listing.models().problem());
            }
        });
    }

    private void showModels(URI server, List<LocalModel> models, String notice, Optional<String> keep) {
        listFailed = false;
        problemBox.setVisible(false);
        listAndDetails.setVisible(true);
        table.getItems().setAll(models);
        int count = models.size();
        setStatus((notice == null ? "" : notice + " ") + (count == 0 ? "No models" : count == 1 ? "1 model"
                : count + " models") + " on the Ollama server at " + server + ".", false);
        emptyText.setText("No models on " + server + " yet. Type a name above and press Pull; qwen2.5:0.5b is a "
                + "small one to start with, and https://ollama.com/library lists them all.");
        Optional<LocalModel> selected = keep.flatMap(name -> models.stream()
                .filter(m -> m.name().equals(name) || m.name().equals(name + ":latest")).findFirst());
        if (selected.isPresent()) {
            table.getSelectionModel().select(selected.get());
            table.scrollTo(selected.get());
        } else {
            table.getSelectionModel().clearSelection();
        }
    }

    private void showProblem(String sentence) {
        listFailed = true;
        table.getItems().clear();
        problem.setDescription(sentence);
        setStatus("The list of models could not be read.", false);
        listAndDetails.setVisible(false);
        problemBox.setVisible(true);
    }

    private void serverChanged(ServerStatus status) {
        if (status == null || !loadStarted) {
            return;
        }
        boolean moved = listedFrom != null && !listedFrom.equals(status.server());
        if (moved || (status.reachable() && listFailed)) {
            reload(null, Optional.empty());
        }
    }

    // ---------------------------------------------------------------------------------------------
    // pulling

    private void startPull() {
        String name = pullName.getText() == null ? "" : pullName.getText().strip();
        if (name.isEmpty()) {
            pullHint.setText("Type the name of a model first, e.g. llama3.2; https://ollama.com/library lists them.");
            pullName.requestFocus();
            return;
        }
        if (name.chars().anyMatch(Character::isWhitespace)) {
            pullHint.setText("A model name has no spaces: use a form like llama3.2 or qwen2.5:0.5b.");
            pullName.requestFocus();
            return;
        }
        if (pullPanel.pulling()) {
            pullHint.setText("One pull at a time: wait for this one, or cancel it.");
            return;
        }
        pullHint.setText("");
        pullPanel.start(name);
    }

    // ---------------------------------------------------------------------------------------------
    // deleting

    private void askDelete() {
        LocalModel model = table.getSelectionModel().getSelectedItem();
        if (model == null) {
            return;
        }
        pendingDelete = model;
        confirmText.setText("Delete " + model.name() + "? It frees " + PullBoard.bytes(model.sizeBytes())
                + "; using it again means pulling it again.");
        confirmRow.setVisible(true);
        confirmRow.setManaged(true);
        cancelDelete.requestFocus();
    }

    private void hideConfirm() {
        boolean hadFocus = confirmRow.isVisible() && getScene() != null
                && (getScene().getFocusOwner() == confirmDelete || getScene().getFocusOwner() == cancelDelete);
        pendingDelete = null;
        confirmRow.setVisible(false);
        confirmRow.setManaged(false);
        if (hadFocus) {
            table.requestFocus();
        }
    }

    private void deleteConfirmed() {
        LocalModel model = pendingDelete;
        hideConfirm();
        if (model == null) {
            return;
        }
        delete.setDisable(true);
        setStatus("Deleting " + model.name() + "…", false);
        session.modelCall(() -> Outcome.ofServer(() -> {
            session.workbench().models().delete(model.name());
            return model.name();
        }), outcome -> {
            if (outcome.isOk()) {
                reload("Deleted " + model.name() + ".", Optional.empty());
                table.requestFocus();
            } else {
                delete.setDisable(table.getSelectionModel().getSelectedItem() == null);
                setStatus(outcome.problem(), true);
            }
        });
    }

    private void setStatus(String text, boolean problem) {
        listStatus.setText(text);
        listStatus.getStyleClass().removeAll(Styles.TEXT_MUTED, Styles.DANGER);
        listStatus.getStyleClass().add(problem ? Styles.DANGER : Styles.TEXT_MUTED);
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
