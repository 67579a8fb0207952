package dev.aiworkbench.ui.settings;

import atlantafx.base.theme.Styles;
import dev.aiworkbench.store.Backup;
import dev.aiworkbench.ui.common.ConfirmRow;
import dev.aiworkbench.ui.common.Labels;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.ListCell;
import javafx.scene.control.ListView;
import javafx.scene.layout.HBox;
import javafx.scene.layout.VBox;
import org.kordamp.ikonli.feather.Feather;
import org.kordamp.ikonli.javafx.FontIcon;

/** The backups of the database, with "Back up now" and "Restore…", which asks in the window before it acts. */
public final class BackupsSection extends VBox {

    public BackupsSection(BackupsViewModel model) {
        super(10);
        setId("backups");
        ListView<Backup> list = new ListView<>(model.backups());
        list.setId("backup-list");
        list.setPrefHeight(180);
        list.setPlaceholder(new Label("No backups yet. One is made once a day and before every progress import."));
        list.setCellFactory(view -> new ListCell<>() {
            @Override
            protected void updateItem(Backup backup, boolean empty) {
                super.updateItem(backup, empty);
                setText(empty || backup == null ? null : model.describe(backup));
            }
        });
        Button backUp = new Button("Back up now", new FontIcon(Feather.SAVE));
        backUp.setId("back-up-now");
        backUp.setOnAction(e -> model.backUpNow());
        Button restore = new Button("Restore…", new FontIcon(Feather.ROTATE_CCW));
        restore.setId("restore-backup");
        restore.disableProperty().bind(list.getSelectionModel().selectedItemProperty().isNull());
        restore.setOnAction(e -> model.askRestore(list.getSelectionModel().getSelectedItem()));
        Label status = Labels.wrapped("", Styles.TEXT_MUTED);
        status.setId("backup-status");
        status.textProperty().bind(model.statusProperty());
        Label hint = Labels.wrapped("The newest seven are kept in the data folder's backups/ folder. "
                + "`workbench database backups` and `workbench database restore` do the same from a terminal.",
                Styles.TEXT_MUTED);
        getChildren().addAll(list, new HBox(12, backUp, restore, status), confirmRow(model), hint);
        model.load();
    }

    private static HBox confirmRow(BackupsViewModel model) {
        Button confirm = new Button("Restore and close", new FontIcon(Feather.ROTATE_CCW));
        confirm.setId("confirm-restore");
        confirm.getStyleClass().add(Styles.DANGER);
        confirm.setOnAction(e -> model.confirmRestore());
        Button cancel = new Button("Cancel");
        cancel.setId("cancel-restore");
        cancel.setOnAction(e -> model.cancelRestore());
        return ConfirmRow.of(model.restoreQuestionProperty(), "restore-question", confirm, cancel);
    }
}
