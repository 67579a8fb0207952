package dev.aiworkbench.ui.playground;

import atlantafx.base.theme.Styles;
import dev.aiworkbench.prompts.RunFigures;
import javafx.collections.ListChangeListener;
import javafx.scene.control.Label;
import javafx.scene.layout.VBox;

/** The turns before the answer on screen: what the model said or asked for, with its figures, and each tool's result. */
final class TranscriptBox extends VBox {
    TranscriptBox(String idPrefix, ToolConversation conversation) {
        setId(idPrefix + "transcript");
        setSpacing(6);
        conversation.transcript().addListener((ListChangeListener<TranscriptEntry>) change -> {
            getChildren().setAll(conversation.transcript().stream().map(TranscriptBox::entry).toList());
            setVisible(!getChildren().isEmpty());
        });
        managedProperty().bind(visibleProperty());
        setVisible(false);
    }

    private static VBox entry(TranscriptEntry entry) {
        Label speaker = new Label(entry.speaker());
        speaker.getStyleClass().add(Styles.TEXT_BOLD);
        Label text = new Label(entry.text());
        text.getStyleClass().add("transcript-text");
        text.setWrapText(true);
        text.setMinHeight(USE_PREF_SIZE);
        VBox box = new VBox(2, speaker, text);
        if (entry.figures() != null) {
            Label figures = new Label(line(entry.figures()));
            figures.getStyleClass().addAll(Styles.TEXT_SMALL, Styles.TEXT_MUTED);
            box.getChildren().add(figures);
        }
        box.getStyleClass().add("transcript-entry");
        return box;
    }

    /** A turn's figures on one line, as the figures bar words them. */
    static String line(RunFigures figures) {
        return "TTFT " + Figures.millis(figures.ttftMs()) + " · Total " + Figures.millis(figures.totalMs())
                + " · Prompt tokens " + Figures.count(figures.promptTokens()) + " · Output tokens "
                + Figures.count(figures.outputTokens()) + " · Cost "
                + (figures.costUsd() == null ? "unknown" : Figures.usd(figures.costUsd()));
    }
}
