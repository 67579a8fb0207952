package dev.aiworkbench.ui.models;

import dev.aiworkbench.llm.ModelGateway;
import dev.aiworkbench.llm.ModelServerException;
import dev.aiworkbench.llm.PullBoard;
import dev.aiworkbench.llm.PullCall;
import dev.aiworkbench.ui.common.Sentences;
import dev.aiworkbench.ui.tasks.TaskExecutor;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyDoubleProperty;
import javafx.beans.property.ReadOnlyDoubleWrapper;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

import java.util.Locale;
import java.util.OptionalDouble;
import java.util.concurrent.CancellationException;
import java.util.concurrent.CompletionException;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Consumer;
import java.util.function.Supplier;

/**
 * One pull at a time: the name typed, an overall fraction, a line per layer, the server's status and Cancel.
 * The pull's job lasts until the pull ends, so its outcome arrives as the job's result. Progress arrives on the
 * gateway's I/O thread many times a second; it only lands in the pull's {@link PullBoard} and marks it changed,
 * and the view calls {@link #renderIfChanged()} once a frame to copy the board into the properties.
 */
public final class PullViewModel {
    /** How the status line reads. */
    public enum Tone {
        NORMAL, SUCCESS, DANGER
    }

    /** The overall fraction while nothing is known yet. */
    public static final double UNKNOWN = -1;

    private final Supplier<ModelGateway> models;
    private final TaskExecutor tasks;
    private final Consumer<String> onPulled;
    private final StringProperty name = new SimpleStringProperty("");
    private final ReadOnlyStringWrapper hint = new ReadOnlyStringWrapper("");
    private final ReadOnlyBooleanWrapper shown = new ReadOnlyBooleanWrapper();
    private final ReadOnlyBooleanWrapper running = new ReadOnlyBooleanWrapper();
    private final ReadOnlyBooleanWrapper cancelling = new ReadOnlyBooleanWrapper();
    private final ReadOnlyStringWrapper title = new ReadOnlyStringWrapper("");
    private final ReadOnlyDoubleWrapper fraction = new ReadOnlyDoubleWrapper(0);
    private final ReadOnlyStringWrapper percent = new ReadOnlyStringWrapper("");
    private final ReadOnlyStringWrapper status = new ReadOnlyStringWrapper("");
    private final ReadOnlyObjectWrapper<Tone> tone = new ReadOnlyObjectWrapper<>(Tone.NORMAL);
    private final ObservableList<PullBoard.Layer> layers = FXCollections.observableArrayList();
    private Pull current;

    /** One pull's state; the gateway's thread touches only the board and the flag, the worker only the call. */
    private static final class Pull {
        final String name;
        final PullBoard board = new PullBoard();
        final AtomicBoolean changed = new AtomicBoolean();
        final AtomicReference<PullCall> call = new AtomicReference<>();
        volatile boolean cancelRequested;
        boolean finished;

        Pull(String name) {
            this.name = name;
        }
    }

    /** @param onPulled gets the name of each model pulled to the end */
    PullViewModel(Supplier<ModelGateway> models, TaskExecutor tasks, Consumer<String> onPulled) {
        this.models = models;
        this.tasks = tasks;
        this.onPulled = onPulled;
        name.addListener((obs, was, now) -> hint.set(""));
    }

    public boolean pulling() {
        return current != null && !current.finished;
    }

    /** Pulls the model named in {@link #nameProperty()}, or says what is wrong with the name. */
    public void start() {
        String typed = name.get() == null ? "" : name.get().strip();
        if (typed.isEmpty()) {
            hint.set("Type the name of a model first, e.g. llama3.2; https://ollama.com/library lists them.");
            return;
        }
        if (typed.chars().anyMatch(Character::isWhitespace)) {
            hint.set("A model name has no spaces: use a form like llama3.2 or qwen2.5:0.5b.");
            return;
        }
        if (pulling()) {
            hint.set("One pull at a time: wait for this one, or cancel it.");
            return;
        }
        hint.set("");
        pull(typed);
    }

    /** Shows the panel at once, before the server answers, and pulls until the pull ends. */
    private void pull(String model) {
        Pull pull = new Pull(model);
        current = pull;
        layers.clear();
        title.set("Pulling " + model);
        fraction.set(UNKNOWN);
        percent.set("");
        status.set("Asking Ollama for " + model + "…");
        tone.set(Tone.NORMAL);
        cancelling.set(false);
        running.set(true);
        shown.set(true);
        tasks.run(() -> {
            PullCall call;
            try {
                call = models.get().pull(model, progress -> {
                    pull.board.accept(progress);
                    pull.changed.set(true);
                });
            } catch (RuntimeException e) {
                return Outcome.<Void>failed(Sentences.of(e.getMessage()));
            }
            pull.call.set(call);
            if (pull.cancelRequested) {
                call.cancel();
            }
            try {
                call.done().join();
                return Outcome.<Void>ok(null);
            } catch (CompletionException | CancellationException e) {
                return Outcome.<Void>failed(problem(pull, e instanceof CompletionException && e.getCause() != null
                        ? e.getCause() : e));
            }
        }, outcome -> finish(pull, outcome.problem()), failure -> finish(pull, problem(pull, failure)));
    }

    private static String problem(Pull pull, Throwable failure) {
        Throwable cause = Sentences.cause(failure);
        if (cause instanceof CancellationException || pull.cancelRequested) {
            return "Cancelled the pull of " + pull.name + ". Pull it again to carry on where it stopped.";
        }
        if (cause instanceof ModelServerException server) {
            return server.getMessage();
        }
        return "The pull of " + pull.name + " failed: " + Sentences.of(cause.getMessage())
                + " Try again, or run `ollama pull " + pull.name + "` to see Ollama's own account.";
    }

    /** Stops the pull and closes its connection; the server stops sending. */
    public void cancel() {
        Pull pull = current;
        if (pull == null || pull.finished) {
            return;
        }
        pull.cancelRequested = true;
        status.set("Cancelling…");
        cancelling.set(true);
        PullCall call = pull.call.get();
        if (call != null) {
            call.cancel();
        }
    }

    /** Hides the panel of a finished pull. */
    public void dismiss() {
        if (!pulling()) {
            shown.set(false);
        }
    }

    /** Copies the running pull's progress into the properties if it moved since the last call; the UI thread. */
    public void renderIfChanged() {
        Pull pull = current;
        if (pull != null && !pull.finished && pull.changed.getAndSet(false)) {
            render(pull);
        }
    }

    /** @param problem null when the pull went to the end */
    private void finish(Pull pull, String problem) {
        if (pull != current || pull.finished) {
            return;
        }
        pull.finished = true;
        render(pull);
        running.set(false);
        if (problem == null) {
            title.set("Pulled " + pull.name);
            fraction.set(1);
            percent.set("100%");
            status.set("Pulled " + pull.name + "; it is in the list now.");
            tone.set(Tone.SUCCESS);
            onPulled.accept(pull.name);
        } else {
            title.set((pull.cancelRequested ? "Cancelled " : "Could not pull ") + pull.name);
            if (fraction.get() < 0) {
                fraction.set(0);
            }
            status.set(problem);
            tone.set(pull.cancelRequested ? Tone.NORMAL : Tone.DANGER);
        }
    }

    private void render(Pull pull) {
        OptionalDouble done = pull.board.fraction();
        if (done.isPresent()) {
            fraction.set(done.getAsDouble());
            percent.set(String.format(Locale.ROOT, "%.0f%%", done.getAsDouble() * 100));
        }
        String said = pull.board.status();
        if (!said.isBlank() && !pull.cancelRequested) {
            status.set(Character.toUpperCase(said.charAt(0)) + said.substring(1));
        }
        layers.setAll(pull.board.layers());
    }

    /** The name typed; typing clears the hint. */
    public StringProperty nameProperty() {
        return name;
    }

    /** What is wrong with the name, or why a pull cannot start now; empty otherwise. */
    public ReadOnlyStringProperty hintProperty() {
        return hint.getReadOnlyProperty();
    }

    /** Whether the panel is shown: from the start of a pull until it is dismissed. */
    public ReadOnlyBooleanProperty shownProperty() {
        return shown.getReadOnlyProperty();
    }

    public ReadOnlyBooleanProperty runningProperty() {
        return running.getReadOnlyProperty();
    }

    /** Cancel was pressed and the pull has not ended yet. */
    public ReadOnlyBooleanProperty cancellingProperty() {
        return cancelling.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty titleProperty() {
        return title.getReadOnlyProperty();
    }

    /** Bytes done out of the total, 0 to 1; {@link #UNKNOWN} before the server has said. */
    public ReadOnlyDoubleProperty fractionProperty() {
        return fraction.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty percentProperty() {
        return percent.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty statusProperty() {
        return status.getReadOnlyProperty();
    }

    public ReadOnlyObjectProperty<Tone> toneProperty() {
        return tone.getReadOnlyProperty();
    }

    /** Each layer's bytes done out of its total, in the order the server named them. */
    public ObservableList<PullBoard.Layer> layers() {
        return layers;
    }
}
