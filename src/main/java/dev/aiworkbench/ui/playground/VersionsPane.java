package dev.aiworkbench.ui.playground;

import atlantafx.base.theme.Styles;
import dev.aiworkbench.llm.ToolDefinition;
import dev.aiworkbench.prompts.PromptVersion;
import javafx.scene.control.Button;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.ListCell;
import javafx.scene.control.ListView;
import javafx.scene.control.ScrollPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;

import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.format.FormatStyle;
import java.util.function.Consumer;

/** A prompt's versions (number, date, author, note), opening one, and a line diff between any two. */
final class VersionsPane extends VBox {
    private static final DateTimeFormatter WHEN = DateTimeFormatter.ofLocalizedDateTime(FormatStyle.SHORT)
            .withZone(ZoneId.systemDefault());

    VersionsPane(VersionsViewModel model, Consumer<PromptVersion> open) {
        setSpacing(8);
        ComboBox<String> prompt = new ComboBox<>(model.names());
        prompt.setId("versions-prompt");
        prompt.setPromptText("saved prompt");
        prompt.valueProperty().bindBidirectional(model.promptProperty());
        ListView<PromptVersion> versions = new ListView<>(model.versions());
        versions.setId("versions-list");
        versions.setPrefHeight(160);
        versions.setCellFactory(list -> new VersionCell());
        Button openButton = new Button("Open in editor");
        openButton.setId("open-version");
        openButton.setOnAction(e -> open.accept(versions.getSelectionModel().getSelectedItem()));
        ComboBox<Integer> from = new ComboBox<>(model.numbers());
        from.setId("diff-from");
        from.valueProperty().bindBidirectional(model.fromProperty());
        ComboBox<Integer> to = new ComboBox<>(model.numbers());
        to.setId("diff-to");
        to.valueProperty().bindBidirectional(model.toProperty());
        Button show = new Button("Show diff");
        show.setId("show-diff");
        show.setOnAction(e -> model.showDiff());
        Label diffLabel = new Label("Compare version");
        DiffView diff = new DiffView();
        model.diffProperty().addListener((obs, was, now) -> diff.show(now));
        ScrollPane diffScroll = new ScrollPane(diff);
        diffScroll.setFitToWidth(true);
        VBox.setVgrow(diffScroll, Priority.ALWAYS);
        Label hint = new Label("Versions never change once saved; each save of different content adds one.");
        hint.getStyleClass().add(Styles.TEXT_MUTED);
        getChildren().addAll(hint, prompt, versions, openButton,
                new HBox(8, diffLabel, from, new Label("with"), to, show), diffScroll);
    }

    private static final class VersionCell extends ListCell<PromptVersion> {
        @Override
        protected void updateItem(PromptVersion version, boolean empty) {
            super.updateItem(version, empty);
            setText(empty || version == null ? null : "v" + version.version() + "  " + WHEN.format(version.createdAt())
                    + "  " + version.author() + (version.note() == null || version.note().isBlank() ? ""
                    : "  · " + version.note()) + tools(version));
        }

        /** Which tools the version offers, so a learner sees it without opening the version. */
        private static String tools(PromptVersion version) {
            return version.content().tools().isEmpty() ? "" : "  · tools: " + String.join(", ",
                    version.content().tools().stream().map(ToolDefinition::name).toList());
        }
    }
}
