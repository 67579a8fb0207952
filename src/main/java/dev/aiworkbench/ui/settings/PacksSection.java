package dev.aiworkbench.ui.settings;

import atlantafx.base.theme.Styles;
import dev.aiworkbench.packs.ListedPack;
import dev.aiworkbench.ui.common.ConfirmRow;
import dev.aiworkbench.ui.common.Labels;
import javafx.beans.binding.Bindings;
import javafx.geometry.Pos;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.ListCell;
import javafx.scene.control.ListView;
import javafx.scene.input.DragEvent;
import javafx.scene.input.TransferMode;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;
import javafx.stage.DirectoryChooser;
import javafx.stage.FileChooser;
import org.kordamp.ikonli.feather.Feather;
import org.kordamp.ikonli.javafx.FontIcon;

import java.io.File;
import java.util.List;

/**
 * The packs the learner can walk, with "Use" and "Remove" on each, and "Install pack…" from a zip, a folder, or
 * either dropped on the section. Every install and removal asks in the section before it acts.
 */
public final class PacksSection extends VBox {
    private final PacksViewModel model;

    public PacksSection(PacksViewModel model) {
        super(10);
        this.model = model;
        setId("packs");
        ListView<ListedPack> list = new ListView<>(model.packs());
        list.setId("pack-list");
        list.setPrefHeight(150);
        list.setCellFactory(view -> new PackCell(model));
        Button installZip = new Button("Install pack…", new FontIcon(Feather.PACKAGE));
        installZip.setId("install-pack");
        installZip.disableProperty().bind(model.busyProperty());
        installZip.setOnAction(e -> {
            FileChooser chooser = new FileChooser();
            chooser.setTitle("Install a pack");
            chooser.getExtensionFilters().add(new FileChooser.ExtensionFilter("Pack (.wbpack, .zip)", "*.wbpack", "*.zip"));
            File chosen = chooser.showOpenDialog(getScene().getWindow());
            model.chooseSource(chosen == null ? null : chosen.toPath());
        });
        Button installFolder = new Button("Install from folder…", new FontIcon(Feather.FOLDER));
        installFolder.setId("install-pack-folder");
        installFolder.disableProperty().bind(model.busyProperty());
        installFolder.setOnAction(e -> {
            DirectoryChooser chooser = new DirectoryChooser();
            chooser.setTitle("Install a pack folder");
            File chosen = chooser.showDialog(getScene().getWindow());
            model.chooseSource(chosen == null ? null : chosen.toPath());
        });
        Label status = Labels.wrapped("", Styles.TEXT_MUTED);
        status.setId("pack-status");
        status.textProperty().bind(model.statusProperty());
        HBox.setHgrow(status, Priority.ALWAYS);
        ListView<String> problems = new ListView<>(model.problems());
        problems.setId("pack-problems");
        problems.setPrefHeight(120);
        problems.visibleProperty().bind(Bindings.isNotEmpty(model.problems()));
        problems.managedProperty().bind(problems.visibleProperty());
        Label restart = Labels.wrapped("", Styles.WARNING);
        restart.setId("pack-restart");
        restart.textProperty().bind(model.restartNoticeProperty());
        restart.visibleProperty().bind(model.restartNoticeProperty().isNotEmpty());
        restart.managedProperty().bind(restart.visibleProperty());
        ListView<String> report = new ListView<>(model.report());
        report.setId("pack-report");
        report.getStyleClass().add(Styles.DENSE);
        report.setPrefHeight(180);
        report.visibleProperty().bind(Bindings.isNotEmpty(model.report()));
        report.managedProperty().bind(report.visibleProperty());
        Label hint = Labels.wrapped("Drop a pack's .zip or folder here to install it. `workbench pack install`, "
                + "`list`, `use` and `remove` do the same from a terminal.", Styles.TEXT_MUTED);
        getChildren().addAll(list, new HBox(12, installZip, installFolder, status), confirmRow(model), report, problems,
                restart, hint);
        setOnDragOver(PacksSection::acceptOneFile);
        setOnDragDropped(e -> {
            e.setDropCompleted(takeDropped(e.getDragboard().hasFiles() ? e.getDragboard().getFiles() : List.of()));
            e.consume();
        });
        model.load();
    }

    /** What a drop on the section does: one file or folder is read as a pack to install; returns whether it was taken. */
    boolean takeDropped(List<File> files) {
        boolean one = files.size() == 1;
        if (one) {
            model.chooseSource(files.get(0).toPath());
        }
        return one;
    }

    /** One file or folder at a time; whether it is a pack is for the install's check to say, off the FX thread. */
    private static void acceptOneFile(DragEvent e) {
        if (e.getDragboard().hasFiles() && e.getDragboard().getFiles().size() == 1) {
            e.acceptTransferModes(TransferMode.COPY);
        }
        e.consume();
    }

    private static HBox confirmRow(PacksViewModel model) {
        Button confirm = new Button();
        confirm.setId("confirm-pack");
        confirm.textProperty().bind(model.confirmLabelProperty());
        confirm.getStyleClass().add(Styles.ACCENT);
        confirm.disableProperty().bind(model.busyProperty());
        confirm.setOnAction(e -> model.confirm());
        Button cancel = new Button("Cancel");
        cancel.setId("cancel-pack");
        cancel.setOnAction(e -> model.cancel());
        HBox row = ConfirmRow.of(model.questionProperty(), "pack-question", confirm, cancel);
        Button trust = new Button("Trust this key and install");
        trust.setId("trust-key-and-install");
        trust.setMinWidth(Region.USE_PREF_SIZE);
        trust.visibleProperty().bind(model.trustOfferedProperty());
        trust.managedProperty().bind(trust.visibleProperty());
        trust.disableProperty().bind(model.busyProperty());
        trust.setOnAction(e -> model.trustKeyAndInstall());
        row.getChildren().add(row.getChildren().indexOf(confirm), trust);
        return row;
    }

    /** A pack's line with its "Use" and (for an installed pack) "Remove" buttons. */
    private static final class PackCell extends ListCell<ListedPack> {
        private final PacksViewModel model;
        private final Label text = new Label();
        private final Button use = new Button("Use");
        private final Button remove = new Button("Remove");
        private final HBox row = new HBox(8, text, use, remove);

        PackCell(PacksViewModel model) {
            this.model = model;
            HBox.setHgrow(text, Priority.ALWAYS);
            text.setMaxWidth(Double.MAX_VALUE);
            row.setAlignment(Pos.CENTER_LEFT);
            use.getStyleClass().add(Styles.SMALL);
            remove.getStyleClass().addAll(Styles.SMALL, Styles.DANGER);
            remove.disableProperty().bind(model.busyProperty());
        }

        @Override
        protected void updateItem(ListedPack pack, boolean empty) {
            super.updateItem(pack, empty);
            if (empty || pack == null) {
                setGraphic(null);
                return;
            }
            text.setText(model.describe(pack));
            use.setId("use-" + pack.id());
            use.disableProperty().unbind();
            if (!model.canUse(pack)) {
                use.setDisable(true);
            } else {
                use.disableProperty().bind(model.busyProperty());
            }
            use.setOnAction(e -> model.use(pack));
            remove.setId("remove-" + pack.id());
            remove.setVisible(!pack.builtIn());
            remove.setOnAction(e -> model.askRemove(pack));
            setGraphic(row);
        }
    }
}
