package dev.aiworkbench.eval.run;

import dev.aiworkbench.eval.assertions.AssertionResult;
import dev.aiworkbench.store.Database;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

/**
 * The per-run means of RAG measures as SQL computes them from stored cases (a real SQLite file): repeats folded per
 * item first, errored and negated assertions left out; kept per run, and read back as series of the finished runs of
 * a suite in a time range.
 */
class QualityAggregatesTest {
    private static final String SUITE = "/suites/rag.yaml";
    private static final Instant T0 = Instant.parse("2025-03-01T10:00:00Z");
    private static final List<String> TYPES = List.of("context-faithfulness", "context-relevance");

    @TempDir
    Path temp;

    private Database database;
    private EvalStore store;

    @BeforeEach
    void open() {
        database = Database.open(temp.resolve("workbench.db"));
        store = new EvalStore(database);
    }

    @AfterEach
    void close() {
        database.close();
    }

    private EvalRun run(String id, String suite, Instant startedAt, RunState state) {
        EvalRun run = new EvalRun(id, suite, suite, "RAG", "p", "ollama:chat:m", "m",
                new Fingerprint("p", "d", "a", "o", null), 1, 0, state, startedAt, null, null, null,
                state == RunState.FINISHED ? 0.5 : null, state == RunState.FINISHED ? 0.2 : null,
                state == RunState.FINISHED ? 0.8 : null, 2, null);
        store.insert(run);
        return run;
    }

    private static AssertionResult result(String type, double score, boolean error) {
        return new AssertionResult(type, score >= 0.5, score, "r", error, null, 1);
    }

    private static CaseResult graded(String item, int repeat, AssertionResult... results) {
        return new CaseResult(item, repeat, null, null, Map.of(), "prompt", "output", true, 1, null, List.of(results),
                5L, 1, 1, 1, T0);
    }

    @Test
    void repeatsAreFoldedPerItemThenItemsAveraged() {
        run("r1", SUITE, T0, RunState.FINISHED);
        store.putCases("r1", List.of(
                // item a: two repeats, 1.0 and 0.5 -> 0.75; two faithfulness assertions in a case are averaged first
                graded("a", 0, result("context-faithfulness", 1, false)),
                graded("a", 1, result("context-faithfulness", 0.25, false), result("context-faithfulness", 0.75, false)),
                // item b: 0.25, and its errored assertion and the negated one are not faithfulness figures
                graded("b", 0, result("context-faithfulness", 0.25, false), result("context-faithfulness", 0, true),
                        result("not-context-faithfulness", 0.9, false), result("context-relevance", 0.5, false)),
                // item c: no faithfulness at all
                graded("c", 0, result("contains", 1, false), result("context-relevance", 1, false))));

        List<MeasureAggregate> rows = store.measures("r1", TYPES);

        assertThat(rows).extracting(MeasureAggregate::assertionType).containsExactly("context-faithfulness",
                "context-relevance");
        MeasureAggregate faithfulness = rows.get(0);
        assertThat(faithfulness.runId()).isEqualTo("r1");
        assertThat(faithfulness.startedAt()).isEqualTo(T0);
        assertThat(faithfulness.items()).isEqualTo(2);
        assertThat(faithfulness.mean()).isCloseTo((0.75 + 0.25) / 2, within(1e-12));
        assertThat(faithfulness.meanOfSquares()).isCloseTo((0.75 * 0.75 + 0.25 * 0.25) / 2, within(1e-12));
        MeasureAggregate relevance = rows.get(1);
        assertThat(relevance.items()).isEqualTo(2);
        assertThat(relevance.mean()).isCloseTo(0.75, within(1e-12));
        assertThat(store.measures("r1", List.of("answer-relevance"))).isEmpty();
    }

    @Test
    void keptMeasuresReadBackAsTheyWereAndAreReplacedWhole() {
        run("r1", SUITE, T0, RunState.FINISHED);
        store.putCases("r1", List.of(graded("a", 0, result("context-faithfulness", 0.5, false),
                result("context-relevance", 0.25, false))));
        List<MeasureAggregate> both = store.measures("r1", TYPES);

        store.recordMeasures("r1", both);
        List<MeasureAggregate> kept = store.recordedMeasures("r1");
        store.recordMeasures("r1", both.subList(0, 1));

        assertThat(kept).isEqualTo(both);
        assertThat(store.recordedMeasures("r1")).isEqualTo(both.subList(0, 1));
        assertThat(store.measures(SUITE, T0, T0.plusSeconds(1), TYPES)).isEqualTo(both.subList(0, 1));
    }

    private void record(String runId) {
        store.recordMeasures(runId, store.measures(runId, TYPES));
    }

    @Test
    void onlyFinishedRunsOfTheSuiteInTheRangeCountOldestFirst() {
        run("late", SUITE, T0.plusSeconds(60), RunState.FINISHED);
        run("early", SUITE, T0, RunState.FINISHED);
        run("cancelled", SUITE, T0.plusSeconds(30), RunState.CANCELLED);
        run("other", "/suites/other.yaml", T0, RunState.FINISHED);
        run("before", SUITE, T0.minusSeconds(3600), RunState.FINISHED);
        for (String id : List.of("late", "early", "cancelled", "other", "before")) {
            store.putCases(id, List.of(graded("a", 0, result("context-faithfulness", 0.5, false))));
            record(id);
        }

        List<MeasureAggregate> rows = store.measures(SUITE, T0, T0.plusSeconds(3600), TYPES);

        assertThat(rows).extracting(MeasureAggregate::runId).containsExactly("early", "late");
        assertThat(store.finishedRuns(SUITE, T0, T0.plusSeconds(3600))).extracting(EvalRun::id)
                .containsExactly("early", "late");
        assertThat(store.measures(SUITE, T0, T0.plusSeconds(3600), List.of())).isEmpty();
        assertThat(store.suiteKeys()).containsExactly(SUITE, "/suites/other.yaml");
    }

    @Test
    void manyRunsReadBackInOneQuery() {
        List<String> ids = new ArrayList<>();
        for (int r = 0; r < 30; r++) {
            String id = "run-" + r;
            ids.add(id);
            run(id, SUITE, T0.plusSeconds(r), RunState.FINISHED);
            List<CaseResult> cases = new ArrayList<>();
            for (int i = 0; i < 20; i++) {
                cases.add(graded("item-" + i, 0, result("context-relevance", (i % 4) / 4.0, false)));
            }
            store.putCases(id, cases);
            record(id);
        }

        List<MeasureAggregate> rows = store.measures(SUITE, T0, T0.plusSeconds(3600), TYPES);

        assertThat(rows).extracting(MeasureAggregate::runId).containsExactlyElementsOf(ids);
        assertThat(rows).allSatisfy(row -> {
            assertThat(row.items()).isEqualTo(20);
            assertThat(row.mean()).isCloseTo((0 + 0.25 + 0.5 + 0.75) / 4, within(1e-12));
        });
    }
}
