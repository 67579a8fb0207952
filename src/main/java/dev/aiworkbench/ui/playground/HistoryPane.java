package dev.aiworkbench.ui.playground;

import atlantafx.base.theme.Styles;
import dev.aiworkbench.prompts.RunSummary;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.ListCell;
import javafx.scene.control.ListView;
import javafx.scene.control.Tooltip;
import javafx.scene.input.KeyCode;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;

import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.format.FormatStyle;

/** Every kept run, newest first; Enter or a double click reopens one in the editor, Run again runs it again. */
final class HistoryPane extends VBox {
    private static final DateTimeFormatter WHEN = DateTimeFormatter.ofLocalizedDateTime(FormatStyle.SHORT)
            .withZone(ZoneId.systemDefault());

    HistoryPane(HistoryViewModel history) {
        setSpacing(8);
        ListView<RunSummary> runs = new ListView<>(history.runs());
        runs.setId("run-history");
        runs.setCellFactory(list -> new RunCell());
        VBox.setVgrow(runs, Priority.ALWAYS);
        history.selectedProperty().addListener((obs, was, now) -> {
            if (now != null && runs.getSelectionModel().getSelectedItem() != now) {
                runs.getSelectionModel().select(now);
                runs.scrollTo(now);
            }
        });
        runs.getSelectionModel().selectedItemProperty().addListener((obs, was, now) -> history.selectedProperty().set(now));
        Runnable open = () -> history.reopen(runs.getSelectionModel().getSelectedItem());
        runs.setOnMouseClicked(e -> {
            if (e.getClickCount() == 2) {
                open.run();
            }
        });
        runs.setOnKeyPressed(e -> {
            if (e.getCode() == KeyCode.ENTER) {
                open.run();
            }
        });
        Button reopenButton = new Button("Reopen");
        reopenButton.setId("reopen-run");
        reopenButton.setOnAction(e -> open.run());
        Button rerunButton = new Button("Run again");
        rerunButton.setId("rerun-run");
        rerunButton.setTooltip(new Tooltip("Runs the selected run's prompt again on the provider it was made on."));
        rerunButton.setOnAction(e -> history.rerun(runs.getSelectionModel().getSelectedItem()));
        Button refresh = new Button("Refresh");
        refresh.setOnAction(e -> history.refresh());
        Label hint = new Label("Every run is kept, with its template, variables, options, answer and figures.");
        hint.getStyleClass().add(Styles.TEXT_MUTED);
        getChildren().addAll(hint, runs, new HBox(8, reopenButton, rerunButton, refresh));
    }

    private static final class RunCell extends ListCell<RunSummary> {
        @Override
        protected void updateItem(RunSummary run, boolean empty) {
            super.updateItem(run, empty);
            if (empty || run == null) {
                setText(null);
                return;
            }
            setText("#" + run.id() + "  " + WHEN.format(run.createdAt()) + "  " + run.model()
                    + (run.provider() == null ? "" : ModelChoice.SEPARATOR + run.provider())
                    + (run.prompt() == null ? "" : "  " + run.prompt()) + "  " + run.status().name().toLowerCase(
                    java.util.Locale.ROOT) + tools(run) + "\n" + run.templatePreview().replace('\n', ' ') + "  →  "
                    + run.outputPreview().replace('\n', ' '));
        }

        private static String tools(RunSummary run) {
            if (run.tools() == 0) {
                return "";
            }
            return "  · " + run.tools() + (run.tools() == 1 ? " tool" : " tools") + (run.toolCalls() == 0 ? ""
                    : ", " + run.toolCalls() + (run.toolCalls() == 1 ? " call" : " calls"));
        }
    }
}
