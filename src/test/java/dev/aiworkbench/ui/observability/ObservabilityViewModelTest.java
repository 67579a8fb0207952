package dev.aiworkbench.ui.observability;

import dev.aiworkbench.app.Workbench;
import dev.aiworkbench.eval.report.QualityMeasure;
import dev.aiworkbench.eval.run.CaseResult;
import dev.aiworkbench.eval.run.EvalHarness;
import dev.aiworkbench.eval.run.EvalRun;
import dev.aiworkbench.llm.CallFeature;
import dev.aiworkbench.llm.CallTag;
import dev.aiworkbench.observability.CallOutcome;
import dev.aiworkbench.observability.GroupBy;
import dev.aiworkbench.observability.ModelCall;
import dev.aiworkbench.observability.Operation;
import dev.aiworkbench.observability.StoredCall;
import dev.aiworkbench.prompts.PlaygroundResult;
import dev.aiworkbench.prompts.PromptContent;
import dev.aiworkbench.prompts.RunSetup;
import dev.aiworkbench.testing.DeferredTaskExecutor;
import dev.aiworkbench.testing.ImmediateTaskExecutor;
import dev.aiworkbench.testing.MutableClock;
import dev.aiworkbench.testing.WorkbenchFixture;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

/** The dashboard's state over real recorded calls in a real database, its reads run at once or held by hand. */
class ObservabilityViewModelTest {
    private static final Instant NOW = Instant.parse("2026-03-10T12:00:00Z");

    @TempDir
    Path temp;

    private final List<String> openedCases = new ArrayList<>();
    private final List<Long> openedRuns = new ArrayList<>();

    private CallLinks links(Workbench workbench) {
        return new CallLinks((run, item) -> openedCases.add(run + "#" + item), workbench.runs()::idOfKey,
                openedRuns::add);
    }

    private static ModelCall ok(Instant at, CallFeature feature, String model, double ttft, double total, double speed) {
        return new ModelCall(at, CallTag.of(feature), Operation.CHAT, "ollama", model, 10, 20, ttft, total, speed,
                CallOutcome.OK, null);
    }

    /** Three playground calls today, a failed lab check two days ago, a judge call twenty days ago. */
    private static void seed(Workbench workbench) {
        var recorder = workbench.observability().recorder();
        recorder.record(ok(NOW.minus(Duration.ofHours(1)), CallFeature.PLAYGROUND, "m-a", 100, 1000, 10));
        recorder.record(ok(NOW.minus(Duration.ofHours(2)), CallFeature.PLAYGROUND, "m-a", 200, 2000, 20));
        recorder.record(ok(NOW.minus(Duration.ofHours(3)), CallFeature.PLAYGROUND, "m-a", 300, 3000, 30));
        recorder.record(new ModelCall(NOW.minus(Duration.ofDays(2)), CallTag.of(CallFeature.LAB_CHECK), Operation.CHAT,
                "ollama", "m-b", null, null, null, 50, null, CallOutcome.ERROR, "timeout"));
        recorder.record(ok(NOW.minus(Duration.ofDays(20)), CallFeature.JUDGE, "m-b", 400, 4000, 40));
        recorder.flush();
    }

    private static String tile(ObservabilityViewModel model, String id) {
        return model.tiles().stream().filter(t -> t.id().equals(id)).findFirst().orElseThrow().value();
    }

    @Test
    void the_figures_and_groups_are_the_chosen_ranges() throws Exception {
        try (WorkbenchFixture fixture = WorkbenchFixture.open(temp.resolve("data"), MutableClock.utc("2026-03-10T12:00"))) {
            Workbench workbench = fixture.workbench();
            seed(workbench);
            ObservabilityViewModel model = new ObservabilityViewModel(workbench.observability().stats(),
                    workbench.evalHistory(), ZoneOffset.UTC, workbench.clock(), new ImmediateTaskExecutor(),
                    links(workbench));

            model.refresh();

            assertThat(tile(model, "calls")).isEqualTo("4");
            assertThat(tile(model, "errors")).isEqualTo("25.0%");
            // The failed call's tokens are unknown, not zero: only the three playground calls add up.
            assertThat(tile(model, "tokens")).isEqualTo("30 / 60");
            assertThat(tile(model, "speed")).isEqualTo("20.0 tok/s");
            Dashboard shown = model.dashboardProperty().get();
            assertThat(shown.byModel()).extracting(g -> g.key(), g -> g.calls(), g -> g.ttftMs().p50())
                    .containsExactly(tuple("m-a", 3L, 200.0), tuple("m-b", 1L, null));
            assertThat(shown.byFeature()).extracting(g -> g.key()).containsExactly("lab-check", "playground");
            assertThat(shown.dailyByFeature()).extracting(d -> d.day().toString(), d -> d.group().key(),
                    d -> d.group().calls()).containsExactly(tuple("2026-03-08", "lab-check", 1L),
                    tuple("2026-03-10", "playground", 3L));
            assertThat(shown.histogram().total()).isEqualTo(3);
            assertThat(model.emptyTextProperty().get()).isEmpty();

            model.rangeProperty().set(DashRange.LAST_30_DAYS);

            assertThat(tile(model, "calls")).isEqualTo("5");
            assertThat(model.dashboardProperty().get().byFeature()).extracting(g -> g.key())
                    .containsExactly("judge", "lab-check", "playground");
        }
    }

    @Test
    void a_range_with_no_calls_says_so_and_what_to_do() throws Exception {
        try (WorkbenchFixture fixture = WorkbenchFixture.open(temp.resolve("data"), MutableClock.utc("2026-03-10T12:00"))) {
            Workbench workbench = fixture.workbench();
            ObservabilityViewModel model = new ObservabilityViewModel(workbench.observability().stats(),
                    workbench.evalHistory(), ZoneOffset.UTC, workbench.clock(), new ImmediateTaskExecutor(),
                    links(workbench));

            model.refresh();

            assertThat(model.emptyTextProperty().get()).isEqualTo("No model calls in the last 7 days. Run a prompt in "
                    + "the Playground or an eval suite on the Evals screen, and its calls show here.");
            assertThat(tile(model, "calls")).isEqualTo("0");
            assertThat(tile(model, "errors")).isEqualTo("—");
        }
    }

    @Test
    void a_fast_change_of_range_never_shows_the_older_ranges_figures() throws Exception {
        try (WorkbenchFixture fixture = WorkbenchFixture.open(temp.resolve("data"), MutableClock.utc("2026-03-10T12:00"))) {
            Workbench workbench = fixture.workbench();
            seed(workbench);
            DeferredTaskExecutor tasks = new DeferredTaskExecutor();
            ObservabilityViewModel model = new ObservabilityViewModel(workbench.observability().stats(),
                    workbench.evalHistory(), ZoneOffset.UTC, workbench.clock(), tasks, links(workbench));
            List<DashRange> shown = new ArrayList<>();
            model.dashboardProperty().addListener((obs, was, now) -> shown.add(now.choice()));

            model.refresh();
            model.rangeProperty().set(DashRange.LAST_90_DAYS);
            tasks.runNext();

            assertThat(shown).isEmpty();
            assertThat(model.loadingProperty().get()).isTrue();
            tasks.runNext();
            assertThat(shown).containsExactly(DashRange.LAST_90_DAYS);
            assertThat(tile(model, "calls")).isEqualTo("5");
            assertThat(model.loadingProperty().get()).isFalse();
        }
    }

    @Test
    void a_bar_lists_the_calls_behind_it_and_a_call_its_fields() throws Exception {
        try (WorkbenchFixture fixture = WorkbenchFixture.open(temp.resolve("data"), MutableClock.utc("2026-03-10T12:00"))) {
            Workbench workbench = fixture.workbench();
            seed(workbench);
            ObservabilityViewModel model = new ObservabilityViewModel(workbench.observability().stats(),
                    workbench.evalHistory(), ZoneOffset.UTC, workbench.clock(), new ImmediateTaskExecutor(),
                    links(workbench));
            model.rangeProperty().set(DashRange.LAST_30_DAYS);

            model.drillGroup(GroupBy.MODEL, "m-b");

            assertThat(model.drillProperty().get().title()).isEqualTo("Calls of model m-b in the last 30 days");
            assertThat(model.calls()).extracting(c -> c.call().tag().feature())
                    .containsExactly(CallFeature.LAB_CHECK, CallFeature.JUDGE);
            assertThat(model.drillStatusProperty().get()).startsWith("2 calls;");

            model.drillDay(LocalDate.parse("2026-03-10"), "playground");

            assertThat(model.calls()).extracting(c -> c.call().ttftMs()).containsExactly(100.0, 200.0, 300.0);
            model.selectedCallProperty().set(model.calls().get(0));
            assertThat(model.callFields()).contains(new CallField("Model", "m-a (ollama, chat)"),
                    new CallField("Time to first token", "100 ms"), new CallField("Outcome", "ok"));
            assertThat(model.canOpenEvalCaseProperty().get()).isFalse();
            assertThat(model.canOpenPlaygroundRunProperty().get()).isFalse();

            model.rangeProperty().set(DashRange.LAST_7_DAYS);

            assertThat(model.drillProperty().get()).as("a new range closes the old range's point").isNull();
            assertThat(model.calls()).isEmpty();
        }
    }

    @Test
    void an_eval_call_opens_its_case_and_a_playground_call_its_run() throws Exception {
        EvalHarness h = new EvalHarness(temp);
        try (h) {
            h.writeSuite(2, 1);
            Workbench workbench = h.workbench();
            EvalRun run = h.run(h.load(), EvalHarness.options(1, 1));
            workbench.evalReporter().report(run, Optional.empty(), Optional.empty());
            workbench.prompts().save("ask", PromptContent.of("Answer for item {{n}}"), "tester", null);
            PlaygroundResult played = workbench.playground().start(RunSetup.of(workbench.prompts().get("ask@1"),
                    EvalHarness.MODEL, Map.of("n", "1")), null, delta -> { }).result().get(10, TimeUnit.SECONDS);
            workbench.observability().recorder().flush();
            ObservabilityViewModel model = new ObservabilityViewModel(workbench.observability().stats(),
                    workbench.evalHistory(), ZoneOffset.UTC, Clock.offset(Clock.systemUTC(), Duration.ofMinutes(1)),
                    new ImmediateTaskExecutor(), links(workbench));
            model.refresh();

            assertThat(model.dashboardProperty().get().quality()).singleElement().satisfies(suite ->
                    assertThat(suite.series().get(QualityMeasure.PASS_RATE)).extracting(p -> p.runId(), p -> p.value())
                            .containsExactly(tuple(run.id(), 1.0)));

            model.drillGroup(GroupBy.FEATURE, "eval");
            StoredCall evalCall = model.calls().get(0);
            model.selectedCallProperty().set(evalCall);
            assertThat(model.canOpenEvalCaseProperty().get()).isTrue();
            model.openEvalCase();
            assertThat(openedCases).containsExactly(run.id() + "#" + evalCall.call().tag().evalItemKey());
            assertThat(workbench.evalHistory().cases(run.id())).extracting(CaseResult::itemKey)
                    .contains(evalCall.call().tag().evalItemKey());

            model.drillGroup(GroupBy.FEATURE, "playground");
            model.selectedCallProperty().set(model.calls().get(0));
            assertThat(model.canOpenEvalCaseProperty().get()).isFalse();
            model.openPlaygroundRun();
            assertThat(openedRuns).containsExactly(played.run().id());
        }
    }
}
