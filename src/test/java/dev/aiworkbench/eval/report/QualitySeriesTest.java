package dev.aiworkbench.eval.report;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.aiworkbench.eval.run.EvalHarness;
import dev.aiworkbench.eval.run.EvalRun;
import dev.aiworkbench.eval.run.RagSuiteFixture;
import dev.aiworkbench.eval.run.Variant;
import dev.aiworkbench.eval.suite.EvalSuite;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

/**
 * A RAG suite run twice through the real runner (fake model and judge, real SQLite): each run's faithfulness and
 * context relevance with their intervals, checked against values worked out by hand, in the report and as the time
 * series the dashboard reads.
 */
class QualitySeriesTest {
    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    Path temp;

    private EvalHarness h;
    private RagSuiteFixture rag;
    private EvalSuite suite;
    private String key;

    @BeforeEach
    void start() {
        h = new EvalHarness(temp);
        rag = new RagSuiteFixture(h);
        suite = h.load(rag.write(6));
        key = Variant.all(suite).get(0).suiteKey(suite);
    }

    @AfterEach
    void stop() {
        h.close();
    }

    private EvalReport runAndReport(String answer) throws Exception {
        h.answer((item, call) -> answer);
        EvalRun run = h.run(suite, EvalHarness.options(3, 1));
        Thread.sleep(3); // distinct start times
        return h.workbench().evalReporter().report(run, Optional.empty(), Optional.empty());
    }

    /** Run 1: item 2 has no supported statement (so it fails), item 4 one of two; run 2: every statement supported. */
    private List<EvalReport> twoRuns() throws Exception {
        rag.script(new int[] {2, 0, 2, 1, 2, 2}, new int[] {1, 1, 2, 1, 1, 2});
        EvalReport first = runAndReport("pass");
        rag.script(new int[] {2, 2, 2, 2, 2, 2}, new int[] {1, 1, 2, 1, 1, 2});
        EvalReport second = runAndReport("pass again");
        return List.of(first, second);
    }

    @Test
    void eachRunsReportCarriesItsRagMeansWithTheirIntervals() throws Exception {
        EvalReport report = twoRuns().get(0);

        // faithfulness per item 1, 0, 1, .5, 1, 1: mean 0.75, E[x²] 0.708333, s² = 6/5 × 0.145833 = 0.175,
        // SE = 0.1707825, t(0.975, 5) = 2.5705818 → 0.75 ± 0.4390104, cut to [0.3109896, 1]
        QualityPoint faithfulness = report.quality().get(QualityMeasure.FAITHFULNESS);
        assertThat(faithfulness.value()).isCloseTo(0.75, within(1e-9));
        assertThat(faithfulness.low()).isCloseTo(0.3109896, within(1e-6));
        assertThat(faithfulness.high()).isEqualTo(1.0);
        assertThat(faithfulness.items()).isEqualTo(6);
        // context relevance per item .25, .25, .5, .25, .25, .5: mean 1/3, E[x²] 0.125, s² = 0.0166667,
        // SE = 0.0527046 → 0.3333333 ± 0.1354815
        QualityPoint relevance = report.quality().get(QualityMeasure.CONTEXT_RELEVANCE);
        assertThat(relevance.value()).isCloseTo(1.0 / 3, within(1e-9));
        assertThat(relevance.low()).isCloseTo(0.1978518, within(1e-6));
        assertThat(relevance.high()).isCloseTo(0.4688148, within(1e-6));
        assertThat(report.quality()).containsOnlyKeys(QualityMeasure.FAITHFULNESS, QualityMeasure.CONTEXT_RELEVANCE);
        assertThat(report.passed()).isEqualTo(5);

        JsonNode json = JSON.readTree(JsonReportWriter.write(report));
        assertThat(json.path("quality").path("faithfulness").path("mean").asDouble()).isCloseTo(0.75, within(1e-9));
        assertThat(json.path("quality").path("faithfulness").path("ci95").get(0).asDouble())
                .isCloseTo(0.3109896, within(1e-6));
        assertThat(json.path("quality").path("faithfulness").path("explain").asText()).isEqualTo("faithfulness 0.750 "
                + "over 6 items, 95% interval 0.311 to 1.000 (hallucination rate 25.0%)");
        assertThat(json.path("quality").path("contextRelevance").path("items").asInt()).isEqualTo(6);
        assertThat(MarkdownReportWriter.write(report)).contains("| Faithfulness | faithfulness 0.750 over 6 items, 95% "
                + "interval 0.311 to 1.000 (hallucination rate 25.0%) |\n| Context relevance | context relevance 0.333 "
                + "over 6 items, 95% interval 0.198 to 0.469 |");
    }

    @Test
    void theSeriesHaveOnePointPerFinishedRunOldestFirst() throws Exception {
        List<EvalReport> reports = twoRuns();
        EvalHistory history = h.workbench().evalHistory();

        Map<QualityMeasure, List<QualityPoint>> series = history.qualitySeries(key);

        assertThat(series).containsOnlyKeys(QualityMeasure.PASS_RATE, QualityMeasure.FAITHFULNESS,
                QualityMeasure.CONTEXT_RELEVANCE);
        List<String> runIds = reports.stream().map(r -> r.run().id()).toList();
        series.values().forEach(points -> assertThat(points).extracting(QualityPoint::runId)
                .containsExactlyElementsOf(runIds));
        List<QualityPoint> passRate = series.get(QualityMeasure.PASS_RATE);
        assertThat(passRate).extracting(QualityPoint::value).containsExactly(5.0 / 6, 1.0);
        assertThat(passRate.get(0).low()).isEqualTo(reports.get(0).run().passRateLow());
        assertThat(passRate.get(0).high()).isEqualTo(reports.get(0).run().passRateHigh());
        assertThat(passRate.get(0).at()).isEqualTo(reports.get(0).run().startedAt().truncatedTo(ChronoUnit.MILLIS));
        List<QualityPoint> faithfulness = series.get(QualityMeasure.FAITHFULNESS);
        assertThat(faithfulness.get(0)).isEqualTo(reports.get(0).quality().get(QualityMeasure.FAITHFULNESS));
        assertThat(faithfulness.get(1).value()).isEqualTo(1.0);
        assertThat(faithfulness.get(1).low()).isCloseTo(1.0, within(1e-9)); // all six items scored 1
        assertThat(series.get(QualityMeasure.CONTEXT_RELEVANCE)).extracting(QualityPoint::value)
                .allSatisfy(v -> assertThat(v).isCloseTo(1.0 / 3, within(1e-9)));
        assertThat(history.suiteKeys()).containsExactly(key);
    }

    @Test
    void aTimeRangeKeepsTheRunsStartedInIt() throws Exception {
        List<EvalReport> reports = twoRuns();
        Instant secondStarted = reports.get(1).run().startedAt();
        EvalHistory history = h.workbench().evalHistory();

        List<QualityPoint> recent = history.quality(key, QualityMeasure.FAITHFULNESS, secondStarted,
                secondStarted.plusSeconds(60));
        List<QualityPoint> earlier = history.quality(key, QualityMeasure.PASS_RATE, Instant.EPOCH, secondStarted);

        assertThat(recent).extracting(QualityPoint::runId).containsExactly(reports.get(1).run().id());
        assertThat(earlier).extracting(QualityPoint::runId).containsExactly(reports.get(0).run().id());
        assertThat(history.quality(key, QualityMeasure.ANSWER_RELEVANCE, Instant.EPOCH, secondStarted.plusSeconds(60)))
                .isEmpty();
    }
}
