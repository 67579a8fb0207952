package dev.aiworkbench.eval.report;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.aiworkbench.eval.run.CaseResult;
import dev.aiworkbench.eval.run.EvalHarness;
import dev.aiworkbench.eval.run.EvalRun;
import dev.aiworkbench.eval.stats.GateMode;
import dev.aiworkbench.eval.stats.GateSpec;
import dev.aiworkbench.eval.suite.EvalSuite;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;
import java.util.stream.StreamSupport;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

/**
 * Reports of real runs (fake model, real SQLite): the JSON fields the issue lists with values
 * checked against figures computed by hand, the gate in both modes, how baselines are found, and
 * the Markdown summary.
 */
class EvalReportTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String CHANGED_ASSERTION = "value: pass for";

    @TempDir
    Path temp;

    private EvalHarness h;
    private EvalSuite suite;

    @BeforeEach
    void start() {
        h = new EvalHarness(temp);
        h.writeSuite(40, 4);
        suite = h.load();
    }

    @AfterEach
    void stop() {
        h.close();
    }

    private EvalRun run(int... failing) throws Exception {
        h.failing(failing);
        EvalRun run = h.run(suite, EvalHarness.options(4, 1));
        Thread.sleep(3); // distinct start times, so "newest" is well defined
        return run;
    }

    private EvalReport report(EvalRun run, GateSpec gate) {
        return h.workbench().evalReporter().report(run, Optional.ofNullable(gate), Optional.empty());
    }

    private static GateSpec gate(String baseline) {
        return new GateSpec(baseline, 0.02, 0.05, GateMode.SIGNIFICANT_DROP);
    }

    private static JsonNode json(EvalReport report) throws Exception {
        return JSON.readTree(JsonReportWriter.write(report));
    }

    private static double[] pair(JsonNode node) {
        assertThat(node.isArray()).as(node.toString()).isTrue();
        assertThat(node.size()).isEqualTo(2);
        return new double[] {node.get(0).asDouble(), node.get(1).asDouble()};
    }

    @Test
    void theJsonHasEveryFieldTheIssueListsWithTheRightValues() throws Exception {
        EvalRun baseline = run();
        report(baseline, null);
        EvalRun candidate = run(1, 2, 3, 4, 5, 6, 7, 8, 9, 10);

        JsonNode json = json(report(candidate, gate(baseline.id())));

        assertThat(json.path("runId").asText()).isEqualTo(candidate.id());
        assertThat(json.path("n").asInt()).isEqualTo(40);
        assertThat(json.path("passRate").asDouble()).isEqualTo(0.75);
        double[] wilson = pair(json.path("passRateCi95"));
        // Wilson 95% for 30 of 40, computed independently: [0.598060, 0.858129]
        assertThat(wilson[0]).isCloseTo(0.598060, within(1e-5));
        assertThat(wilson[1]).isCloseTo(0.858129, within(1e-5));
        assertThat(json.path("meanScore").asDouble()).isCloseTo(0.75, within(1e-12));
        double[] meanCi = pair(json.path("meanScoreCi95"));
        assertThat(meanCi[0]).isLessThan(0.75).isGreaterThan(0.5);
        assertThat(meanCi[1]).isGreaterThan(0.75).isLessThanOrEqualTo(1.0);

        JsonNode cases = json.path("cases");
        assertThat(cases.size()).isEqualTo(40);
        Map<String, JsonNode> byN = StreamSupport.stream(cases.spliterator(), false)
                .collect(Collectors.toMap(c -> c.path("vars").path("n").asText(), c -> c));
        JsonNode failed = byN.get("3");
        assertThat(failed.path("description").asText()).isEqualTo("item 3");
        assertThat(failed.path("vars").properties()).hasSize(1);
        assertThat(failed.path("output").asText()).isEqualTo("fail for item 3");
        assertThat(failed.path("pass").isBoolean()).isTrue();
        assertThat(failed.path("pass").asBoolean()).isFalse();
        assertThat(failed.path("score").asDouble()).isZero();
        assertThat(failed.has("error")).isTrue();
        assertThat(failed.path("error").isNull()).isTrue();
        assertThat(failed.path("changed").asBoolean()).isTrue();
        JsonNode assertion = failed.path("assertions").get(0);
        assertThat(assertion.path("type").asText()).isEqualTo("icontains");
        assertThat(assertion.path("pass").asBoolean()).isFalse();
        assertThat(assertion.path("score").asDouble()).isZero();
        assertThat(assertion.path("reason").asText()).isNotBlank();
        JsonNode passed = byN.get("33");
        assertThat(passed.path("pass").asBoolean()).isTrue();
        assertThat(passed.path("score").asDouble()).isEqualTo(1.0);
        assertThat(passed.path("assertions").get(0).path("pass").asBoolean()).isTrue();
        assertThat(passed.path("changed").asBoolean()).isFalse();

        JsonNode base = json.path("baseline");
        assertThat(base.path("runId").asText()).isEqualTo(baseline.id());
        assertThat(base.path("b").asInt()).isEqualTo(10);
        assertThat(base.path("c").asInt()).isZero();
        assertThat(base.path("delta").asDouble()).isCloseTo(-0.25, within(1e-12));
        double[] delta = pair(base.path("deltaCi95"));
        // Newcombe's method 10 by hand: Wilson [0.598060, 0.858129] for 30/40 and [0.912378, 1] for 40/40, phi = 0
        // (the baseline has no failure): -0.25 - 0.151939 and -0.25 + sqrt(0.108129^2 + 0.087622^2)
        assertThat(delta[0]).isCloseTo(-0.401939, within(1e-4));
        assertThat(delta[1]).isCloseTo(-0.110825, within(1e-4));
        assertThat(base.path("pExact").asDouble()).isCloseTo(2 * Math.pow(0.5, 10), within(1e-12));
        assertThat(base.path("pMid").asDouble()).isCloseTo(Math.pow(0.5, 10), within(1e-12));
        assertThat(base.path("mde").asDouble()).isGreaterThan(0).isLessThan(0.5);

        JsonNode gate = json.path("gate");
        assertThat(gate.path("decision").asText()).isEqualTo("block");
        assertThat(gate.path("mode").asText()).isEqualTo("significant-drop");
        assertThat(gate.path("reason").asText()).contains("b=10, c=0").contains("exact p=0.002")
                .contains("25.0 points").contains("significant drop");
    }

    @Test
    void aCaseThatErroredHasItsErrorInTheJsonAndIsLeftOutOfN() throws Exception {
        h.failing();
        h.fake.status(500, "the runner crashed").on("/api/chat").always();
        EvalRun run = h.run(suite, new dev.aiworkbench.eval.run.EvalOptions(4, 1, 0, java.time.Duration.ofSeconds(5),
                Optional.empty()));

        JsonNode json = json(report(run, null));

        assertThat(json.path("n").asInt()).isZero();
        assertThat(json.path("passRate").isNull()).isTrue();
        assertThat(json.path("errors").asInt()).isEqualTo(40);
        assertThat(json.path("cases").get(0).path("error").asText()).contains("the runner crashed");
        assertThat(json.path("cases").get(0).path("pass").asBoolean()).isFalse();
        assertThat(json.path("warnings").toString()).contains("Every item errored");
        assertThat(json.path("baseline").isNull()).isTrue();
        assertThat(json.path("gate").isNull()).isTrue();
    }

    @Test
    void theGateDecisionIsStoredWithTheRun() throws Exception {
        EvalRun baseline = run();
        EvalReport first = report(baseline, gate(GateSpec.LAST_PASSED));
        EvalRun candidate = run(1, 2, 3, 4, 5, 6, 7, 8, 9, 10);
        EvalReport second = report(candidate, gate(GateSpec.LAST_PASSED));

        assertThat(first.gate().orElseThrow().passed()).isTrue();
        assertThat(first.gate().orElseThrow().reason()).contains("no baseline");
        assertThat(first.baseline()).isEmpty();
        assertThat(second.baseline().orElseThrow().baseline().id()).isEqualTo(baseline.id());
        assertThat(second.blocked()).isTrue();
        EvalRun stored = h.store().run(candidate.id()).orElseThrow();
        assertThat(stored.gateDecision()).isEqualTo("block");
        assertThat(stored.gateReason()).isEqualTo(second.gate().orElseThrow().reason());
        assertThat(stored.passRate()).isEqualTo(0.75);
        assertThat(stored.items()).isEqualTo(40);
        assertThat(h.store().run(baseline.id()).orElseThrow().gateDecision()).isEqualTo("pass");
    }

    @Test
    void aDropThatIsNotSignificantPassesAndSaysWhatTheSuiteCanDetect() throws Exception {
        EvalRun baseline = run(1);
        report(baseline, null);
        EvalRun candidate = run(1, 2, 3);

        EvalReport report = report(candidate, gate(baseline.id()));

        assertThat(report.baseline().orElseThrow().comparison().mcnemar().b()).isEqualTo(2);
        assertThat(report.gate().orElseThrow().passed()).isTrue();
        assertThat(report.gate().orElseThrow().reason()).contains("b=2, c=0").contains("not significant")
                .contains("the smallest drop this suite can detect is");
    }

    @Test
    void nonInferiorityPassesOnlyWhenTheIntervalClearsTheMargin() throws Exception {
        EvalRun baseline = run();
        report(baseline, null);
        EvalRun candidate = run();

        EvalReport strict = report(candidate, new GateSpec(baseline.id(), 0.02, 0.05, GateMode.NON_INFERIORITY));
        EvalReport loose = report(candidate, new GateSpec(baseline.id(), 0.10, 0.05, GateMode.NON_INFERIORITY));

        // no item changed, yet 40 items cannot show a 2-point margin: the lower bound is 0 - (1 - 0.912378) = -8.8 points
        assertThat(strict.gate().orElseThrow().mode()).isEqualTo(GateMode.NON_INFERIORITY);
        assertThat(strict.blocked()).isTrue();
        assertThat(strict.gate().orElseThrow().reason()).contains("-8.8").contains("-2.0 points or below");
        assertThat(loose.blocked()).isFalse();
        assertThat(loose.gate().orElseThrow().reason()).contains("lies above -10.0 points");
        JsonNode json = json(loose);
        assertThat(json.path("gate").path("mode").asText()).isEqualTo("non-inferiority");
        assertThat(json.path("gate").path("decision").asText()).isEqualTo("pass");
        assertThat(json.path("baseline").path("b").asInt()).isZero();
        assertThat(json.path("baseline").path("c").asInt()).isZero();
        assertThat(json.path("baseline").path("pExact").asDouble()).isEqualTo(1.0);
    }

    @Test
    void lastPassedIsTheNewestPassingRunThatGradedTheSameWay() throws Exception {
        EvalRun older = run();
        report(older, gate(GateSpec.LAST_PASSED));
        EvalRun newer = run(40);
        assertThat(report(newer, gate(GateSpec.LAST_PASSED)).gate().orElseThrow().passed()).isTrue();
        EvalRun blocked = run(1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12);
        assertThat(report(blocked, gate(GateSpec.LAST_PASSED)).blocked()).isTrue();
        // the same suite with another assertion: passes its own gate, and is the newest passing run of the suite
        h.write(EvalHarness.SUITE, EvalHarness.suiteYaml(4).replace("value: pass", CHANGED_ASSERTION));
        EvalSuite regraded = h.load();
        h.failing();
        EvalRun other = h.run(regraded, EvalHarness.options(4, 1));
        Thread.sleep(3);
        assertThat(report(other, gate(GateSpec.LAST_PASSED)).gate().orElseThrow().passed()).isTrue();
        assertThat(h.store().run(other.id()).orElseThrow().gateDecision()).isEqualTo("pass");

        EvalRun candidate = run();
        EvalReport report = report(candidate, gate(GateSpec.LAST_PASSED));

        assertThat(report.baseline().orElseThrow().baseline().id()).as("not the blocked run, nor the one graded differently")
                .isEqualTo(newer.id());
        assertThat(report.baseline().orElseThrow().comparison().mcnemar().c()).isEqualTo(1);
        assertThat(report.gate().orElseThrow().passed()).isTrue();
    }

    @Test
    void lastPassedWithNoEarlierPassingRunPassesWithAWarning() throws Exception {
        EvalRun only = run(5);

        EvalReport report = report(only, gate(GateSpec.LAST_PASSED));

        assertThat(report.baseline()).isEmpty();
        assertThat(report.gate().orElseThrow().passed()).isTrue();
        assertThat(report.gate().orElseThrow().reason()).contains("no earlier run of this suite has passed its gate yet");
        assertThat(report.gate().orElseThrow().warnings()).isNotEmpty();
    }

    @Test
    void anExplicitBaselineThatGradedDifferentlyIsRefused() throws Exception {
        EvalRun baseline = run();
        report(baseline, null);
        h.write(EvalHarness.SUITE, EvalHarness.suiteYaml(4).replace("value: pass", CHANGED_ASSERTION));
        EvalSuite regraded = h.load();
        EvalRun candidate = h.run(regraded, EvalHarness.options(4, 1));

        assertThatThrownBy(() -> report(candidate, gate(baseline.id()))).isInstanceOf(IllegalArgumentException.class)
                .hasMessage("Run " + baseline.id() + " graded with different assertions, so its verdicts cannot be "
                        + "paired with this run's; choose a baseline of the same suite version.");
        assertThatThrownBy(() -> h.workbench().evalReporter().report(candidate, Optional.empty(),
                Optional.of("run-19990101-000000-0000"))).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("There is no run 'run-19990101-000000-0000'");
        assertThatThrownBy(() -> h.workbench().evalReporter().report(candidate, Optional.empty(),
                Optional.of(candidate.id()))).isInstanceOf(IllegalArgumentException.class)
                .hasMessage("A run cannot be its own baseline.");
    }

    @Test
    void theMarkdownPutsTheVerdictFirstThenTheNumbersThenTheFailures() throws Exception {
        EvalRun baseline = run();
        report(baseline, null);
        EvalRun candidate = run(1, 2, 3, 4, 5, 6, 7, 8, 9, 10);
        EvalReport report = report(candidate, gate(baseline.id()));

        String md = MarkdownReportWriter.write(report);
        List<String> lines = md.lines().filter(l -> !l.isBlank()).toList();

        assertThat(lines.get(0)).isEqualTo("### Eval: Runner fixture");
        assertThat(lines.get(1)).startsWith("**Gate blocked** (significant-drop): the pass rate fell 25.0 points");
        assertThat(md).contains("| Pass rate | 30 of 40 passed: 75.0%, 95% interval 59.8% to 85.8%");
        assertThat(md).contains("| Baseline | `" + baseline.id() + "`: Paired over 40 items")
                .contains("b=10, c=0");
        assertThat(md).contains("10 failing or erroring items");
        List<CaseResult> cases = h.store().cases(candidate.id());
        for (int i = 1; i <= 10; i++) {
            int item = i;
            CaseResult failed = cases.stream().filter(c -> c.vars().get("n").equals(String.valueOf(item))).findFirst()
                    .orElseThrow();
            assertThat(md).contains("- **item " + i + "** (changed from the baseline): icontains: "
                    + failed.assertions().get(0).reason());
        }
        assertThat(md).doesNotContain("**item 11**");
        assertThat(md.indexOf("Gate blocked")).isLessThan(md.indexOf("Pass rate")).isLessThan(md.indexOf("failing or"));
    }

    @Test
    void theMarkdownOfAPassingRunWithoutAGateHasNoFailureList() throws Exception {
        EvalRun run = run();

        String md = MarkdownReportWriter.write(report(run, null));

        assertThat(md).contains("| Pass rate | 40 of 40 passed: 100.0%").doesNotContain("Gate")
                .doesNotContain("failing or erroring").doesNotContain("| Baseline |");
    }

    @Test
    void aFlakyItemIsReportedWithTheReasonsOfTheRunThatFailed() throws Exception {
        h.writeSuite(4, 1);
        suite = h.load();
        // item 2 passes its first run and fails its second: the failing run's reasons must be shown
        h.answer((item, call) -> item == 2 && call == 1 ? "fail" : "pass");
        EvalRun run = h.run(suite, EvalHarness.options(1, 2));
        EvalReport report = report(run, null);

        ItemResult flaky = report.items().stream().filter(ItemResult::flaky).findFirst().orElseThrow();
        CaseResult failedRun = flaky.runs().stream().filter(r -> !r.pass()).findFirst().orElseThrow();
        String reason = "icontains: " + failedRun.assertions().get(0).reason();

        assertThat(flaky.pass()).isFalse();
        assertThat(MarkdownReportWriter.write(report)).contains("- **item 2**: " + reason);
        assertThat(JunitReportWriter.write(report)).contains("message=\"" + reason.replace("\"", "&quot;") + "\"");
        JsonNode json = json(report);
        JsonNode item2 = StreamSupport.stream(json.path("cases").spliterator(), false)
                .filter(c -> c.path("description").asText().equals("item 2")).findFirst().orElseThrow();
        assertThat(item2.path("flaky").asBoolean()).isTrue();
        assertThat(item2.path("passFraction").asDouble()).isEqualTo(0.5);
        assertThat(item2.path("runs").size()).isEqualTo(2);
        assertThat(json.path("flaky").size()).isEqualTo(1);
        assertThat(json.path("n").asInt()).isEqualTo(4);
    }
}
