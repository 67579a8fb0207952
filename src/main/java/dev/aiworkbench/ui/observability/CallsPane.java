package dev.aiworkbench.ui.observability;

import atlantafx.base.theme.Styles;
import atlantafx.base.theme.Tweaks;
import dev.aiworkbench.observability.ModelCall;
import dev.aiworkbench.observability.StoredCall;
import dev.aiworkbench.ui.common.Labels;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.collections.ListChangeListener;
import javafx.geometry.Pos;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.ScrollPane;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableView;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;
import org.kordamp.ikonli.feather.Feather;
import org.kordamp.ikonli.javafx.FontIcon;

import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.function.Function;

/**
 * The drill-down beside the charts: the calls behind the point picked, newest first; a picked call's fields; and
 * the way on to its eval case or playground run.
 */
final class CallsPane extends VBox {
    CallsPane(ObservabilityViewModel model, ZoneId zone) {
        super(8);
        setId("dash-calls");
        getStyleClass().add("dash-calls");
        Label title = Labels.wrapped("", Styles.TEXT_BOLD);
        title.setId("dash-calls-title");
        model.drillProperty().addListener((obs, was, now) -> title.setText(now == null ? "" : now.title()));
        Button close = new Button(null, new FontIcon(Feather.X));
        close.setId("dash-calls-close");
        close.getStyleClass().addAll(Styles.BUTTON_ICON, Styles.FLAT);
        close.setOnAction(e -> model.closeDrill());
        Region gap = new Region();
        HBox.setHgrow(gap, Priority.ALWAYS);
        HBox header = new HBox(8, title, gap, close);
        header.setAlignment(Pos.TOP_LEFT);
        Label status = Labels.wrapped("", Styles.TEXT_MUTED, Styles.TEXT_SMALL);
        status.setId("dash-calls-status");
        status.textProperty().bind(model.drillStatusProperty());

        TableView<StoredCall> table = table(model, zone);
        VBox.setVgrow(table, Priority.ALWAYS);

        GridPane fields = new GridPane();
        fields.setId("dash-call-fields");
        fields.setHgap(12);
        fields.setVgap(2);
        model.callFields().addListener((ListChangeListener<CallField>) change -> {
            fields.getChildren().clear();
            int row = 0;
            for (CallField field : model.callFields()) {
                Label label = new Label(field.label());
                label.getStyleClass().addAll(Styles.TEXT_MUTED, Styles.TEXT_SMALL);
                label.setMinWidth(Region.USE_PREF_SIZE);
                fields.addRow(row++, label, Labels.wrapped(field.value()));
            }
        });
        Button evalCase = new Button("Open eval case", new FontIcon(Feather.CHECK_SQUARE));
        evalCase.setId("open-eval-case");
        evalCase.disableProperty().bind(model.canOpenEvalCaseProperty().not());
        evalCase.setOnAction(e -> model.openEvalCase());
        Button playgroundRun = new Button("Open playground run", new FontIcon(Feather.TERMINAL));
        playgroundRun.setId("open-playground-run");
        playgroundRun.disableProperty().bind(model.canOpenPlaygroundRunProperty().not());
        playgroundRun.setOnAction(e -> model.openPlaygroundRun());
        HBox links = new HBox(8, evalCase, playgroundRun);
        // The links sit under the table and the fields scroll, so a short window never hides the way on.
        ScrollPane details = new ScrollPane(fields);
        details.setFitToWidth(true);
        details.getStyleClass().add(Tweaks.EDGE_TO_EDGE);
        details.setMinHeight(80);
        getChildren().addAll(header, status, table, links, details);
    }

    private static TableView<StoredCall> table(ObservabilityViewModel model, ZoneId zone) {
        TableView<StoredCall> table = new TableView<>(model.calls());
        table.setId("dash-call-table");
        table.setPlaceholder(Labels.wrapped("Pick a bar or a point of a chart to list the calls behind it.",
                Styles.TEXT_MUTED));
        table.setColumnResizePolicy(TableView.CONSTRAINED_RESIZE_POLICY_SUBSEQUENT_COLUMNS);
        table.setMinHeight(200);
        DateTimeFormatter time = DateTimeFormatter.ofPattern("MM-dd HH:mm").withZone(zone);
        table.getStyleClass().addAll(Styles.DENSE, Styles.STRIPED);
        table.getColumns().add(column("Started", 100, c -> time.format(c.startedAt())));
        table.getColumns().add(column("Feature", 90, c -> c.tag().feature().id()));
        table.getColumns().add(column("Model", 120, ModelCall::model));
        table.getColumns().add(column("Outcome", 70, c -> c.errorKind() != null ? c.errorKind() : c.outcome().id()));
        table.getColumns().add(column("TTFT", 70, c -> DashTexts.ms(c.ttftMs())));
        table.getColumns().add(column("Total", 70, c -> DashTexts.ms(c.totalMs())));
        table.getSelectionModel().selectedItemProperty().addListener((obs, was, now) ->
                model.selectedCallProperty().set(now));
        model.selectedCallProperty().addListener((obs, was, now) -> {
            if (now == null) {
                table.getSelectionModel().clearSelection();
            }
        });
        return table;
    }

    private static TableColumn<StoredCall, String> column(String name, double width, Function<ModelCall, String> text) {
        TableColumn<StoredCall, String> column = new TableColumn<>(name);
        column.setPrefWidth(width);
        column.setCellValueFactory(cell -> new ReadOnlyStringWrapper(text.apply(cell.getValue().call())));
        return column;
    }
}
