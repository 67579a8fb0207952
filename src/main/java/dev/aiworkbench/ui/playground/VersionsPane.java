package dev.aiworkbench.ui.playground;

import atlantafx.base.theme.Styles;
import dev.aiworkbench.prompts.PromptRef;
import dev.aiworkbench.prompts.PromptVersion;
import dev.aiworkbench.ui.Session;
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
import java.util.List;
import java.util.function.Consumer;

/** A prompt's versions (number, date, author, note), opening one, and a line diff between any two. */
final class VersionsPane extends VBox {
    private static final DateTimeFormatter WHEN = DateTimeFormatter.ofLocalizedDateTime(FormatStyle.SHORT)
            .withZone(ZoneId.systemDefault());

    private final Session session;
    private final ComboBox<String> prompt = new ComboBox<>();
    private final ListView<PromptVersion> versions = new ListView<>();
    private final ComboBox<Integer> from = new ComboBox<>();
    private final ComboBox<Integer> to = new ComboBox<>();
    private final DiffView diff = new DiffView();

    VersionsPane(Session session, Consumer<PromptVersion> open) {
        this.session = session;
        setSpacing(8);
        prompt.setId("versions-prompt");
        prompt.setPromptText("saved prompt");
        prompt.setOnAction(e -> load(prompt.getValue()));
        versions.setId("versions-list");
        versions.setPrefHeight(160);
        versions.setCellFactory(list -> new VersionCell());
        Button openButton = new Button("Open in editor");
        openButton.setId("open-version");
        openButton.setOnAction(e -> {
            PromptVersion selected = versions.getSelectionModel().getSelectedItem();
            if (selected != null) {
                open.accept(selected);
            }
        });
        from.setId("diff-from");
        to.setId("diff-to");
        Button show = new Button("Show diff");
        show.setId("show-diff");
        show.setOnAction(e -> showDiff());
        Label diffLabel = new Label("Compare version");
        ScrollPane diffScroll = new ScrollPane(diff);
        diffScroll.setFitToWidth(true);
        VBox.setVgrow(diffScroll, Priority.ALWAYS);
        Label hint = new Label("Versions never change once saved; each save of different content adds one.");
        hint.getStyleClass().add(Styles.TEXT_MUTED);
        getChildren().addAll(hint, prompt, versions, openButton,
                new HBox(8, diffLabel, from, new Label("with"), to, show), diffScroll);
    }

    void refresh(String select) {
        session.background(() -> session.workbench().prompts().list(), list -> {
            prompt.getItems().setAll(list.stream().map(p -> p.name()).toList());
            if (select != null) {
                prompt.setValue(select);
                load(select);
            }
        });
    }

    private void load(String name) {
        if (name == null) {
            return;
        }
        session.background(() -> session.workbench().prompts().versions(name), this::show);
    }

    private void show(List<PromptVersion> list) {
        versions.getItems().setAll(list);
        List<Integer> numbers = list.stream().map(PromptVersion::version).toList();
        from.getItems().setAll(numbers);
        to.getItems().setAll(numbers);
        if (numbers.size() >= 2) {
            from.setValue(numbers.get(numbers.size() - 2));
            to.setValue(numbers.get(numbers.size() - 1));
        }
    }

    private void showDiff() {
        String name = prompt.getValue();
        if (name == null || from.getValue() == null || to.getValue() == null) {
            return;
        }
        PromptRef older = PromptRef.of(name, from.getValue());
        PromptRef newer = PromptRef.of(name, to.getValue());
        session.background(() -> session.workbench().prompts().diff(older, newer), diff::show);
    }

    private static final class VersionCell extends ListCell<PromptVersion> {
        @Override
        protected void updateItem(PromptVersion version, boolean empty) {
            super.updateItem(version, empty);
            setText(empty || version == null ? null : "v" + version.version() + "  " + WHEN.format(version.createdAt())
                    + "  " + version.author() + (version.note() == null || version.note().isBlank() ? ""
                    : "  · " + version.note()));
        }
    }
}
