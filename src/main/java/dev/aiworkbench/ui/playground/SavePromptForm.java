package dev.aiworkbench.ui.playground;

import atlantafx.base.theme.Styles;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.TextField;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;


/** The inline form that saves the editor's content as a new version of a named prompt; shown while the view model says so. */
final class SavePromptForm extends HBox {
    private final TextField name = new TextField();
    private final TextField author = new TextField();
    private final TextField note = new TextField();
    private final PlaygroundViewModel model;

    SavePromptForm(PlaygroundViewModel model, String defaultAuthor) {
        setId("save-form");
        setSpacing(8);
        getStyleClass().add("inline-form");
        name.setId("save-name");
        name.setPromptText("prompt name, e.g. ticket-triage");
        author.setId("save-author");
        author.setText(defaultAuthor);
        author.setPrefColumnCount(10);
        note.setId("save-note-text");
        note.setPromptText("what changed and why");
        HBox.setHgrow(note, Priority.ALWAYS);
        Button confirm = new Button("Save version");
        confirm.setId("save-version");
        confirm.getStyleClass().add(Styles.ACCENT);
        confirm.setDefaultButton(true);
        confirm.setOnAction(e -> model.save(name.getText().strip(), author.getText().strip(), note.getText()));
        Button cancel = new Button("Cancel");
        cancel.setOnAction(e -> setVisible(false));
        Label nameLabel = new Label("Name");
        nameLabel.setLabelFor(name);
        Label authorLabel = new Label("Author");
        authorLabel.setLabelFor(author);
        Label noteLabel = new Label("Note");
        noteLabel.setLabelFor(note);
        getChildren().addAll(nameLabel, name, authorLabel, author, noteLabel, note, confirm, cancel);
        managedProperty().bind(visibleProperty());
        visibleProperty().bindBidirectional(model.saveFormOpenProperty());
        this.model = model;
    }

    /** Shows the form, named after the prompt open in the editor unless a name is typed already. */
    void open() {
        model.openSaveForm();
        String currentName = model.openedName();
        if (name.getText().isBlank() && currentName != null) {
            name.setText(currentName);
        }
        note.clear();
        (name.getText().isBlank() ? name : note).requestFocus();
    }
}
