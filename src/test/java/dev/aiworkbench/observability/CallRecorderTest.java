package dev.aiworkbench.observability;

import dev.aiworkbench.store.Database;
import dev.aiworkbench.store.SettingsStore;
import dev.aiworkbench.testing.MutableClock;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.OptionalDouble;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.stream.IntStream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The queue and its writer: never in a caller's way, everything written by close, old records pruned. */
class CallRecorderTest {
    private static final TimeRange ALL_TIME = new TimeRange(Instant.EPOCH, Instant.parse("2100-01-01T00:00:00Z"));

    @TempDir
    Path temp;

    private final MutableClock clock = MutableClock.utc("2026-06-01T12:00:00");
    private Database database;
    private CallStore store;
    private CallRetention retention;
    private CallStats stats;

    @BeforeEach
    void open() {
        database = Database.open(temp.resolve("workbench.db"));
        store = new CallStore(database);
        retention = new CallRetention(new StoredSettings(database), store);
        stats = new CallStats(database);
    }

    @AfterEach
    void close() {
        database.close();
    }

    private CallRecorder recorder(int capacity) {
        return new CallRecorder(store, () -> (provider, model, usage) -> OptionalDouble.of(0.5), retention, clock,
                capacity);
    }

    private long kept() {
        return stats.total(ALL_TIME, CallFilter.ALL).calls();
    }

    @Test
    void a_caller_is_never_held_up_even_while_the_database_is_busy_and_a_full_queue_drops_and_counts() throws Exception {
        try (CallRecorder recorder = recorder(4)) {
            recorder.flush();
            CountDownLatch holding = new CountDownLatch(1);
            CountDownLatch release = new CountDownLatch(1);
            // Another thread holds the database, so the writer cannot write: the queue fills.
            CompletableFuture<Void> busy = CompletableFuture.runAsync(() -> database.inTransaction(c -> {
                holding.countDown();
                try {
                    release.await();
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
                return null;
            }));
            assertThat(holding.await(5, TimeUnit.SECONDS)).isTrue();

            recorder.record(Calls.ok("2026-06-01T11:00:00Z", "m", 0).call());
            awaitWriterBlocked();
            long started = System.nanoTime();
            for (int i = 1; i <= 20; i++) {
                recorder.record(Calls.ok("2026-06-01T11:00:00Z", "m", i).call());
            }
            long tookMs = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - started);

            release.countDown();
            busy.get(5, TimeUnit.SECONDS);
            recorder.flush();
            // The writer holds the first call; the queue takes four more; sixteen are dropped.
            assertThat(recorder.dropped()).isEqualTo(16);
            assertThat(kept()).isEqualTo(5);
            assertThat(recorder.written()).isEqualTo(5);
            // Generous: the point is that no record() waited for the held database (which was held for all of it).
            assertThat(tookMs).isLessThan(1_000);
        }
    }

    @Test
    void close_writes_everything_recorded_before_it_and_prices_each_call() {
        CallRecorder recorder = recorder(CallRecorder.DEFAULT_CAPACITY);
        IntStream.range(0, 2_000).forEach(i -> recorder.record(Calls.ok("2026-06-01T11:00:00Z", "m", i).call()));
        recorder.close();

        assertThat(kept()).isEqualTo(2_000);
        assertThat(recorder.dropped()).isZero();
        assertThat(stats.total(ALL_TIME, CallFilter.ALL).costUsd()).isEqualTo(1_000.0);
        recorder.record(Calls.ok("2026-06-01T11:00:00Z", "m", 1).call());
        assertThat(recorder.dropped()).isEqualTo(1);
    }

    @Test
    void sinks_hear_each_batch_after_it_is_kept_and_a_failing_sink_loses_nothing_else() {
        List<PricedCall> heard = new CopyOnWriteArrayList<>();
        try (CallRecorder recorder = recorder(64)) {
            recorder.addSink(sink(calls -> {
                throw new IllegalStateException("collector down");
            }));
            recorder.addSink(sink(heard::addAll));
            recorder.record(Calls.ok("2026-06-01T11:00:00Z", "m", 7).call());
            recorder.flush();
        }
        assertThat(heard).singleElement().satisfies(p -> {
            assertThat(p.call().totalMs()).isEqualTo(7);
            assertThat(p.costUsd()).isEqualTo(0.5);
        });
        assertThat(kept()).isEqualTo(1);
    }

    @Test
    void old_records_are_pruned_when_the_writer_starts_and_again_a_day_later() {
        store.insert(List.of(Calls.ok("2026-03-01T11:59:59Z", "old", 1).call(),
                Calls.ok("2026-03-03T13:00:00Z", "kept", 1).call()), CallPricing.NONE);

        try (CallRecorder recorder = recorder(64)) {
            recorder.flush();
            // 90 days before 2026-06-01T12:00Z is 2026-03-03T12:00Z.
            assertThat(stats.calls(ALL_TIME, CallFilter.ALL, 10)).extracting(c -> c.call().model())
                    .containsExactly("kept");

            retention.setDays(30);
            clock.advance(Duration.ofDays(1));
            recorder.record(Calls.ok("2026-06-02T11:00:00Z", "new", 1).call());
            recorder.flush();
            assertThat(stats.calls(ALL_TIME, CallFilter.ALL, 10)).extracting(c -> c.call().model())
                    .containsExactly("new");
        }
    }

    @Test
    void retention_is_a_setting_of_whole_days_with_ninety_by_default() {
        assertThat(retention.days()).isEqualTo(90);
        retention.setDays(7);
        assertThat(retention.days()).isEqualTo(7);
        assertThatThrownBy(() -> retention.setDays(0)).hasMessageContaining("at least one day");
        new SettingsStore(database).put(CallRetention.SETTING, "soon");
        assertThat(retention.days()).isEqualTo(90);
    }

    /** Waits until the writer thread waits for the database lock. */
    private static void awaitWriterBlocked() throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(5);
        while (System.nanoTime() < deadline) {
            for (Thread thread : Thread.getAllStackTraces().keySet()) {
                if (thread.getName().equals("call-recorder") && thread.getState() == Thread.State.BLOCKED) {
                    return;
                }
            }
            Thread.sleep(5);
        }
        throw new AssertionError("the writer never waited for the database");
    }

    private static CallSink sink(java.util.function.Consumer<List<PricedCall>> accept) {
        return new CallSink() {
            @Override
            public void accept(List<PricedCall> calls) {
                accept.accept(calls);
            }

            @Override
            public void close() {
            }
        };
    }
}
