package dev.aiworkbench.app;

import dev.aiworkbench.observability.Budget;
import dev.aiworkbench.observability.BudgetKind;
import dev.aiworkbench.observability.BudgetStatus;
import dev.aiworkbench.observability.Budgets;
import dev.aiworkbench.store.Database;
import dev.aiworkbench.store.SettingsStore;
import dev.aiworkbench.testing.BudgetSeed;
import dev.aiworkbench.testing.MutableClock;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.time.ZoneId;
import java.util.List;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

/**
 * The budgets over seeded calls and eval runs in a real workbench, each figure worked out by hand: today's cost in
 * the learner's zone, p95 time to first token over the last 24 hours, the pass rate against the gate's baseline, and
 * the latest faithfulness.
 */
class BudgetChecksTest {
    /** Noon in Berlin (11:00 UTC): the learner's day began at 23:00 UTC the day before. */
    private final MutableClock clock = MutableClock.at("2026-03-10T12:00:00", ZoneId.of("Europe/Berlin"));

    @TempDir
    Path data;

    private Workbench workbench;

    @BeforeEach
    void seed() {
        try (BudgetSeed seed = BudgetSeed.open(data)) {
            seed.call("2026-03-09T10:00:00Z", "llama3.2", 9000, 1.00, "ok")   // 25 hours ago: outside both
                    .call("2026-03-09T22:30:00Z", "llama3.2", 100, 0.50, "ok") // 23:30 yesterday in Berlin
                    .call("2026-03-09T23:30:00Z", "llama3.2", 200, 0.30, "ok") // 00:30 today in Berlin
                    .call("2026-03-10T08:00:00Z", "llama3.2", 300, 0.25, "ok")
                    .call("2026-03-10T09:00:00Z", "qwen3", 1000, 0.20, "ok")
                    .call("2026-03-10T10:00:00Z", "llama3.2", 5000, null, "error"); // failed: not in the p95
            seed.run("r1", "rag.yaml", "2026-03-01T10:00:00Z", "pass", 0.90, "A")
                    .run("r2", "rag.yaml", "2026-03-05T10:00:00Z", "pass", 0.85, "A")
                    .run("rB", "rag.yaml", "2026-03-07T10:00:00Z", "pass", 0.99, "B") // graded otherwise: no baseline
                    .run("r3", "rag.yaml", "2026-03-08T10:00:00Z", "block", 0.80, "A")
                    .faithfulness("r2", 0.90).faithfulness("r3", 0.72)
                    .run("q1", "plain.yaml", "2026-03-07T09:00:00Z", null, 0.70, "C");
        }
        workbench = open();
    }

    private Workbench open() {
        try {
            return Workbench.openPackOnDemand(new WorkbenchOptions(Optional.of(data), Optional.empty(),
                    Optional.empty()), clock, waiting -> { });
        } catch (DataFolderException e) {
            throw new IllegalStateException(e);
        }
    }

    @AfterEach
    void close() {
        workbench.close();
    }

    private BudgetStatus only(Budget budget) {
        workbench.budgets().save(List.of(budget));
        List<BudgetStatus> statuses = workbench.budgets().check();
        assertThat(statuses).hasSize(1);
        assertThat(statuses.get(0).budget()).isEqualTo(budget);
        return statuses.get(0);
    }

    @Test
    void dailyCostSumsTodayInTheLearnersZone() {
        // 0.30 + 0.25 + 0.20: the 23:30 call was yesterday in Berlin, the error had no cost
        BudgetStatus over = only(Budget.dailyCost(0.70));
        assertThat(over.value()).isCloseTo(0.75, within(1e-12));
        assertThat(over.limit()).isEqualTo(0.70);
        assertThat(over.crossed()).isTrue();
        assertThat(over.sentence()).isEqualTo("Today's model calls cost $0.75, over your budget of $0.70 a day. "
                + "The Observability screen shows which feature and model spent it.");
        assertThat(over.figures()).isEqualTo("$0.75 of $0.70");

        BudgetStatus within = only(Budget.dailyCost(0.80));
        assertThat(within.crossed()).isFalse();
        assertThat(within.sentence()).isEqualTo("Today's model calls cost $0.75, within your budget of $0.80 a day.");
    }

    @Test
    void p95TimeToFirstTokenIsOverTheLast24HoursOfCallsThatEndedWell() {
        // llama3.2: 100, 200, 300 → position 0.95 × 2 = 1.9 → 200 + 0.9 × 100 = 290
        BudgetStatus llama = only(Budget.ttftP95("llama3.2", 250));
        assertThat(llama.value()).isCloseTo(290, within(1e-9));
        assertThat(llama.crossed()).isTrue();
        assertThat(llama.sentence()).startsWith("p95 time to first token for llama3.2 over the last 24 hours is "
                + "290 ms, above your budget of 250 ms.");

        // all models: 100, 200, 300, 1000 → position 2.85 → 300 + 0.85 × 700 = 895
        BudgetStatus all = only(Budget.ttftP95(null, 1000));
        assertThat(all.value()).isCloseTo(895, within(1e-9));
        assertThat(all.crossed()).isFalse();
        assertThat(all.budget().label()).isEqualTo("p95 time to first token, all models");

        BudgetStatus unseen = only(Budget.ttftP95("mistral", 10));
        assertThat(unseen.value()).isNull();
        assertThat(unseen.crossed()).isFalse();
        assertThat(unseen.figures()).isEqualTo("no data yet");
    }

    @Test
    void passRateIsComparedWithTheRunTheGateWouldTakeAsBaseline() {
        // r3 80% against r2 85% (the newest other run that passed and graded the same way; rB graded otherwise)
        BudgetStatus two = only(Budget.passRateDrop("rag.yaml", 2));
        assertThat(two.value()).isEqualTo(0.80);
        assertThat(two.limit()).isCloseTo(0.83, within(1e-12));
        assertThat(two.crossed()).isTrue();
        assertThat(two.sentence()).isEqualTo("rag.yaml passed 80.0% in its latest run r3 against 85.0% for its "
                + "baseline r2, 5.0 points down where you allow 2.0. Open the run in Evals to see which cases fell.");

        assertThat(only(Budget.passRateDrop("rag.yaml", 5)).crossed()).as("exactly at the limit").isFalse();
        assertThat(only(Budget.passRateDrop("rag.yaml", 10)).crossed()).isFalse();

        BudgetStatus noBaseline = only(Budget.passRateDrop("plain.yaml", 0));
        assertThat(noBaseline.crossed()).isFalse();
        assertThat(noBaseline.limit()).isNull();
        assertThat(noBaseline.sentence()).endsWith("no earlier run passed its gate, so there is no baseline to compare "
                + "with yet.");

        BudgetStatus unknown = only(Budget.passRateDrop("never-run.yaml", 2));
        assertThat(unknown.value()).isNull();
        assertThat(unknown.crossed()).isFalse();
    }

    @Test
    void faithfulnessIsTheLatestGradedRunsAgainstTheFloor() {
        BudgetStatus floor = only(Budget.faithfulnessFloor("rag.yaml", 0.8));
        assertThat(floor.value()).isEqualTo(0.72);
        assertThat(floor.crossed()).isTrue();
        assertThat(floor.sentence()).startsWith("Faithfulness of rag.yaml is 0.72 in run r3 (hallucination rate "
                + "28.0%), below your floor of 0.80.");

        assertThat(only(Budget.faithfulnessFloor("rag.yaml", 0.7)).crossed()).isFalse();
        BudgetStatus ungraded = only(Budget.faithfulnessFloor("plain.yaml", 0.5));
        assertThat(ungraded.value()).isNull();
        assertThat(ungraded.crossed()).isFalse();
    }

    @Test
    void budgetsRoundTripThroughTheSettingsTableAcrossOpens() {
        List<Budget> set = List.of(Budget.dailyCost(1.5), Budget.ttftP95("llama3.2", 250),
                Budget.ttftP95(null, 1200), Budget.passRateDrop("rag.yaml", 2), Budget.faithfulnessFloor("rag.yaml", 0.8));
        workbench.budgets().save(set);
        workbench.close();
        workbench = open();

        assertThat(workbench.budgets().list()).containsExactlyElementsOf(set);
        assertThat(workbench.budgets().check()).extracting(BudgetStatus::crossed)
                .containsExactly(false, true, false, true, true);
        assertThat(workbench.budgets().remove(Budget.ttftP95("llama3.2", 1))).hasSize(4)
                .noneMatch(b -> b.kind() == BudgetKind.TTFT_P95 && "llama3.2".equals(b.scope()));
        assertThat(workbench.budgets().suites()).containsExactly("rag.yaml", "plain.yaml");
        assertThat(workbench.budgets().recentModels()).containsExactly("llama3.2", "qwen3");
    }

    @Test
    void aSecondBudgetOnTheSameThingIsRefusedAndAnUnreadableSettingCountsAsNone() {
        workbench.budgets().add(Budget.dailyCost(1));
        assertThatThrownBy(() -> workbench.budgets().add(Budget.dailyCost(2)))
                .hasMessageContaining("there is a budget on Daily cost already");
        assertThat(workbench.budgets().list()).containsExactly(Budget.dailyCost(1));

        workbench.close();
        try (Database database = Database.open(data.resolve("workbench.db"))) {
            new SettingsStore(database).put(Budgets.SETTING, "[{\"kind\": \"weekly-cost\", \"threshold\": 3}]");
        }
        workbench = open();
        assertThat(workbench.budgets().list()).isEmpty();
        assertThat(workbench.budgets().check()).isEmpty();
    }

    @Test
    void figuresShowWholeCentsAsCentsAndFractionsOfACentToFourPlaces() {
        assertThat(new BudgetStatus(Budget.dailyCost(0.01), 0.0042, 0.01, false, "").figures())
                .isEqualTo("$0.0042 of $0.01");
        assertThat(new BudgetStatus(Budget.dailyCost(2), 12.5, 2.0, true, "").figures()).isEqualTo("$12.50 of $2.00");
        assertThat(new BudgetStatus(Budget.faithfulnessFloor("s", 0.8), 0.5, 0.8, true, "").figures())
                .isEqualTo("0.50, floor 0.80");
    }

    @Test
    void aBudgetSaysWhatIsWrongWithIt() {
        assertThatThrownBy(() -> Budget.dailyCost(0)).hasMessageContaining("more than $0");
        assertThatThrownBy(() -> Budget.passRateDrop(" ", 2)).hasMessageContaining("choose the eval suite");
        assertThatThrownBy(() -> Budget.faithfulnessFloor("s", 1.5)).hasMessageContaining("at most 1");
        assertThatThrownBy(() -> new Budget(BudgetKind.DAILY_COST, "llama3.2", 1)).hasMessageContaining("takes no model");
        assertThatThrownBy(() -> Budget.ttftP95(null, Double.NaN)).hasMessageContaining("as a number");
    }
}
