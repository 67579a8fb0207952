package dev.aiworkbench.ui.playground;

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

import java.util.Optional;
import java.util.concurrent.CompletionException;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Consumer;

/**
 * One answer pane's run: the answer as it streams, its figures, how it ended, and Stop. The run is started
 * through the task executor and its job lasts until the run is kept, so the outcome arrives as the job's result.
 * Tokens come on the gateway's I/O thread; by default each is published through the executor, and a view paces
 * them instead ({@link #streamTokensThrough}) so the screen gets at most one update a frame.
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
    private volatile Consumer<String> tokens = delta -> publish(delta);

    /** How a run's job ended: kept (with or without the server's failure), or not kept at all. */
    private record Finished(PlaygroundResult kept, Throwable notKept) {
    }

    public RunViewModel(PlaygroundProviders providers, TaskExecutor tasks) {
        this.providers = providers;
        this.tasks = tasks;
    }

    /** Sends streamed pieces to {@code sink} (any thread), which hands them to {@link #appendAnswer} as it sees fit. */
    public void streamTokensThrough(Consumer<String> sink) {
        this.tokens = sink;
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
        answer.set("");
        figures.set(null);
        say(what, Tone.NORMAL);
        running.set(true);
        tasks.run(() -> {
            PlaygroundCall started = providers.start(provider, setup, price, delta -> tokens.accept(delta));
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
        }
        figures.set(run.figures());
        switch (run.status()) {
            case DONE -> say("Done (" + run.doneReason() + "), kept as run " + run.id() + ".", Tone.NORMAL);
            case CANCELLED -> say("Stopped; the part that arrived is kept as run " + run.id() + ".", Tone.WARNING);
            case FAILED -> say(run.error(), Tone.DANGER);
        }
    }

    /** The run could not start (bad input, or the server is out of reach). */
    public void fail(String message) {
        say(message, Tone.DANGER);
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

    public ReadOnlyBooleanProperty runningProperty() {
        return running.getReadOnlyProperty();
    }

    public boolean running() {
        return running.get();
    }
}
