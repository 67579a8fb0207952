package dev.aiworkbench.ui.evals;

import dev.aiworkbench.eval.report.EvalReport;
import dev.aiworkbench.eval.report.ItemResult;
import dev.aiworkbench.eval.report.MatrixReport;
import dev.aiworkbench.eval.run.EvalRun;
import dev.aiworkbench.eval.run.RunState;
import dev.aiworkbench.eval.stats.GateSpec;
import dev.aiworkbench.eval.suite.EvalSuite;
import dev.aiworkbench.ui.common.Sentences;
import dev.aiworkbench.ui.tasks.TaskExecutor;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleObjectProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.function.BiConsumer;
import java.util.function.Consumer;

/**
 * The stored runs of the combination the Evals screen has open: the pass-rate trend, the baselines a run can be
 * compared with, a stopped run to resume, and (when the suite is opened) the newest finished run's report.
 * Reads go through the screen's {@link TaskExecutor}; a read that a newer one overtook is dropped.
 */
public final class RunHistoryModel {
    private static final int TREND_RUNS = 200;

    /** A baseline the learner can pick; a null run id means the gate's own (the last run that passed). */
    record BaselineOption(String label, String runId) {
        @Override
        public String toString() {
            return label;
        }
    }

    private record StoredRuns(List<EvalRun> runs, EvalRun resumable, int resumableCases, EvalReport latest) {
    }

    private final EvalsViewModel screen;
    private final EvalsServices services;
    private final TaskExecutor tasks;
    private final DateTimeFormatter dates;
    private final ObservableList<EvalRun> trend = FXCollections.observableArrayList();
    private final ReadOnlyStringWrapper trendCaption = new ReadOnlyStringWrapper("");
    private final ObservableList<BaselineOption> baselines = FXCollections.observableArrayList();
    private final ObjectProperty<BaselineOption> baseline = new SimpleObjectProperty<>();
    private final ReadOnlyObjectWrapper<EvalRun> resumable = new ReadOnlyObjectWrapper<>();
    private final ReadOnlyStringWrapper resumeText = new ReadOnlyStringWrapper("Resume");
    private final ReadOnlyStringWrapper resumeTip = new ReadOnlyStringWrapper("");
    private int runsRequest;

    RunHistoryModel(EvalsViewModel screen, EvalsServices services, TaskExecutor tasks, DateTimeFormatter dates) {
        this.screen = screen;
        this.services = services;
        this.tasks = tasks;
        this.dates = dates;
    }

    /** Finished runs of the chosen combination with a pass rate, oldest first. */
    public ObservableList<EvalRun> trend() {
        return trend;
    }

    public ReadOnlyStringProperty trendCaptionProperty() {
        return trendCaption.getReadOnlyProperty();
    }

    ObservableList<BaselineOption> baselines() {
        return baselines;
    }

    /** The run a new run is paired with. */
    ObjectProperty<BaselineOption> baselineProperty() {
        return baseline;
    }

    /** A stopped run of the chosen combination that Resume finishes. */
    public ReadOnlyObjectProperty<EvalRun> resumableProperty() {
        return resumable.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty resumeTextProperty() {
        return resumeText.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty resumeTipProperty() {
        return resumeTip.getReadOnlyProperty();
    }

    /** Forgets the runs shown: the suite opened did not load. */
    void clear() {
        resumable.set(null);
        trend.clear();
        trendCaption.set("");
    }

    /**
     * Reads the runs again when another process wrote (a run finished in CI on this data folder): the trend, the
     * baselines and the run to resume; the report shown stays.
     */
    public void othersWrote() {
        refresh(false);
    }

    /** Reads the runs of the chosen prompt and model; {@code showLatest} shows the newest finished run's results. */
    void refresh(boolean showLatest) {
        EvalSuite current = screen.suiteProperty().get();
        if (current == null || screen.variantProperty().get() == null) {
            return;
        }
        String key = screen.variantProperty().get().suiteKey(current);
        String running = screen.run().runningId();
        int asked = ++runsRequest;
        tasks.run(() -> readRuns(key, running, showLatest), stored -> {
            if (asked == runsRequest && screen.suiteProperty().get() == current) {
                applyRuns(stored, showLatest);
            }
        }, failure -> {
            if (asked == runsRequest) {
                screen.setStatus("Could not read the stored runs of this suite: " + EvalsViewModel.sentence(failure),
                        true);
            }
        });
    }

    /**
     * Shows a stored run's report with one item selected, as a link from another screen asks (a recorded model call
     * names its eval run and case); the suite open, if any, stays open.
     *
     * @param itemKey the case to select, or null for none
     */
    void openRun(String runId, String itemKey) {
        if (screen.run().busy()) {
            screen.setStatus("A run is in progress: cancel it or wait for it before opening run " + runId + ".", true);
            return;
        }
        tasks.run(() -> services.history().report(runId), found -> {
            if (found.isEmpty()) {
                screen.setStatus("Run " + runId + " is no longer kept, so its case cannot be shown; the dashboard "
                        + "still lists the model calls it made.", true);
                return;
            }
            EvalReport shown = found.get();
            screen.showReport(shown, false);
            screen.results().filterProperty().set(ResultFilter.ALL);
            Optional<ItemResult> item = shown.items().stream().filter(i -> i.key().equals(itemKey)).findFirst();
            item.ifPresent(screen.results()::select);
            EvalRun run = shown.run();
            screen.setStatus("Showing run " + run.id() + " (" + run.promptLabel() + " on " + run.model()
                    + (run.startedAt() == null ? "" : ", " + dates.format(run.startedAt())) + ")"
                    + (item.isPresent() ? " with case " + itemKey + " selected." : itemKey == null ? "."
                    : "; it has no case " + itemKey + ".") + " Open its suite to run it again.",
                    itemKey != null && item.isEmpty());
        }, failure -> screen.setStatus("Could not read run " + runId + ": " + EvalsViewModel.sentence(failure), true));
    }

    /**
     * Scores a run that just finished against its baseline (the chosen one, else the gate's) and reads the
     * suite's runs again; {@code onDone} hears the report and the note on a baseline that could not be used.
     */
    void score(EvalRun done, BiConsumer<EvalReport, String> onDone, Consumer<Throwable> onFailure) {
        EvalSuite current = screen.suiteProperty().get();
        GateSpec gateSpec = screen.gate();
        Optional<String> chosenBaseline = Optional.ofNullable(baseline.get()).map(BaselineOption::runId);
        String key = done.suiteKey();
        tasks.run(() -> {
            String note = null;
            EvalReport made;
            try {
                made = services.reporter().report(done, Optional.of(gateSpec), chosenBaseline);
            } catch (IllegalArgumentException e) {
                note = Sentences.of(e.getMessage()) + " Compared with the gate's baseline instead.";
                made = services.reporter().report(done, Optional.of(gateSpec), Optional.empty());
            }
            return new Scored(made, readRuns(key, null, false), note);
        }, scored -> {
            if (screen.suiteProperty().get() == current) {
                screen.showReport(scored.report(), true);
                // Read with the report, after the run ended: newer than any refresh still on its way.
                ++runsRequest;
                applyRuns(scored.runs(), false);
            }
            onDone.accept(scored.report(), scored.note());
        }, onFailure);
    }

    private record Scored(EvalReport report, StoredRuns runs, String note) {
    }

    /**
     * Reads the open suite's prompt × provider matrix around a shown run (each other cell's newest comparable run);
     * {@code onRead} hears it when the suite has more than one cell.
     */
    void readMatrix(EvalRun shown, Consumer<MatrixReport> onRead) {
        EvalSuite current = screen.suiteProperty().get();
        if (current == null || current.cells().size() < 2) {
            return;
        }
        tasks.run(() -> services.history().matrix(current, shown), matrix -> matrix.ifPresent(onRead),
                failure -> screen.setStatus("Could not compare the suite's cells: " + EvalsViewModel.sentence(failure),
                        true));
    }

    /** The suite's stored runs, the one to resume (not {@code running}) and, when asked, the newest finished one's report. */
    private StoredRuns readRuns(String key, String running, boolean showLatest) {
        List<EvalRun> runs = services.history().runs(key, TREND_RUNS);
        EvalRun open = runs.stream().filter(r -> r.state() != RunState.FINISHED && !r.id().equals(running))
                .findFirst().orElse(null);
        int cases = open == null ? 0 : services.history().caseCount(open.id());
        EvalReport latest = showLatest ? services.history().latestReport(runs).orElse(null) : null;
        return new StoredRuns(runs, open, cases, latest);
    }

    private void applyRuns(StoredRuns stored, boolean showLatest) {
        showRuns(stored.runs());
        EvalRun open = stored.resumable();
        resumable.set(open);
        if (open != null) {
            resumeText.set("Resume " + open.id());
            resumeTip.set("Run " + open.id() + " stopped (" + open.state().id() + ") with " + stored.resumableCases()
                    + " of " + open.totalCases() + " cases done; Resume runs only the rest.");
        } else {
            resumeText.set("Resume");
            resumeTip.set("Nothing to resume: every run of this suite finished.");
        }
        if (showLatest && !screen.run().active()) {
            if (stored.latest() != null) {
                screen.showReport(stored.latest(), false);
            } else {
                screen.results().clear();
                screen.clearReport("No run of this suite yet: press Run.");
            }
            screen.run().resetProgress();
            if (open != null) {
                screen.setStatus(screen.statusProperty().get() + " Run " + open.id() + " was interrupted after "
                        + stored.resumableCases() + " of " + open.totalCases() + " cases: Resume finishes it.", false);
            }
        }
    }

    private void showRuns(List<EvalRun> newestFirst) {
        List<EvalRun> finished = new ArrayList<>(newestFirst.stream()
                .filter(r -> r.state() == RunState.FINISHED && r.passRate() != null).toList());
        finished.sort(Comparator.comparing(EvalRun::startedAt, Comparator.nullsFirst(Comparator.naturalOrder()))
                .thenComparing(EvalRun::id));
        trend.setAll(finished);
        trendCaption.set(SuiteTexts.trendCaption(finished.size()));
        BaselineOption previous = baseline.get();
        List<BaselineOption> options = new ArrayList<>();
        options.add(new BaselineOption("The gate's baseline (" + screen.gate().baseline() + ")", null));
        for (EvalRun r : newestFirst) {
            if (r.state() == RunState.FINISHED) {
                options.add(new BaselineOption(r.id() + " · " + (r.passRate() == null ? "no pass rate"
                        : Items.pct(r.passRate())) + (r.startedAt() == null ? "" : " · " + dates.format(r.startedAt())),
                        r.id()));
            }
        }
        baselines.setAll(options);
        baseline.set(options.stream().filter(o -> previous != null && Objects.equals(o.runId(), previous.runId()))
                .findFirst().orElse(options.get(0)));
    }
}
