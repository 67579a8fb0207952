package dev.aiworkbench.ui.playground;

import dev.aiworkbench.prompts.PlaygroundCall;
import dev.aiworkbench.prompts.PlaygroundResult;
import dev.aiworkbench.prompts.RunSetup;
import dev.aiworkbench.ui.Session;
import javafx.application.Platform;

import java.util.Optional;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Consumer;

/**
 * Starts a run for one output pane and keeps its handle for Stop. Starting reads the price row, so
 * it happens on the model worker; tokens go to the pane's sink from the gateway's thread; the kept
 * run comes back to the FX thread.
 */
final class RunLauncher {
    private final Session session;
    private final OutputPane pane;
    private final AtomicReference<PlaygroundCall> call = new AtomicReference<>();
    private final Consumer<Optional<PlaygroundResult>> onFinished;

    /** @param onFinished gets the kept run, or nothing when the run could not start or be kept */
    RunLauncher(Session session, OutputPane pane, Consumer<Optional<PlaygroundResult>> onFinished) {
        this.session = session;
        this.pane = pane;
        this.onFinished = onFinished;
    }

    boolean running() {
        return call.get() != null;
    }

    /** FX thread. */
    void start(RunSetup setup, String price, String what) {
        pane.begin(what);
        session.modelCall(() -> {
            PlaygroundCall started = session.workbench().playground().start(setup, price, pane::offer);
            call.set(started);
            started.result().whenComplete((result, failure) -> Platform.runLater(() -> {
                call.set(null);
                if (failure != null) {
                    pane.fail("The run could not be kept: " + failure.getMessage());
                    onFinished.accept(Optional.empty());
                } else {
                    pane.finish(result);
                    onFinished.accept(Optional.of(result));
                }
            }));
            return started;
        }, started -> { }, failure -> {
            pane.fail(failure.getMessage());
            onFinished.accept(Optional.empty());
        });
    }

    /** Stops the model; the partial answer is kept. */
    void stop() {
        PlaygroundCall current = call.get();
        if (current != null) {
            current.cancel();
        }
    }
}
