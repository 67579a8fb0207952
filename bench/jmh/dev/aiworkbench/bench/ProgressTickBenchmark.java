package dev.aiworkbench.bench;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.aiworkbench.app.AppInfo;
import dev.aiworkbench.curriculum.InstalledPack;
import dev.aiworkbench.curriculum.Pack;
import dev.aiworkbench.curriculum.Task;
import dev.aiworkbench.curriculum.Week;
import dev.aiworkbench.curriculum.WorkItem;
import dev.aiworkbench.progress.Completion;
import dev.aiworkbench.progress.PlanSettings;
import dev.aiworkbench.progress.ProgressChange;
import dev.aiworkbench.progress.ProgressReport;
import dev.aiworkbench.progress.ProgressService;
import dev.aiworkbench.progress.ProgressSnapshot;
import dev.aiworkbench.progress.Schedule;
import dev.aiworkbench.progress.TaskState;
import dev.aiworkbench.progress.TimeEntry;
import dev.aiworkbench.progress.WeekDates;
import dev.aiworkbench.store.Database;
import dev.aiworkbench.store.Timestamps;
import dev.aiworkbench.testing.PackGenerator;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;
import org.openjdk.jmh.infra.IterationParams;
import org.openjdk.jmh.runner.IterationType;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;

/**
 * Budget (issue 9): a tick costs the same however long the history is. One operation is
 * {@value #TICKS} ticks of the GUI's path from the click to the week page updated: the task's state
 * written with its event, the next snapshot, and what the Curriculum screen derives from it (the
 * tree's {@link ProgressReport}; the week page's dates, completion, minutes per task, running timer
 * and task states, as {@code WeekPage.showTimes} does). {@link #tick} goes through
 * {@link ProgressService#apply}, as the GUI does; {@link #tickFullRead} is the path before it:
 * {@code mark} then a full {@code snapshot}, shown for contrast. The database is seeded once per trial
 * with {@code history} events (state changes over the default pack's tasks, 50 a day) and the first
 * snapshot is taken then, outside the measurement, so the bytes allocated per operation
 * ({@code -prof gc}) are the ticks' alone: a figure the machine's load does not move. The history
 * grows by {@value #TICKS} events per operation, 800 at most over a trial. {@link #tickInTurn} runs
 * the two histories in turn in one fork and gives the budget's verdict.
 */
@BenchmarkMode(Mode.SingleShotTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 20)
@Measurement(iterations = 20)
@Fork(value = 1, jvmArgsAppend = {"-Xmx2g", "--enable-native-access=ALL-UNNAMED"})
public class ProgressTickBenchmark {
    public static final int TICKS = 20;
    private static final int WARM_UP_TICKS = 2_000;
    /** Where {@link BothHistories} leaves its medians, relative to the project root run-jmh.sh runs in. */
    public static final String INTERLEAVED_FILE = "target/bench/progress-tick-interleaved.json";
    private static final int EVENTS_PER_DAY = 50;

    @State(Scope.Benchmark)
    public static class SeededHistory {
        @Param({"1000", "100000"})
        public int history;

        Pack pack;
        Week week;
        Path dir;
        Database database;
        ProgressService progress;
        ProgressSnapshot snapshot;
        int next;

        /** Seeds the history, then opens the database the way the app does and takes the first snapshot. */
        @Setup(Level.Trial)
        public void seed() throws IOException, SQLException {
            pack = InstalledPack.load(Optional.empty(), AppInfo.version()).pack()
                    .orElseThrow(() -> new IllegalStateException("the built-in pack does not load"));
            List<String> taskIds = pack.workItems().stream().filter(w -> w.kind() == WorkItem.Kind.TASK)
                    .map(WorkItem::id).toList();
            week = pack.weeks().get(0);
            dir = Files.createTempDirectory("workbench-bench-tick-");
            warmUp(dir.resolve("scratch.db"));
            Path file = dir.resolve("progress.db");
            Database.open(file).close();
            write(file, pack.id(), taskIds, history);
            database = Database.open(file);
            progress = new ProgressService(database, Clock.systemUTC());
            progress.setPlan(pack, new PlanSettings(LocalDate.of(2020, 1, 6), 10));
            snapshot = progress.snapshot(pack);
            if (snapshot.events().size() != history) {
                throw new IllegalStateException("the seeded history holds " + snapshot.events().size()
                        + " events, not " + history);
            }
        }

        /**
         * Ticks on a scratch database, so that both sizes start measuring with the tick's code equally
         * compiled: otherwise the large history's first snapshot (in setup) warms up far more of it.
         */
        private void warmUp(Path scratch) {
            try (Database db = Database.open(scratch)) {
                progress = new ProgressService(db, Clock.systemUTC());
                snapshot = progress.snapshot(pack);
                for (int i = 0; i < WARM_UP_TICKS; i++) {
                    snapshot = progress.apply(pack, snapshot, nextClick());
                    curriculumScreen(pack, week, snapshot);
                }
            }
            next = 0;
        }

        /** The next task of the week page and the state that changes it. */
        ProgressChange.Mark nextClick() {
            Task task = week.tasks().get(next++ % week.tasks().size());
            return new ProgressChange.Mark(task.id(),
                    snapshot.state(task.id()) == TaskState.DONE ? TaskState.TODO : TaskState.DONE);
        }

        /** Events that walk the tasks in turn, each one toggled between done and todo, with item states to match. */
        private static void write(Path file, String packId, List<String> tasks, int events) throws SQLException {
            Instant start = LocalDate.of(2020, 1, 6).atStartOfDay().toInstant(ZoneOffset.UTC);
            Map<String, TaskState> states = new HashMap<>();
            Map<String, Instant> updated = new HashMap<>();
            try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + file.toAbsolutePath())) {
                c.setAutoCommit(false);
                try (PreparedStatement insert = c.prepareStatement("INSERT INTO progress_event "
                        + "(pack_id, item_id, kind, from_state, to_state, minutes, at) VALUES (?, ?, 'state', ?, ?, NULL, ?)")) {
                    for (int i = 0; i < events; i++) {
                        String item = tasks.get(i % tasks.size());
                        TaskState from = states.getOrDefault(item, TaskState.TODO);
                        TaskState to = from == TaskState.DONE ? TaskState.TODO : TaskState.DONE;
                        Instant at = start.plus(Duration.ofDays(i / EVENTS_PER_DAY))
                                .plusSeconds(60L * (i % EVENTS_PER_DAY));
                        insert.setString(1, packId);
                        insert.setString(2, item);
                        insert.setString(3, from.id());
                        insert.setString(4, to.id());
                        insert.setString(5, Timestamps.format(at));
                        insert.addBatch();
                        states.put(item, to);
                        updated.put(item, at);
                    }
                    insert.executeBatch();
                }
                try (PreparedStatement insert = c.prepareStatement(
                        "INSERT INTO item_state (pack_id, item_id, state, updated_at) VALUES (?, ?, ?, ?)")) {
                    for (Map.Entry<String, TaskState> state : states.entrySet()) {
                        insert.setString(1, packId);
                        insert.setString(2, state.getKey());
                        insert.setString(3, state.getValue().id());
                        insert.setString(4, Timestamps.format(updated.get(state.getKey())));
                        insert.addBatch();
                    }
                    insert.executeBatch();
                }
                c.commit();
            }
        }

        @TearDown(Level.Trial)
        public void close() {
            database.close();
            PackGenerator.deleteTree(dir);
        }
    }

    /**
     * Both histories in one fork, ticked in turn (which goes first alternates), so that a change in the
     * machine's load hits both alike; run one after the other in their own forks, as {@link #tick} runs
     * them, a busy spell of a minute decides the ratio. Trial teardown writes the medians of the measured
     * operations to {@value #INTERLEAVED_FILE}, where BenchSummary takes the verdict from.
     */
    @State(Scope.Benchmark)
    public static class BothHistories {
        final SeededHistory small = new SeededHistory();
        final SeededHistory large = new SeededHistory();
        final List<Long> smallNanos = new ArrayList<>();
        final List<Long> largeNanos = new ArrayList<>();
        boolean measuring;
        int operations;

        @Setup(Level.Trial)
        public void seed() throws IOException, SQLException {
            small.history = 1_000;
            large.history = 100_000;
            small.seed();
            large.seed();
        }

        @Setup(Level.Iteration)
        public void phase(IterationParams iteration) {
            measuring = iteration.getType() == IterationType.MEASUREMENT;
        }

        @TearDown(Level.Trial)
        public void report() throws IOException {
            small.close();
            large.close();
            Map<String, Object> result = new LinkedHashMap<>();
            result.put("ticksPerOperation", TICKS);
            result.put("operations", smallNanos.size());
            result.put("smallHistory", small.history);
            result.put("largeHistory", large.history);
            result.put("smallMedianMs", median(smallNanos) / 1e6);
            result.put("largeMedianMs", median(largeNanos) / 1e6);
            Path file = Path.of(INTERLEAVED_FILE);
            Files.createDirectories(file.getParent());
            Files.writeString(file, new ObjectMapper().writerWithDefaultPrettyPrinter().writeValueAsString(result));
        }

        private static double median(List<Long> nanos) {
            List<Long> sorted = nanos.stream().sorted().toList();
            int n = sorted.size();
            return n == 0 ? Double.NaN : n % 2 == 1 ? sorted.get(n / 2) : (sorted.get(n / 2 - 1) + sorted.get(n / 2)) / 2.0;
        }
    }

    @Benchmark
    @Warmup(iterations = 20)
    @Measurement(iterations = 40)
    public long tickInTurn(BothHistories both) {
        boolean smallFirst = both.operations++ % 2 == 0;
        SeededHistory first = smallFirst ? both.small : both.large;
        SeededHistory second = smallFirst ? both.large : both.small;
        long start = System.nanoTime();
        long shown = tick(first);
        long between = System.nanoTime();
        shown += tick(second);
        long end = System.nanoTime();
        if (both.measuring) {
            both.smallNanos.add(smallFirst ? between - start : end - between);
            both.largeNanos.add(smallFirst ? end - between : between - start);
        }
        return shown;
    }

    @Benchmark
    public long tick(SeededHistory h) {
        long shown = 0;
        for (int i = 0; i < TICKS; i++) {
            ProgressChange.Mark click = h.nextClick();
            h.snapshot = h.progress.apply(h.pack, h.snapshot, click);
            shown += curriculumScreen(h.pack, h.week, h.snapshot);
        }
        return checked(shown, h);
    }

    /** Fewer iterations: with 100,000 events each full read takes a good part of a second. */
    @Benchmark
    @Warmup(iterations = 3)
    @Measurement(iterations = 5)
    public long tickFullRead(SeededHistory h) {
        long shown = 0;
        for (int i = 0; i < TICKS; i++) {
            ProgressChange.Mark click = h.nextClick();
            h.progress.mark(h.pack, click.itemId(), click.state());
            h.snapshot = h.progress.snapshot(h.pack);
            shown += curriculumScreen(h.pack, h.week, h.snapshot);
        }
        return checked(shown, h);
    }

    private static long checked(long shown, SeededHistory h) {
        if (h.snapshot.events().size() < h.history + TICKS) {
            throw new IllegalStateException("a tick did not record its event");
        }
        return shown;
    }

    /** What CurriculumView.refresh and WeekPage.showTimes compute from a new snapshot. */
    static long curriculumScreen(Pack pack, Week week, ProgressSnapshot snapshot) {
        ProgressReport tree = ProgressReport.of(pack, snapshot);
        long shown = tree.workWeek().map(Week::number).orElse(0);
        Optional<WeekDates> dates = Schedule.of(pack, snapshot.plan()).week(week.number());
        Completion completion = ProgressReport.of(pack, snapshot).of(week.id());
        Map<String, Long> minutes = snapshot.minutesByItem(Instant.now());
        Optional<String> timing = snapshot.runningTimer().map(TimeEntry::itemId);
        for (Task task : week.tasks()) {
            shown += snapshot.state(task.id()).ordinal() + minutes.getOrDefault(task.id(), 0L)
                    + (timing.filter(task.id()::equals).isPresent() ? 1 : 0);
        }
        return shown + completion.percent() + dates.map(d -> d.end().getDayOfYear()).orElse(0);
    }
}
