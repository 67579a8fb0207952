package dev.aiworkbench.observability;

import dev.aiworkbench.llm.CallFeature;
import dev.aiworkbench.llm.CallTag;
import dev.aiworkbench.store.Database;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.List;
import java.util.OptionalDouble;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

/**
 * The aggregates against values worked out by hand. percentile_cont interpolates: over n sorted values the p-th
 * percentile sits at position p·(n−1) (from 0), between the two values around it.
 */
class CallStatsTest {
    private static final TimeRange MARCH = new TimeRange(Instant.parse("2026-03-01T00:00:00Z"),
            Instant.parse("2026-04-01T00:00:00Z"));

    @TempDir
    Path temp;

    private Database database;
    private CallStore store;
    private CallStats stats;

    @BeforeEach
    void open() {
        database = Database.open(temp.resolve("workbench.db"));
        store = new CallStore(database);
        stats = new CallStats(database);
    }

    @AfterEach
    void close() {
        database.close();
    }

    private void keep(Calls... calls) {
        // Priced at $1 per million tokens in and $2 per million out.
        store.insert(Stream.of(calls).map(Calls::call).toList(), (provider, model, usage) ->
                usage.promptTokens().isEmpty() || usage.outputTokens().isEmpty() ? OptionalDouble.empty()
                        : OptionalDouble.of((usage.promptTokens().getAsInt() + 2.0 * usage.outputTokens().getAsInt()) / 1e6));
    }

    @Test
    void percentiles_of_each_model_are_interpolated_over_the_calls_that_ended_well() {
        keep(Calls.ok("2026-03-02T10:00:00Z", "llama3.2", 300).ttft(30.0),
                Calls.ok("2026-03-02T10:01:00Z", "llama3.2", 100).ttft(10.0),
                Calls.ok("2026-03-02T10:02:00Z", "llama3.2", 1000).ttft(null),
                Calls.ok("2026-03-02T10:03:00Z", "llama3.2", 200).ttft(20.0),
                Calls.ok("2026-03-02T10:04:00Z", "llama3.2", 400).ttft(40.0),
                // An error and a cancel count as calls but not in the latency: fast failures are not fast answers.
                Calls.ok("2026-03-02T10:05:00Z", "llama3.2", 5).ttft(1.0).failed("unreachable"),
                Calls.ok("2026-03-02T10:06:00Z", "llama3.2", 7).ttft(2.0).cancelled(),
                Calls.ok("2026-03-02T10:07:00Z", "qwen3", 50).ttft(5.0));

        List<UsageGroup> groups = stats.groups(MARCH, GroupBy.MODEL, ZoneOffset.UTC, CallFilter.ALL);

        assertThat(groups).extracting(UsageGroup::key).containsExactly("llama3.2", "qwen3");
        UsageGroup llama = groups.get(0);
        assertThat(llama.calls()).isEqualTo(7);
        assertThat(llama.errors()).isEqualTo(1);
        // total: 100 200 300 400 1000 -> p50 at 2 = 300; p95 at 3.8 = 400 + 0.8·600 = 880; p99 at 3.96 = 976
        assertThat(llama.totalMs().p50()).isCloseTo(300, within(1e-9));
        assertThat(llama.totalMs().p95()).isCloseTo(880, within(1e-9));
        assertThat(llama.totalMs().p99()).isCloseTo(976, within(1e-9));
        // ttft: 10 20 30 40 (one ok call had none) -> p50 at 1.5 = 25; p95 at 2.85 = 38.5; p99 at 2.97 = 39.7
        assertThat(llama.ttftMs().p50()).isCloseTo(25, within(1e-9));
        assertThat(llama.ttftMs().p95()).isCloseTo(38.5, within(1e-9));
        assertThat(llama.ttftMs().p99()).isCloseTo(39.7, within(1e-9));
        UsageGroup qwen = groups.get(1);
        assertThat(qwen.totalMs()).isEqualTo(new Percentiles(50.0, 50.0, 50.0));
    }

    @Test
    void tokens_and_cost_add_up_what_is_known_and_unknown_stays_out() {
        keep(Calls.ok("2026-03-02T10:00:00Z", "llama3.2", 100).tokens(100, 50),
                Calls.ok("2026-03-02T10:01:00Z", "llama3.2", 100).tokens(1000, null),
                Calls.ok("2026-03-02T10:02:00Z", "llama3.2", 100).failed("timeout"));

        UsageGroup all = stats.total(MARCH, CallFilter.ALL);

        assertThat(all.calls()).isEqualTo(3);
        assertThat(all.errors()).isEqualTo(1);
        assertThat(all.inputTokens()).isEqualTo(1100);
        assertThat(all.outputTokens()).isEqualTo(50);
        // only the first call has both counts: (100 + 2·50) / 1e6
        assertThat(all.costUsd()).isCloseTo(200e-6, within(1e-12));
        assertThat(stats.calls(MARCH, CallFilter.ALL, 10)).extracting(StoredCall::costUsd)
                .containsExactly(null, null, 200e-6);
    }

    @Test
    void a_range_keeps_its_start_and_leaves_out_its_end() {
        keep(Calls.ok("2026-02-28T23:59:59.999Z", "m", 1), Calls.ok("2026-03-01T00:00:00Z", "m", 2),
                Calls.ok("2026-03-31T23:59:59.999Z", "m", 3), Calls.ok("2026-04-01T00:00:00Z", "m", 4));

        assertThat(stats.calls(MARCH, CallFilter.ALL, 10)).extracting(c -> c.call().totalMs()).containsExactly(3.0, 2.0);
    }

    @Test
    void days_are_the_learners_days_and_features_are_grouped_too() {
        ZoneId berlin = ZoneId.of("Europe/Berlin");
        // 23:30 UTC on the 2nd is 00:30 on the 3rd in Berlin (UTC+1 in March before the switch).
        keep(Calls.ok("2026-03-02T22:30:00Z", "m", 1), Calls.ok("2026-03-02T23:30:00Z", "m", 2).feature(CallFeature.EVAL),
                Calls.ok("2026-03-03T10:00:00Z", "m", 3).feature(CallFeature.JUDGE));

        assertThat(stats.groups(MARCH, GroupBy.DAY, ZoneOffset.UTC, CallFilter.ALL))
                .extracting(UsageGroup::key, UsageGroup::calls)
                .containsExactly(org.assertj.core.groups.Tuple.tuple("2026-03-02", 2L),
                        org.assertj.core.groups.Tuple.tuple("2026-03-03", 1L));
        assertThat(stats.groups(new TimeRange(MARCH.from(), Instant.parse("2026-03-10T00:00:00Z")), GroupBy.DAY, berlin,
                CallFilter.ALL)).extracting(UsageGroup::key, UsageGroup::calls)
                .containsExactly(org.assertj.core.groups.Tuple.tuple("2026-03-02", 1L),
                        org.assertj.core.groups.Tuple.tuple("2026-03-03", 2L));
        assertThat(stats.groups(MARCH, GroupBy.FEATURE, ZoneOffset.UTC, CallFilter.ALL)).extracting(UsageGroup::key)
                .containsExactly("eval", "judge", "playground");
        assertThat(stats.daily(MARCH, GroupBy.FEATURE, ZoneOffset.UTC, CallFilter.ALL))
                .extracting(DailyGroup::day, p -> p.group().key())
                .containsExactly(org.assertj.core.groups.Tuple.tuple(LocalDate.parse("2026-03-02"), "eval"),
                        org.assertj.core.groups.Tuple.tuple(LocalDate.parse("2026-03-02"), "playground"),
                        org.assertj.core.groups.Tuple.tuple(LocalDate.parse("2026-03-03"), "judge"));
    }

    @Test
    void the_histogram_counts_each_bucket_with_its_upper_bound_in_it() {
        keep(Calls.ok("2026-03-02T10:00:00Z", "m", 10), Calls.ok("2026-03-02T10:00:01Z", "m", 10.5),
                Calls.ok("2026-03-02T10:00:02Z", "m", 20), Calls.ok("2026-03-02T10:00:03Z", "m", 99),
                Calls.ok("2026-03-02T10:00:04Z", "m", 5000), Calls.ok("2026-03-02T10:00:05Z", "m", 1).failed("busy"));

        LatencyHistogram histogram = stats.histogram(MARCH, LatencyMeasure.TOTAL, List.of(10.0, 20.0, 100.0),
                CallFilter.ALL);

        assertThat(histogram.counts()).containsExactly(1L, 2L, 1L, 1L);
        assertThat(histogram.total()).isEqualTo(5);
    }

    @Test
    void the_calls_behind_a_point_are_the_ones_of_its_range_and_group_newest_first() {
        keep(Calls.ok("2026-03-02T10:00:00Z", "llama3.2", 1).tag(CallTag.prompt("summarise", 2)),
                Calls.ok("2026-03-02T11:00:00Z", "qwen3", 2),
                Calls.ok("2026-03-02T12:00:00Z", "llama3.2", 3).failed("model_not_found"),
                Calls.ok("2026-03-03T10:00:00Z", "llama3.2", 4));
        TimeRange day = new TimeRange(Instant.parse("2026-03-02T00:00:00Z"), Instant.parse("2026-03-03T00:00:00Z"));

        List<StoredCall> behind = stats.calls(day, CallFilter.group(GroupBy.MODEL, "llama3.2"), 10);

        assertThat(behind).extracting(c -> c.call().totalMs()).containsExactly(3.0, 1.0);
        StoredCall first = behind.get(1);
        assertThat(first.call().tag()).isEqualTo(new CallTag(CallFeature.PLAYGROUND, "summarise", 2, null, null, null));
        assertThat(stats.call(first.id())).contains(first);
        assertThat(stats.calls(day, CallFilter.model("llama3.2").errors(), 10)).extracting(c -> c.call().errorKind())
                .containsExactly("model_not_found");
        assertThat(stats.calls(day, CallFilter.ALL, 1)).hasSize(1);
    }

    @Test
    void the_report_totals_the_range_and_groups_it() {
        keep(Calls.ok("2026-03-02T10:00:00Z", "a", 1).tokens(1_000_000, 0),
                Calls.ok("2026-03-02T10:00:00Z", "b", 1).tokens(0, 1_000_000).failed("timeout"),
                Calls.ok("2026-03-02T10:00:00Z", "b", 1).tokens(0, 1_000_000));

        UsageReport report = stats.report(MARCH, GroupBy.MODEL, ZoneOffset.UTC);

        assertThat(report.calls()).isEqualTo(3);
        assertThat(report.errors()).isEqualTo(1);
        assertThat(report.costUsd()).isCloseTo(3.0, within(1e-9));
        assertThat(report.groups()).extracting(UsageGroup::key, UsageGroup::calls, UsageGroup::costUsd)
                .containsExactly(org.assertj.core.groups.Tuple.tuple("a", 1L, 1.0),
                        org.assertj.core.groups.Tuple.tuple("b", 2L, 2.0));
    }

    @Test
    void an_eval_runs_calls_are_found_by_its_id() {
        keep(Calls.ok("2026-03-02T10:00:00Z", "m", 1).feature(CallFeature.EVAL).tag(CallTag.evalRun("run-1")
                        .withEvalCase("item-1", 0)),
                Calls.ok("2026-03-02T10:00:01Z", "judge", 2).feature(CallFeature.JUDGE).tag(CallTag.evalRun("run-1")),
                Calls.ok("2026-03-02T10:00:02Z", "m", 3).feature(CallFeature.EVAL).tag(CallTag.evalRun("run-2")));

        assertThat(stats.callsOfEvalRun("run-1")).extracting(c -> c.call().tag().feature(), c -> c.call().tag().evalItemKey())
                .containsExactly(org.assertj.core.groups.Tuple.tuple(CallFeature.EVAL, "item-1"),
                        org.assertj.core.groups.Tuple.tuple(CallFeature.JUDGE, null));
    }
}
