package dev.aiworkbench.ui.evals;

import dev.aiworkbench.eval.report.EvalReport;
import dev.aiworkbench.eval.run.CaseResult;
import dev.aiworkbench.eval.run.EvalExecution;
import dev.aiworkbench.eval.run.EvalOptions;
import dev.aiworkbench.eval.run.EvalRun;
import dev.aiworkbench.eval.run.RunState;
import dev.aiworkbench.eval.run.Variant;
import dev.aiworkbench.eval.suite.EvalSuite;
import dev.aiworkbench.llm.ModelServerException;
import dev.aiworkbench.ui.common.Sentences;
import dev.aiworkbench.ui.tasks.TaskExecutor;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyDoubleProperty;
import javafx.beans.property.ReadOnlyDoubleWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;

import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CancellationException;
import java.util.function.Function;

/**
 * The run in flight on the Evals screen: starting it (which asks the model server for its models), resuming a
 * stopped one without repeating its kept cases, cancelling, taking in its progress (results row by row, the
 * count and the time left), and scoring it when it ends. Work goes through the screen's {@link TaskExecutor};
 * the runner's progress is taken in when the pacing the screen was given says so.
 */
public final class EvalRunModel {
    /** The progress while nothing can be measured yet (a progress bar's "indeterminate"). */
    public static final double INDETERMINATE = -1;

    private final EvalsViewModel screen;
    private final EvalsServices services;
    private final TaskExecutor tasks;
    private final Function<Runnable, Runnable> paced;
    private final ReadOnlyDoubleWrapper progress = new ReadOnlyDoubleWrapper(0);
    private final ReadOnlyStringWrapper progressText = new ReadOnlyStringWrapper("");
    private final ReadOnlyBooleanWrapper busy = new ReadOnlyBooleanWrapper();
    private final ReadOnlyBooleanWrapper canCancel = new ReadOnlyBooleanWrapper();

    private Active active;
    private boolean starting;
    private boolean scoring;

    /** A run in flight. UI thread, like the rest of this model's state. */
    private static final class Active {
        final Map<String, List<CaseResult>> byItem = new LinkedHashMap<>();
        final long startedNanos = System.nanoTime();
        ProgressFeed feed;
        EvalExecution execution;
        boolean cancelRequested;
        /** Set when the run's end is taken in: a paced hand-over still pending then would overwrite the final line. */
        boolean ended;
    }

    EvalRunModel(EvalsViewModel screen, EvalsServices services, TaskExecutor tasks, Function<Runnable, Runnable> paced) {
        this.screen = screen;
        this.services = services;
        this.tasks = tasks;
        this.paced = paced;
    }

    /** Done fraction from 0 to 1, or {@link #INDETERMINATE} while the run starts. */
    public ReadOnlyDoubleProperty progressProperty() {
        return progress.getReadOnlyProperty();
    }

    /** "2 of 6 cases · 33% · about 4.0 s left", and how a run ended. */
    public ReadOnlyStringProperty progressTextProperty() {
        return progressText.getReadOnlyProperty();
    }

    /** Whether a run is starting, in flight or being scored: the screen's other commands wait. */
    public ReadOnlyBooleanProperty busyProperty() {
        return busy.getReadOnlyProperty();
    }

    public ReadOnlyBooleanProperty canCancelProperty() {
        return canCancel.getReadOnlyProperty();
    }

    boolean busy() {
        return busy.get();
    }

    /** Whether a run is in flight (started or starting, not yet ended). */
    boolean active() {
        return active != null;
    }

    /** The id of the run in flight, once the runner has stored it. */
    String runningId() {
        return active != null && active.execution != null ? active.execution.run().id() : null;
    }

    void resetProgress() {
        progress.set(0);
        progressText.set("");
    }

    /** Runs the open suite's chosen combination with the chosen settings. */
    public void start() {
        start(Optional.empty());
    }

    /** Finishes the stopped run the screen offers, running only the cases it lacks. */
    public void resume() {
        EvalRun stopped = screen.history().resumableProperty().get();
        if (stopped != null) {
            start(Optional.of(stopped));
        }
    }

    private void start(Optional<EvalRun> resumeRun) {
        EvalSuite current = screen.suiteProperty().get();
        Variant chosen = screen.variantProperty().get();
        if (current == null || chosen == null || busy()) {
            return;
        }
        EvalOptions options;
        try {
            options = new EvalOptions(screen.concurrencyProperty().get(), screen.repeatProperty().get(),
                    EvalOptions.DEFAULT_RETRIES, EvalOptions.DEFAULT_REQUEST_TIMEOUT, resumeRun.map(EvalRun::id));
        } catch (IllegalArgumentException e) {
            screen.setStatus(Sentences.of(e.getMessage()), true);
            return;
        }
        starting = true;
        update();
        progress.set(INDETERMINATE);
        progressText.set("Starting…");
        screen.setStatus(resumeRun.map(r -> "Resuming " + r.id() + ": checking the model on the server…")
                .orElse("Checking that the model " + chosen.provider(current).model() + " is on the server…"), false);
        if (resumeRun.isEmpty()) {
            launch(current, chosen, options, List.of(), current.tests().size() * options.repeat());
            return;
        }
        String id = resumeRun.get().id();
        tasks.run(() -> services.history().cases(id),
                kept -> launch(current, chosen, options, kept, resumeRun.get().totalCases()),
                failure -> {
                    starting = false;
                    resetProgress();
                    screen.setStatus("Could not read the cases of " + id + ": " + EvalsViewModel.sentence(failure),
                            true);
                    update();
                });
    }

    private void launch(EvalSuite current, Variant chosen, EvalOptions options, List<CaseResult> kept, int total) {
        Active fresh = new Active();
        fresh.feed = new ProgressFeed(kept, total, paced.apply(() -> onFrame(fresh)));
        screen.results().clear();
        screen.clearReport("The run is in progress; the summary, the comparison and the gate follow when it finishes.");
        for (CaseResult c : kept) {
            fresh.byItem.computeIfAbsent(c.itemKey(), k -> new ArrayList<>()).add(c);
        }
        fresh.byItem.forEach((key, runs) -> screen.results().put(Items.fold(key, runs)));
        active = fresh;
        update();
        tasks.run(() -> services.runner().start(current, chosen, options, fresh.feed),
                execution -> started(fresh, execution),
                failure -> failedToStart(fresh, failure));
    }

    private void started(Active run, EvalExecution execution) {
        starting = false;
        run.execution = execution;
        run.feed.setTotal(execution.run().totalCases());
        if (run.cancelRequested) {
            execution.cancel();
        }
        screen.setStatus("Running " + execution.run().id() + ": " + execution.run().promptLabel() + " on "
                + execution.run().model() + ", " + execution.run().totalCases() + " cases, "
                + screen.concurrencyProperty().get() + " at a time.", false);
        update();
        onFrame(run);
        tasks.run(() -> execution.done().join(), done -> finished(run, done, null),
                failure -> finished(run, null, failure));
    }

    private void failedToStart(Active run, Throwable failure) {
        starting = false;
        end(run);
        resetProgress();
        screen.setStatus(failure instanceof ModelServerException || failure instanceof IllegalArgumentException
                ? Sentences.of(failure.getMessage())
                : "The run could not start: " + Sentences.of(failure.getMessage()), true);
        screen.clearReport("Nothing was run.");
        update();
        screen.history().refresh(false);
    }

    /** Stops the run in flight; the cases that finished are kept, and Resume finishes it later. */
    public void cancel() {
        Active run = active;
        if (run == null || run.cancelRequested) {
            return;
        }
        run.cancelRequested = true;
        screen.setStatus("Cancelling: cases in flight are stopped; those that finished are kept…", false);
        if (run.execution != null) {
            run.execution.cancel();
        }
        update();
    }

    /** Takes in what landed since the last time: at most once a frame while a run is in flight. */
    private void onFrame(Active run) {
        if (run.ended) {
            return;
        }
        ProgressFeed.Frame frame = run.feed.take();
        for (CaseResult c : frame.landed()) {
            List<CaseResult> runs = run.byItem.computeIfAbsent(c.itemKey(), k -> new ArrayList<>());
            runs.removeIf(r -> r.repeatIndex() == c.repeatIndex());
            runs.add(c);
            screen.results().put(Items.fold(c.itemKey(), runs));
        }
        if (frame.total() > 0 && (frame.done() > 0 || run.execution != null)) {
            progress.set(frame.fraction());
        }
        progressText.set(progressLine(frame, run.execution == null && frame.done() == 0));
    }

    /** Takes in whatever is left of the run's progress, once and for all. */
    private void end(Active run) {
        onFrame(run);
        run.ended = true;
        if (active == run) {
            active = null;
        }
    }

    static String progressLine(ProgressFeed.Frame frame, boolean stillStarting) {
        if (stillStarting) {
            return "Starting…";
        }
        int percent = (int) Math.floor(100 * frame.fraction());
        StringBuilder text = new StringBuilder().append(frame.done()).append(" of ").append(frame.total())
                .append(" cases · ").append(percent).append('%');
        if (frame.failed() > 0) {
            text.append(" · ").append(frame.failed()).append(" failed");
        }
        if (frame.errors() > 0) {
            text.append(" · ").append(frame.errors()).append(frame.errors() == 1 ? " error" : " errors");
        }
        if (frame.done() < frame.total()) {
            text.append(frame.eta().map(eta -> " · about " + Items.duration(eta) + " left")
                    .orElse(" · ETA when the first case lands"));
        }
        return text.toString();
    }

    private void finished(Active run, EvalRun done, Throwable failure) {
        end(run);
        services.runEnded().run();
        String id = run.execution.run().id();
        int kept = run.byItem.values().stream().mapToInt(List::size).sum();
        int total = run.execution.run().totalCases();
        Throwable cause = Sentences.cause(failure);
        if (cause != null) {
            String why = cause instanceof CancellationException ? "it was cancelled" : Sentences.of(cause.getMessage());
            screen.setStatus("Run " + id + " stopped: " + why + " The " + kept + " of " + total + " cases that "
                    + "finished are kept; Resume continues the run once the server answers.", true);
            progressText.set(kept + " of " + total + " cases · stopped");
            screen.clearReport("The run stopped before it finished; Resume finishes it.");
            update();
            screen.history().refresh(false);
            return;
        }
        if (done.state() != RunState.FINISHED) {
            screen.setStatus("Cancelled " + id + ": " + kept + " of " + total + " cases are kept. Resume finishes the "
                    + "run without repeating them.", false);
            progressText.set(kept + " of " + total + " cases · cancelled");
            screen.clearReport("The run was cancelled; Resume finishes it, and then the report appears here.");
            update();
            screen.history().refresh(false);
            return;
        }
        progress.set(1);
        // This session's share: a resumed run's stored start may be days ago.
        Duration took = Duration.ofNanos(System.nanoTime() - run.startedNanos);
        progressText.set(total + " of " + total + " cases · 100% · took " + Items.duration(took));
        screen.setStatus("Finished " + id + "; scoring it against its baseline…", false);
        scoring = true;
        update();
        screen.history().score(done, (report, note) -> {
            scoring = false;
            update();
            screen.setStatus(finishedLine(id, report, took) + (note == null ? "" : " " + note),
                    report.blocked() || note != null);
            services.runEnded().run();
        }, problem -> {
            scoring = false;
            screen.setStatus("Run " + id + " finished, but its report could not be made: "
                    + EvalsViewModel.sentence(problem), true);
            update();
            screen.history().refresh(false);
        });
    }

    private static String finishedLine(String id, EvalReport r, Duration took) {
        String verdict = r.gate().map(g -> " The gate " + (g.passed() ? "passed." : "blocked the change.")).orElse("");
        return "Finished " + id + ": " + r.passed() + " passed, " + r.failed() + " failed, " + r.errors()
                + (r.errors() == 1 ? " error" : " errors") + " in " + Items.duration(took) + "." + verdict;
    }

    private void update() {
        busy.set(active != null || starting || scoring);
        canCancel.set(busy.get() && !(active != null && active.cancelRequested));
    }
}
