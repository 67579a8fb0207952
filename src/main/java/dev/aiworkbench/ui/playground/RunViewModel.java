package dev.aiworkbench.ui.playground;

import dev.aiworkbench.llm.ChatMessage;
import dev.aiworkbench.llm.TokenListener;
import dev.aiworkbench.llm.ToolCallDelta;
import dev.aiworkbench.prompts.PlaygroundCall;
import dev.aiworkbench.prompts.PlaygroundResult;
import dev.aiworkbench.prompts.PlaygroundRun;
import dev.aiworkbench.prompts.RunFigures;
import dev.aiworkbench.prompts.RunSetup;
import dev.aiworkbench.ui.tasks.TaskExecutor;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;

import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletionException;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Consumer;

/**
 * One answer pane's run: the answer as it streams, its figures, how it ended, and Stop. The run is started
 * through the task executor and its job lasts until the run is kept, so the outcome arrives as the job's result.
 * Tokens come on the gateway's I/O thread; by default each is published through the executor, and a view paces
 * them instead ({@link #streamTokensThrough}) so the screen gets at most one update a frame; tool-call pieces likewise
 * ({@link #streamToolCallsThrough}). An answer that asks for tools waits for the learner to type their results; sending
 * them carries the conversation on with a turn of its own ({@link ToolConversation}).
 */
public final class RunViewModel {
    private final PlaygroundProviders providers;
    private final TaskExecutor tasks;
    private final ReadOnlyStringWrapper answer = new ReadOnlyStringWrapper("");
    private final ReadOnlyStringWrapper status = new ReadOnlyStringWrapper("");
    private final ReadOnlyObjectWrapper<Tone> tone = new ReadOnlyObjectWrapper<>(Tone.NORMAL);
    private final ReadOnlyObjectWrapper<RunFigures> figures = new ReadOnlyObjectWrapper<>();
    private final ReadOnlyBooleanWrapper running = new ReadOnlyBooleanWrapper();
    private final AtomicReference<PlaygroundCall> call = new AtomicReference<>();
    private final ToolConversation conversation = new ToolConversation();
    private volatile Consumer<String> tokens = delta -> publish(delta);
    private volatile Consumer<ToolCallDelta> toolCalls = this::publishToolCall;
    private Session session;

    /** How a run's job ended: kept (with or without the server's failure), or not kept at all. */
    private record Finished(PlaygroundResult kept, Throwable notKept) {
    }

    /** What every turn of the run on screen is sent with. */
    private record Session(RunSetup setup, String provider, String price,
                           Consumer<Optional<PlaygroundResult>> onFinished) {
    }

    public RunViewModel(PlaygroundProviders providers, TaskExecutor tasks) {
        this.providers = providers;
        this.tasks = tasks;
    }

    /** Sends streamed pieces to {@code sink} (any thread), which hands them to {@link #appendAnswer} as it sees fit. */
    public void streamTokensThrough(Consumer<String> sink) {
        this.tokens = sink;
    }

    /** Sends streamed tool-call pieces to {@code sink} (any thread), which hands them to {@link #applyToolCalls}. */
    public void streamToolCallsThrough(Consumer<ToolCallDelta> sink) {
        this.toolCalls = sink;
    }

    /** Grows the cards of the answer's tool calls with pieces gathered since the last frame; the UI thread. */
    public void applyToolCalls(List<ToolCallDelta> deltas) {
        conversation.apply(deltas);
    }

    /** The answer shown so far, growing as the run streams; the UI thread. */
    public void appendAnswer(String chunk) {
        answer.set(answer.get() + chunk);
    }

    /**
     * Starts a run of the setup's model on the provider unless one is going.
     *
     * @param price      the price row a local model's run is costed at; a hosted model is costed by its own row
     * @param onFinished gets the kept run, or nothing when the run could not start or be kept
     */
    public void start(RunSetup setup, String provider, String price, String what,
                      Consumer<Optional<PlaygroundResult>> onFinished) {
        if (running.get()) {
            return;
        }
        conversation.reset();
        session = new Session(setup, provider, price, onFinished);
        startTurn(List.of(), what);
    }

    /**
     * Sends the results typed for the answer's tool calls and streams the model's next turn; a call without a result
     * is refused with a sentence naming it.
     */
    public void sendResults() {
        if (running.get() || session == null || !conversation.awaitingResultsProperty().get()) {
            return;
        }
        int sending = conversation.cards().size();
        List<ChatMessage> turns;
        try {
            turns = conversation.takeResults();
        } catch (IllegalArgumentException e) {
            fail(e.getMessage());
            return;
        }
        startTurn(turns, "Sending " + (sending == 1 ? "the result" : sending + " results") + " to the model…");
    }

    private void startTurn(List<ChatMessage> turns, String what) {
        Session sent = session;
        answer.set("");
        figures.set(null);
        say(what, Tone.NORMAL);
        running.set(true);
        TokenListener listener = new TokenListener() {
            @Override
            public void onToken(String delta) {
                tokens.accept(delta);
            }

            @Override
            public void onToolCall(ToolCallDelta delta) {
                toolCalls.accept(delta);
            }
        };
        Consumer<Optional<PlaygroundResult>> onFinished = sent.onFinished();
        tasks.run(() -> {
            PlaygroundCall started = providers.start(sent.provider(), sent.setup(), turns, sent.price(), listener);
            call.set(started);
            try {
                return new Finished(started.result().join(), null);
            } catch (CompletionException e) {
                return new Finished(null, e.getCause() == null ? e : e.getCause());
            } finally {
                call.set(null);
            }
        }, finished -> {
            running.set(false);
            if (finished.kept() == null) {
                fail("The run could not be kept: " + finished.notKept().getMessage());
                onFinished.accept(Optional.empty());
            } else {
                show(finished.kept().run(), false);
                onFinished.accept(Optional.of(finished.kept()));
            }
        }, failure -> {
            running.set(false);
            fail(failure.getMessage());
            onFinished.accept(Optional.empty());
        });
    }

    /** Stops the model; the part of the answer that arrived is kept. */
    public void stop() {
        PlaygroundCall current = call.get();
        if (current != null) {
            current.cancel();
        }
    }

    /** Shows a kept run: one just finished (its text already streamed in), or one reopened from history. */
    public void show(PlaygroundRun run, boolean replaceText) {
        if (replaceText) {
            answer.set(run.output());
            conversation.showKept(run);
        } else {
            conversation.turnEnded(run);
        }
        figures.set(run.figures());
        switch (run.status()) {
            case DONE -> say(conversation.awaitingResultsProperty().get() ? askedForTools(run)
                    : "Done (" + run.doneReason() + "), kept as run " + run.id() + ".", Tone.NORMAL);
            case CANCELLED -> say("Stopped; the part that arrived is kept as run " + run.id() + ".", Tone.WARNING);
            case FAILED -> say(run.error(), Tone.DANGER);
        }
    }

    private static String askedForTools(PlaygroundRun run) {
        int calls = run.toolCalls().size();
        return "The model asked for " + (calls == 1 ? "a tool call" : calls + " tool calls") + " (kept as run "
                + run.id() + "): type what " + (calls == 1 ? "it" : "each") + " returned and press Send results.";
    }

    /** The run could not start (bad input, or the server is out of reach). */
    public void fail(String message) {
        say(message, Tone.DANGER);
    }

    private void publishToolCall(ToolCallDelta delta) {
        tasks.publish(() -> applyToolCalls(List.of(delta)));
    }

    private void publish(String delta) {
        tasks.publish(() -> appendAnswer(delta));
    }

    private void say(String text, Tone kind) {
        status.set(text);
        tone.set(kind);
    }

    public ReadOnlyStringProperty answerProperty() {
        return answer.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty statusProperty() {
        return status.getReadOnlyProperty();
    }

    public ReadOnlyObjectProperty<Tone> toneProperty() {
        return tone.getReadOnlyProperty();
    }

    /** The finished run's figures; null while none are shown. */
    public ReadOnlyObjectProperty<RunFigures> figuresProperty() {
        return figures.getReadOnlyProperty();
    }

    /** The answer's tool calls, the turns before it and the figures summed over every turn. */
    public ToolConversation conversation() {
        return conversation;
    }

    public ReadOnlyBooleanProperty runningProperty() {
        return running.getReadOnlyProperty();
    }

    public boolean running() {
        return running.get();
    }
}
