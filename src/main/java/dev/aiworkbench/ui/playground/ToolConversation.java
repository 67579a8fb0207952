package dev.aiworkbench.ui.playground;

import dev.aiworkbench.llm.ChatMessage;
import dev.aiworkbench.llm.ToolCall;
import dev.aiworkbench.llm.ToolCallDelta;
import dev.aiworkbench.prompts.PlaygroundRun;
import dev.aiworkbench.prompts.RunFigures;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

import java.util.ArrayList;
import java.util.List;

/**
 * A run that goes on for as long as the model asks for tools: the calls of the answer on screen as cards, the turns
 * before it as a transcript, the turns to send with the next request, and the figures summed over every turn. State
 * for the FX thread only; {@link RunViewModel} starts the calls.
 */
public final class ToolConversation {
    private final ObservableList<ToolCallCard> cards = FXCollections.observableArrayList();
    private final ObservableList<TranscriptEntry> transcript = FXCollections.observableArrayList();
    private final ReadOnlyObjectWrapper<RunFigures> totals = new ReadOnlyObjectWrapper<>();
    private final ReadOnlyBooleanWrapper awaitingResults = new ReadOnlyBooleanWrapper();
    private final List<ChatMessage> turns = new ArrayList<>();
    private PlaygroundRun current;

    /** Forgets everything: a new run starts, or a kept one is shown. */
    void reset() {
        cards.clear();
        transcript.clear();
        totals.set(null);
        awaitingResults.set(false);
        turns.clear();
        current = null;
    }

    /** Applies streamed pieces: a piece that names a tool opens its card, the others grow their card's arguments. */
    void apply(List<ToolCallDelta> deltas) {
        for (ToolCallDelta delta : deltas) {
            ToolCallCard card = card(delta.index());
            if (card == null && delta.opensCall()) {
                card = new ToolCallCard(delta.index(), delta.id(), delta.name());
                cards.add(card);
            }
            if (card != null) {
                card.append(delta.argumentsFragment());
            }
        }
    }

    /** The model's turn ended and was kept: its calls are whole, and when it asked for tools the learner answers. */
    void turnEnded(PlaygroundRun run) {
        current = run;
        List<ToolCall> calls = run.toolCalls();
        for (int i = 0; i < calls.size(); i++) {
            ToolCallCard card = card(i);
            if (card == null) {
                card = new ToolCallCard(i, calls.get(i).id(), calls.get(i).name());
                cards.add(card);
            }
            card.complete(calls.get(i));
        }
        if (run.callsTools()) {
            // a piece the provider numbered past the calls it settled on is no call to answer
            cards.removeIf(card -> card.call() == null);
        }
        totals.set(totals.get() == null ? run.figures() : totals.get().followedBy(run.figures()));
        awaitingResults.set(run.callsTools());
    }

    /** A kept run reopened: its calls as whole cards, nothing to answer (the turns before it are not kept). */
    void showKept(PlaygroundRun run) {
        reset();
        List<ToolCall> calls = run.toolCalls();
        for (int i = 0; i < calls.size(); i++) {
            ToolCallCard card = new ToolCallCard(i, calls.get(i).id(), calls.get(i).name());
            card.complete(calls.get(i));
            cards.add(card);
        }
    }

    /**
     * Takes the typed results: the model's turn and one tool turn per call join the transcript and the turns to send.
     *
     * @return every turn after the prompt, for the next request
     * @throws IllegalArgumentException when a call has no result yet, naming it
     */
    List<ChatMessage> takeResults() {
        if (!awaitingResults.get()) {
            throw new IllegalArgumentException("The answer asked for no tools, so there are no results to send.");
        }
        for (ToolCallCard card : cards) {
            if (card.resultProperty().get().isBlank()) {
                throw new IllegalArgumentException("Type what " + card.nameProperty().get() + " returned (call "
                        + (card.index() + 1) + ") before sending the results; a tool that failed returns its error.");
            }
        }
        List<ChatMessage> next = new ArrayList<>();
        next.add(ChatMessage.assistant(current.output(), current.toolCalls()));
        transcript.add(new TranscriptEntry("Model, turn " + modelTurns(), modelSaid(current), current.figures()));
        for (ToolCallCard card : cards) {
            String result = card.resultProperty().get();
            next.add(ChatMessage.toolResult(card.call(), result));
            transcript.add(new TranscriptEntry("Tool " + card.call().name() + " (" + card.call().id() + ")", result,
                    null));
        }
        turns.addAll(next);
        cards.clear();
        awaitingResults.set(false);
        return List.copyOf(turns);
    }

    private int modelTurns() {
        return (int) transcript.stream().filter(entry -> entry.figures() != null).count() + 1;
    }

    private static String modelSaid(PlaygroundRun run) {
        StringBuilder said = new StringBuilder(run.output().strip());
        for (ToolCall call : run.toolCalls()) {
            said.append(said.isEmpty() ? "" : "\n").append("→ ").append(call.name()).append(' ')
                    .append(call.argumentsJson());
        }
        return said.toString();
    }

    private ToolCallCard card(int index) {
        for (ToolCallCard card : cards) {
            if (card.index() == index) {
                return card;
            }
        }
        return null;
    }

    /** The calls of the answer on screen, in the order the model made them. */
    public ObservableList<ToolCallCard> cards() {
        return cards;
    }

    /** The turns before the answer on screen, oldest first; empty for a first answer. */
    public ObservableList<TranscriptEntry> transcript() {
        return transcript;
    }

    /** The figures summed over every turn so far; null before the first turn ends. */
    public ReadOnlyObjectProperty<RunFigures> totalsProperty() {
        return totals.getReadOnlyProperty();
    }

    /** Whether the answer on screen asked for tools and waits for their results. */
    public ReadOnlyBooleanProperty awaitingResultsProperty() {
        return awaitingResults.getReadOnlyProperty();
    }
}
