package dev.aiworkbench.observability;

import dev.aiworkbench.store.Database;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Random;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

/**
 * The rollups by hour and day against the calls they roll up: over random ranges (edge hours, ranges inside one hour, a DST
 * switch, a half-hour zone), the rollup path gives the exact counts and sums, percentiles within the sketch's
 * accuracy, and exact histograms; the writer's rollups equal a rebuild from the calls, before and after pruning.
 */
class CallRollupsTest {
    /** Europe/Berlin moves to summer time on 2026-03-29 at 01:00 UTC, in the middle of the calls. */
    private static final Instant START = Instant.parse("2026-03-24T07:13:00Z");
    private static final Duration SPAN = Duration.ofDays(10);
    private static final List<ZoneId> ZONES = List.of(ZoneOffset.UTC, ZoneId.of("Europe/Berlin"),
            ZoneId.of("Asia/Kolkata"), ZoneId.of("America/New_York"));

    @TempDir
    Path temp;

    private Database database;
    private CallStore store;
    private CallStats exact;
    private CallStats rolled;

    @BeforeEach
    void open() {
        database = Database.open(temp.resolve("workbench.db"));
        store = new CallStore(database);
        exact = new CallStats(database, Long.MAX_VALUE);
        rolled = new CallStats(database, 0);
        Random random = new Random(13);
        RandomCalls.keep(store, random, RandomCalls.over(random, START, SPAN, 6_000));
    }

    @AfterEach
    void close() {
        database.close();
    }

    @Test
    void rollups_answer_as_the_calls_do_over_random_ranges() {
        Random random = new Random(42);
        for (int round = 0; round < 60; round++) {
            TimeRange range = randomRange(random);
            ZoneId zone = ZONES.get(random.nextInt(ZONES.size()));
            CallFilter filter = switch (random.nextInt(4)) {
                case 0 -> CallFilter.feature("eval");
                case 1 -> CallFilter.model("qwen3");
                default -> CallFilter.ALL;
            };
            String where = "round " + round + ": " + range + " " + zone + " " + filter;

            sameGroup(where, rolled.total(range, filter), exact.total(range, filter), true);
            for (GroupBy by : GroupBy.values()) {
                boolean approximate = by != GroupBy.DAY || !zone.equals(ZoneId.of("Asia/Kolkata"));
                sameGroups(where + " by " + by, rolled.groups(range, by, zone, filter),
                        exact.groups(range, by, zone, filter), approximate);
            }
            List<DailyGroup> rolledDaily = rolled.daily(range, GroupBy.FEATURE, zone, filter);
            List<DailyGroup> exactDaily = exact.daily(range, GroupBy.FEATURE, zone, filter);
            assertThat(rolledDaily).as(where).extracting(DailyGroup::day).isEqualTo(exactDaily.stream().map(DailyGroup::day).toList());
            sameGroups(where + " daily", rolledDaily.stream().map(DailyGroup::group).toList(),
                    exactDaily.stream().map(DailyGroup::group).toList(), !zone.equals(ZoneId.of("Asia/Kolkata")));
            for (LatencyMeasure measure : LatencyMeasure.values()) {
                assertThat(rolled.histogram(range, measure, LatencyHistogram.DEFAULT_BOUNDS_MS, filter)).as(where)
                        .isEqualTo(exact.histogram(range, measure, LatencyHistogram.DEFAULT_BOUNDS_MS, filter));
            }
        }
    }

    @Test
    void a_range_of_few_calls_is_exact_and_a_large_one_says_it_is_approximate() {
        CallStats stats = new CallStats(database, 1_000);
        TimeRange hour = new TimeRange(Instant.parse("2026-03-25T10:00:00Z"), Instant.parse("2026-03-25T11:00:00Z"));
        TimeRange all = new TimeRange(START, START.plus(SPAN));

        assertThat(stats.total(hour, CallFilter.ALL).totalMs().approximate()).isFalse();
        assertThat(stats.total(hour, CallFilter.ALL)).isEqualTo(exact.total(hour, CallFilter.ALL));
        assertThat(stats.total(all, CallFilter.ALL).totalMs().approximate()).isTrue();
        // errors only is always read from the calls: the rollups do not keep which calls failed
        assertThat(stats.total(all, CallFilter.ALL.errors())).isEqualTo(exact.total(all, CallFilter.ALL.errors()));
    }

    @Test
    void the_writers_rollups_equal_a_rebuild_from_the_calls() {
        String written = RollupRows.of(database);

        rebuildAll();

        assertThat(RollupRows.of(database)).isEqualTo(written);
    }

    @Test
    void pruning_takes_the_rollups_of_the_pruned_calls_along() {
        Instant cutoff = Instant.parse("2026-03-29T01:37:12.345Z");

        store.deleteBefore(cutoff);

        String pruned = RollupRows.of(database);
        assertThat(pruned).doesNotContain("2026-03-28T").contains("2026-03-29T01:00:00.000Z");
        rebuildAll();
        assertThat(RollupRows.of(database)).isEqualTo(pruned);
        TimeRange all = new TimeRange(START, START.plus(SPAN));
        sameGroup("after pruning", rolled.total(all, CallFilter.ALL), exact.total(all, CallFilter.ALL), true);
        assertThat(rolled.total(new TimeRange(START, cutoff), CallFilter.ALL).calls()).isZero();
    }

    private TimeRange randomRange(Random random) {
        long spanMillis = SPAN.toMillis() + Duration.ofHours(4).toMillis();
        Instant from = START.minus(Duration.ofHours(2)).plusMillis((long) (random.nextDouble() * spanMillis));
        switch (random.nextInt(4)) {
            case 0 -> from = from.truncatedTo(ChronoUnit.HOURS);
            case 1 -> from = from.truncatedTo(ChronoUnit.MINUTES);
            default -> {
            }
        }
        long length = switch (random.nextInt(4)) {
            case 0 -> (long) (random.nextDouble() * Duration.ofMinutes(70).toMillis());
            case 1 -> Duration.ofHours(1 + random.nextInt(48)).toMillis();
            default -> (long) (random.nextDouble() * spanMillis);
        };
        return new TimeRange(from, from.plusMillis(length));
    }

    private static void sameGroups(String where, List<UsageGroup> rolled, List<UsageGroup> exact, boolean approximate) {
        assertThat(rolled).as(where).extracting(UsageGroup::key).isEqualTo(exact.stream().map(UsageGroup::key).toList());
        for (int i = 0; i < rolled.size(); i++) {
            sameGroup(where + " " + exact.get(i).key(), rolled.get(i), exact.get(i), approximate);
        }
    }

    private static void sameGroup(String where, UsageGroup rolled, UsageGroup exact, boolean approximate) {
        assertThat(rolled.key()).as(where).isEqualTo(exact.key());
        assertThat(rolled.calls()).as(where).isEqualTo(exact.calls());
        assertThat(rolled.errors()).as(where).isEqualTo(exact.errors());
        assertThat(rolled.inputTokens()).as(where).isEqualTo(exact.inputTokens());
        assertThat(rolled.outputTokens()).as(where).isEqualTo(exact.outputTokens());
        assertThat(rolled.costUsd()).as(where).isCloseTo(exact.costUsd(), within(1e-9));
        samePercentiles(where + " ttft", rolled.ttftMs(), exact.ttftMs(), approximate);
        samePercentiles(where + " total", rolled.totalMs(), exact.totalMs(), approximate);
        close(where + " tokens/s", rolled.tokensPerSecond(), exact.tokensPerSecond());
    }

    private static void samePercentiles(String where, Percentiles rolled, Percentiles exact, boolean approximate) {
        assertThat(exact.approximate()).isFalse();
        if (exact.p50() != null) {
            assertThat(rolled.approximate()).as(where).isEqualTo(approximate);
        }
        close(where + " p50", rolled.p50(), exact.p50());
        close(where + " p95", rolled.p95(), exact.p95());
        close(where + " p99", rolled.p99(), exact.p99());
    }

    private static void close(String where, Double rolled, Double exact) {
        if (exact == null) {
            assertThat(rolled).as(where).isNull();
        } else {
            assertThat(rolled).as(where).isCloseTo(exact, within(Percentiles.RELATIVE_ERROR * exact + 1e-9));
        }
    }

    private void rebuildAll() {
        database.inTransaction(c -> {
            for (RollupPeriod period : RollupPeriod.values()) {
                new CallRollups(database).rebuild(period, Instant.parse("2000-01-01T00:00:00Z"),
                        Instant.parse("2100-01-01T00:00:00Z"));
            }
            return null;
        });
    }
}
