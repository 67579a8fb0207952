package dev.aiworkbench.ui.observability;

import dev.aiworkbench.eval.report.EvalHistory;
import dev.aiworkbench.llm.CallTag;
import dev.aiworkbench.observability.CallFilter;
import dev.aiworkbench.observability.CallStats;
import dev.aiworkbench.observability.GroupBy;
import dev.aiworkbench.observability.LatencyMeasure;
import dev.aiworkbench.observability.StoredCall;
import dev.aiworkbench.observability.TimeRange;
import dev.aiworkbench.ui.common.Sentences;
import dev.aiworkbench.ui.tasks.LatestWins;
import dev.aiworkbench.ui.tasks.TaskExecutor;
import javafx.beans.binding.Bindings;
import javafx.beans.binding.BooleanBinding;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleObjectProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.format.FormatStyle;
import java.util.List;
import java.util.Locale;

/**
 * The Observability screen's state: the chosen range and what was read for it (figures, chart data, quality
 * series), and the drill-down from a point of a chart to the calls behind it and on to a call's eval case or
 * playground run. Every read goes through the {@link TaskExecutor}; a newer read makes an older one's result
 * stale, so a fast change of range never shows the figures of the range before.
 */
public final class ObservabilityViewModel {
    /** The most calls a drill-down lists: the newest, with the total said. */
    static final int CALL_LIMIT = 200;

    private record DrillCalls(Drill drill, long total, List<StoredCall> calls) {
    }

    private final DashboardReader reader;
    private final CallStats stats;
    private final ZoneId zone;
    private final Clock clock;
    private final TaskExecutor tasks;
    private final CallLinks links;
    private final DateTimeFormatter times;
    private final LatestWins<Dashboard> reads;
    private final LatestWins<DrillCalls> callReads;

    private final ObjectProperty<DashRange> range = new SimpleObjectProperty<>(DashRange.LAST_7_DAYS);
    private final ObjectProperty<LatencyMeasure> histogramMeasure =
            new SimpleObjectProperty<>(LatencyMeasure.TIME_TO_FIRST_TOKEN);
    private final ReadOnlyObjectWrapper<Dashboard> dashboard = new ReadOnlyObjectWrapper<>();
    private final ObservableList<Tile> tiles = FXCollections.observableArrayList();
    private final ReadOnlyBooleanWrapper loading = new ReadOnlyBooleanWrapper();
    private final ReadOnlyStringWrapper status = new ReadOnlyStringWrapper("");
    private final ReadOnlyBooleanWrapper statusProblem = new ReadOnlyBooleanWrapper();
    private final ReadOnlyStringWrapper emptyText = new ReadOnlyStringWrapper("");
    private final ReadOnlyObjectWrapper<Drill> drill = new ReadOnlyObjectWrapper<>();
    private final ObservableList<StoredCall> calls = FXCollections.observableArrayList();
    private final ReadOnlyStringWrapper drillStatus = new ReadOnlyStringWrapper("");
    private final ObjectProperty<StoredCall> selectedCall = new SimpleObjectProperty<>();
    private final ObservableList<CallField> callFields = FXCollections.observableArrayList();
    private final BooleanBinding canOpenEvalCase;
    private final BooleanBinding canOpenPlaygroundRun;

    public ObservabilityViewModel(CallStats stats, EvalHistory evals, ZoneId zone, Clock clock, TaskExecutor tasks,
                                  CallLinks links) {
        this.reader = new DashboardReader(stats, evals, zone);
        this.stats = stats;
        this.zone = zone;
        this.clock = clock;
        this.tasks = tasks;
        this.links = links;
        this.times = DateTimeFormatter.ofLocalizedDateTime(FormatStyle.MEDIUM).withLocale(Locale.getDefault())
                .withZone(zone);
        this.reads = new LatestWins<>(tasks, this::show, failure -> {
            loading.set(false);
            setStatus("Could not read the recorded calls: " + Sentences.of(failure.getMessage())
                    + " Press Refresh to try again.", true);
        });
        this.callReads = new LatestWins<>(tasks, this::showCalls, failure -> drillStatus.set(
                "Could not read the calls: " + Sentences.of(failure.getMessage()) + " Pick the point again."));
        canOpenEvalCase = Bindings.createBooleanBinding(() -> selectedCall.get() != null
                && selectedCall.get().call().tag().evalRunId() != null
                && selectedCall.get().call().tag().evalItemKey() != null, selectedCall);
        canOpenPlaygroundRun = Bindings.createBooleanBinding(() -> selectedCall.get() != null
                && selectedCall.get().call().tag().playgroundRunKey() != null, selectedCall);
        range.addListener((obs, was, now) -> {
            closeDrill();
            refresh();
        });
        histogramMeasure.addListener((obs, was, now) -> refresh());
        selectedCall.addListener((obs, was, now) -> callFields.setAll(now == null ? List.of()
                : CallFields.of(now, times)));
    }

    // ---------------------------------------------------------------------------------------------
    // the range and its figures

    public ObjectProperty<DashRange> rangeProperty() {
        return range;
    }

    /** Which latency the histogram counts. */
    public ObjectProperty<LatencyMeasure> histogramMeasureProperty() {
        return histogramMeasure;
    }

    /** What was read for the range; null until the first read is in. */
    public ReadOnlyObjectProperty<Dashboard> dashboardProperty() {
        return dashboard.getReadOnlyProperty();
    }

    public ObservableList<Tile> tiles() {
        return tiles;
    }

    public ReadOnlyBooleanProperty loadingProperty() {
        return loading.getReadOnlyProperty();
    }

    /** The last thing that went wrong, as a sentence with a next step; empty when all is well. */
    public ReadOnlyStringProperty statusProperty() {
        return status.getReadOnlyProperty();
    }

    public ReadOnlyBooleanProperty statusProblemProperty() {
        return statusProblem.getReadOnlyProperty();
    }

    /** What the screen says instead of charts when the range has no calls; empty otherwise. */
    public ReadOnlyStringProperty emptyTextProperty() {
        return emptyText.getReadOnlyProperty();
    }

    /** Reads the chosen range again, ending now. */
    public void refresh() {
        DashRange choice = range.get();
        LatencyMeasure measure = histogramMeasure.get();
        Instant now = clock.instant();
        loading.set(true);
        reads.request(() -> reader.read(choice, choice.endingAt(now), measure));
    }

    private void show(Dashboard read) {
        loading.set(false);
        setStatus("", false);
        dashboard.set(read);
        tiles.setAll(Tiles.of(read));
        emptyText.set(read.noCalls() ? "No model calls in " + read.choice().phrase() + ". Run a prompt in the "
                + "Playground or an eval suite on the Evals screen, and its calls show here." : "");
    }

    private void setStatus(String text, boolean problem) {
        status.set(text);
        statusProblem.set(problem);
    }

    // ---------------------------------------------------------------------------------------------
    // drill-down

    /** The point whose calls are listed; null when none is. */
    public ReadOnlyObjectProperty<Drill> drillProperty() {
        return drill.getReadOnlyProperty();
    }

    /** The calls behind the point, newest first. */
    public ObservableList<StoredCall> calls() {
        return calls;
    }

    /** "Showing the newest 200 of 1,234 calls", or why the list is empty. */
    public ReadOnlyStringProperty drillStatusProperty() {
        return drillStatus.getReadOnlyProperty();
    }

    public ObjectProperty<StoredCall> selectedCallProperty() {
        return selectedCall;
    }

    /** The picked call's fields. */
    public ObservableList<CallField> callFields() {
        return callFields;
    }

    public BooleanBinding canOpenEvalCaseProperty() {
        return canOpenEvalCase;
    }

    public BooleanBinding canOpenPlaygroundRunProperty() {
        return canOpenPlaygroundRun;
    }

    /** Lists the calls of one feature on one day of the range (a segment of a bar of the daily chart). */
    public void drillDay(LocalDate day, String feature) {
        Dashboard shown = dashboard.get();
        if (shown == null) {
            return;
        }
        TimeRange all = shown.range();
        Instant from = day.atStartOfDay(zone).toInstant();
        Instant to = day.plusDays(1).atStartOfDay(zone).toInstant();
        TimeRange clipped = new TimeRange(from.isBefore(all.from()) ? all.from() : from,
                to.isAfter(all.to()) ? all.to() : to);
        open(new Drill("Calls from " + feature + " on " + day, clipped, CallFilter.feature(feature)));
    }

    /** Lists the range's calls of one model or feature (a bar of a chart by model or feature). */
    public void drillGroup(GroupBy by, String key) {
        Dashboard shown = dashboard.get();
        if (shown == null) {
            return;
        }
        String what = by == GroupBy.FEATURE ? "from " + key : "of " + by.id() + " " + key;
        open(new Drill("Calls " + what + " in " + shown.choice().phrase(), shown.range(), CallFilter.group(by, key)));
    }

    private void open(Drill point) {
        drill.set(point);
        calls.clear();
        selectedCall.set(null);
        drillStatus.set("Reading the calls…");
        callReads.request(() -> new DrillCalls(point, stats.total(point.range(), point.filter()).calls(),
                stats.calls(point.range(), point.filter(), CALL_LIMIT)));
    }

    private void showCalls(DrillCalls read) {
        if (read.drill() != drill.get()) {
            return;
        }
        calls.setAll(read.calls());
        long total = read.total();
        drillStatus.set(total == 0 ? "No calls here any more: they were pruned by the retention setting."
                : total > read.calls().size() ? "Showing the newest " + read.calls().size() + " of "
                + DashTexts.count(total) + " calls; pick one to see its fields."
                : DashTexts.count(total) + (total == 1 ? " call" : " calls") + "; pick one to see its fields.");
    }

    /** Closes the list of calls. */
    public void closeDrill() {
        drill.set(null);
        calls.clear();
        selectedCall.set(null);
        drillStatus.set("");
    }

    /** Opens the Evals screen at the picked call's run and case. */
    public void openEvalCase() {
        if (canOpenEvalCase.get()) {
            CallTag tag = selectedCall.get().call().tag();
            links.openEvalCase().accept(tag.evalRunId(), tag.evalItemKey());
        }
    }

    /** Opens the Playground's history at the picked call's run. */
    public void openPlaygroundRun() {
        if (!canOpenPlaygroundRun.get()) {
            return;
        }
        String key = selectedCall.get().call().tag().playgroundRunKey();
        tasks.run(() -> links.playgroundRunOfKey().apply(key), id -> id.ifPresentOrElse(
                links.openPlaygroundRun()::accept,
                () -> drillStatus.set("The playground run of this call is no longer kept (a restored or replaced "
                        + "database); the call's fields here are all there is.")),
                failure -> drillStatus.set("Could not find the playground run: " + Sentences.of(failure.getMessage())
                        + " Try again."));
    }
}
