package dev.aiworkbench.ui.playground;

import atlantafx.base.theme.Styles;
import dev.aiworkbench.ui.common.StreamingTextSink;
import javafx.scene.control.Label;
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;
import org.fxmisc.flowless.VirtualizedScrollPane;
import org.fxmisc.richtext.CodeArea;
import org.fxmisc.richtext.util.UndoUtils;

/**
 * Where a run's answer streams in: a read-only text area fed at most 60 times a second (the run's tokens go
 * through a {@link StreamingTextSink} before they reach the view model's answer), then the run's figures and,
 * when it failed, the server's words.
 */
final class OutputPane extends VBox {
    private final CodeArea output = new CodeArea();

    OutputPane(String idPrefix, RunViewModel run) {
        setSpacing(8);
        output.setId(idPrefix + "output");
        output.setEditable(false);
        output.setWrapText(true);
        // The default undo manager keeps every append; a stream of thousands would be kept forever.
        output.setUndoManager(UndoUtils.noOpUndoManager());
        output.getStyleClass().add("output-area");
        VirtualizedScrollPane<CodeArea> scroll = new VirtualizedScrollPane<>(output);
        VBox.setVgrow(scroll, Priority.ALWAYS);
        FiguresBar figures = new FiguresBar(idPrefix);
        run.figuresProperty().addListener((obs, was, now) -> figures.show(now));
        Label status = new Label();
        status.setId(idPrefix + "run-status");
        status.setWrapText(true);
        status.setMinHeight(USE_PREF_SIZE);
        status.textProperty().bind(run.statusProperty());
        run.toneProperty().addListener((obs, was, now) -> {
            status.getStyleClass().removeAll(Styles.DANGER, Styles.WARNING);
            switch (now) {
                case WARNING -> status.getStyleClass().add(Styles.WARNING);
                case DANGER -> status.getStyleClass().add(Styles.DANGER);
                case NORMAL -> { }
            }
        });
        run.answerProperty().addListener((obs, was, now) -> showAnswer(was, now));
        run.streamTokensThrough(new StreamingTextSink(run::appendAnswer)::offer);
        getChildren().addAll(scroll, figures, status);
    }

    /** Appends what the answer gained, or replaces the text when it started again or was reopened. */
    private void showAnswer(String was, String now) {
        if (now.startsWith(was) && output.getLength() == was.length()) {
            output.appendText(now.substring(was.length()));
            output.moveTo(output.getLength());
            output.requestFollowCaret();
        } else {
            output.replaceText(now);
        }
    }
}
