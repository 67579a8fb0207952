package dev.aiworkbench.ui.playground;

import atlantafx.base.theme.Styles;
import dev.aiworkbench.prompts.PlaygroundResult;
import dev.aiworkbench.prompts.PlaygroundRun;
import dev.aiworkbench.ui.common.StreamingTextSink;
import javafx.scene.control.Label;
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;
import org.fxmisc.flowless.VirtualizedScrollPane;
import org.fxmisc.richtext.CodeArea;
import org.fxmisc.richtext.util.UndoUtils;

/**
 * Where an answer streams in: a read-only text area fed at most 60 times a second, then the run's
 * figures and, when it failed, the server's words.
 */
final class OutputPane extends VBox {
    private final CodeArea output = new CodeArea();
    private final StreamingTextSink sink = new StreamingTextSink(this::append);
    private final FiguresBar figures;
    private final Label status = new Label();

    OutputPane(String idPrefix) {
        setSpacing(8);
        output.setId(idPrefix + "output");
        output.setEditable(false);
        output.setWrapText(true);
        // The default undo manager keeps every append; a stream of thousands would be kept forever.
        output.setUndoManager(UndoUtils.noOpUndoManager());
        output.getStyleClass().add("output-area");
        VirtualizedScrollPane<CodeArea> scroll = new VirtualizedScrollPane<>(output);
        VBox.setVgrow(scroll, Priority.ALWAYS);
        figures = new FiguresBar(idPrefix);
        status.setId(idPrefix + "run-status");
        status.setWrapText(true);
        status.setMinHeight(USE_PREF_SIZE);
        getChildren().addAll(scroll, figures, status);
    }

    /** Empties the pane and starts taking text; FX thread. */
    void begin(String what) {
        output.clear();
        figures.clear();
        status.getStyleClass().removeAll(Styles.DANGER, Styles.WARNING);
        status.setText(what);
    }

    /** Any thread: a piece of the answer. */
    void offer(String delta) {
        sink.offer(delta);
    }

    /** FX thread: the run is kept; shows the rest of the text, the figures and how it ended. */
    void finish(PlaygroundResult result) {
        show(result.run(), false);
    }

    /** Shows a kept run (finished, or reopened from history). */
    void show(PlaygroundRun run, boolean replaceText) {
        if (replaceText) {
            output.replaceText(run.output());
        }
        figures.show(run.figures());
        status.getStyleClass().removeAll(Styles.DANGER, Styles.WARNING);
        switch (run.status()) {
            case DONE -> status.setText("Done (" + run.doneReason() + "), kept as run " + run.id() + ".");
            case CANCELLED -> {
                status.setText("Stopped; the part that arrived is kept as run " + run.id() + ".");
                status.getStyleClass().add(Styles.WARNING);
            }
            case FAILED -> {
                status.setText(run.error());
                status.getStyleClass().add(Styles.DANGER);
            }
        }
    }

    /** FX thread: the run could not start (bad input, or the server is out of reach). */
    void fail(String message) {
        status.setText(message);
        status.getStyleClass().add(Styles.DANGER);
    }

    String text() {
        return output.getText();
    }

    long frameUpdates() {
        return sink.updates();
    }

    private void append(String chunk) {
        output.appendText(chunk);
        output.moveTo(output.getLength());
        output.requestFollowCaret();
    }
}
