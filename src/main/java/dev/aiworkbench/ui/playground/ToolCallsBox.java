package dev.aiworkbench.ui.playground;

import atlantafx.base.theme.Styles;
import javafx.collections.ListChangeListener;
import javafx.scene.control.Label;
import javafx.scene.control.TextField;
import javafx.scene.layout.VBox;

/**
 * The answer's tool calls, a card each: the tool's name, its arguments as they stream (indented once whole), and a
 * field for what running it returned.
 */
final class ToolCallsBox extends VBox {
    private final String idPrefix;

    ToolCallsBox(String idPrefix, ToolConversation conversation) {
        this.idPrefix = idPrefix;
        setId(idPrefix + "tool-calls");
        setSpacing(8);
        conversation.cards().addListener((ListChangeListener<ToolCallCard>) change -> show(conversation));
        managedProperty().bind(visibleProperty());
        setVisible(false);
    }

    /** Calls come a few per answer, so the cards are built again whenever one is added or they are cleared. */
    private void show(ToolConversation conversation) {
        getChildren().setAll(conversation.cards().stream().map(this::card).toList());
        setVisible(!getChildren().isEmpty());
    }

    private VBox card(ToolCallCard call) {
        int number = call.index() + 1;
        Label name = new Label();
        name.setId(idPrefix + "tool-call-name-" + number);
        name.getStyleClass().add(Styles.TEXT_BOLD);
        name.textProperty().bind(call.nameProperty().concat("  ").concat(call.idProperty()));
        Label arguments = new Label();
        arguments.setId(idPrefix + "tool-call-arguments-" + number);
        arguments.getStyleClass().add("tool-arguments");
        arguments.setWrapText(true);
        arguments.setMinHeight(USE_PREF_SIZE);
        arguments.textProperty().bind(call.argumentsProperty());
        Label note = new Label();
        note.getStyleClass().add(Styles.WARNING);
        note.setWrapText(true);
        note.textProperty().bind(call.noteProperty());
        note.managedProperty().bind(note.textProperty().isNotEmpty());
        note.visibleProperty().bind(note.managedProperty());
        TextField result = new TextField();
        result.setId(idPrefix + "tool-call-result-" + number);
        result.setPromptText("What " + call.nameProperty().get() + " returned (text or JSON)");
        result.textProperty().bindBidirectional(call.resultProperty());
        result.disableProperty().bind(call.completeProperty().not());
        VBox card = new VBox(4, name, arguments, note, result);
        card.getStyleClass().add("tool-call-card");
        return card;
    }
}
