package dev.aiworkbench.ui.playground;

import atlantafx.base.theme.Styles;
import dev.aiworkbench.ui.common.StreamingTextSink;
import javafx.beans.binding.Bindings;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.ScrollPane;
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;
import org.kordamp.ikonli.feather.Feather;
import org.kordamp.ikonli.javafx.FontIcon;
import org.fxmisc.flowless.VirtualizedScrollPane;
import org.fxmisc.richtext.CodeArea;
import org.fxmisc.richtext.util.UndoUtils;

/**
 * Where a run's answer streams in: a read-only text area fed at most 60 times a second (the run's tokens go
 * through a {@link StreamingTextSink} before they reach the view model's answer), the answer's tool calls as cards
 * (their pieces paced alike by a {@link ToolCallFeed}) with Send results, the turns before it, then the run's figures,
 * the figures of every turn together, and, when it failed, the server's words.
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
        run.streamToolCallsThrough(new ToolCallFeed(run::applyToolCalls)::offer);
        ToolConversation conversation = run.conversation();
        TranscriptBox transcript = new TranscriptBox(idPrefix, conversation);
        ToolCallsBox calls = new ToolCallsBox(idPrefix, conversation);
        Button send = new Button("Send results", new FontIcon(Feather.SEND));
        send.setId(idPrefix + "send-results");
        send.getStyleClass().add(Styles.ACCENT);
        send.setOnAction(e -> run.sendResults());
        send.disableProperty().bind(conversation.awaitingResultsProperty().not().or(run.runningProperty()));
        send.managedProperty().bind(conversation.awaitingResultsProperty());
        send.visibleProperty().bind(send.managedProperty());
        Label totals = new Label();
        totals.setId(idPrefix + "total-figures");
        totals.getStyleClass().add(Styles.TEXT_SMALL);
        totals.setWrapText(true);
        totals.textProperty().bind(Bindings.createStringBinding(() -> conversation.totalsProperty().get() == null ? ""
                : "All turns: " + TranscriptBox.line(conversation.totalsProperty().get()), conversation.totalsProperty()));
        totals.managedProperty().bind(transcript.visibleProperty());
        totals.visibleProperty().bind(totals.managedProperty());
        getChildren().addAll(limited(transcript, 220), scroll, limited(calls, 280), send, figures, totals, status);
    }

    /** A part that scrolls past a height, and takes no room while it is hidden. */
    private static Node limited(VBox content, double maxHeight) {
        ScrollPane pane = new ScrollPane(content);
        pane.setFitToWidth(true);
        pane.setMaxHeight(maxHeight);
        pane.managedProperty().bind(content.visibleProperty());
        pane.visibleProperty().bind(content.visibleProperty());
        return pane;
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
