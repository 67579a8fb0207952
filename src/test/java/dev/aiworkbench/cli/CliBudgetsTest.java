package dev.aiworkbench.cli;

import com.fasterxml.jackson.databind.JsonNode;
import dev.aiworkbench.app.Workbench;
import dev.aiworkbench.app.WorkbenchOptions;
import dev.aiworkbench.observability.Budget;
import dev.aiworkbench.testing.BudgetSeed;
import dev.aiworkbench.testing.MutableClock;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.util.List;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

/** {@code usage budgets}: each budget's status, as text or JSON, and exit 1 when one is crossed (for CI). */
class CliBudgetsTest {
    private final MutableClock clock = MutableClock.utc("2026-03-10T12:00:00");

    @TempDir
    Path data;

    private CliHarness cli;

    @BeforeEach
    void setUp() {
        try (BudgetSeed seed = BudgetSeed.open(data)) {
            seed.call("2026-03-10T08:00:00Z", "llama3.2", 200, 0.40, "ok")
                    .call("2026-03-10T09:00:00Z", "llama3.2", 400, 0.35, "ok");
        }
        cli = new CliHarness(data, clock);
    }

    private void budgets(Budget... budgets) throws Exception {
        try (Workbench workbench = Workbench.openPackOnDemand(new WorkbenchOptions(Optional.of(data), Optional.empty()),
                clock, waiting -> { })) {
            workbench.budgets().save(List.of(budgets));
        }
    }

    @Test
    void aCrossedBudgetExitsOneWithEachStatusInJson() throws Exception {
        // today $0.75; p95 of 200 and 400 is 200 + 0.95 × 200 = 390
        budgets(Budget.dailyCost(0.5), Budget.ttftP95("llama3.2", 1000));

        CliHarness.Run run = cli.run("usage", "budgets", "--json");

        assertThat(run.exitCode()).as(run.toString()).isEqualTo(Cli.FAILED);
        JsonNode json = run.json();
        assertThat(json.path("crossed").asInt()).isEqualTo(1);
        JsonNode cost = json.path("budgets").get(0);
        assertThat(cost.properties()).extracting(java.util.Map.Entry::getKey).containsExactly("kind", "scope",
                "threshold", "value", "limit", "crossed", "message");
        assertThat(cost.path("kind").asText()).isEqualTo("daily-cost");
        assertThat(cost.path("scope").isNull()).isTrue();
        assertThat(cost.path("value").asDouble()).isCloseTo(0.75, within(1e-12));
        assertThat(cost.path("crossed").asBoolean()).isTrue();
        assertThat(cost.path("message").asText()).startsWith("Today's model calls cost $0.75, over your budget");
        JsonNode ttft = json.path("budgets").get(1);
        assertThat(ttft.path("scope").asText()).isEqualTo("llama3.2");
        assertThat(ttft.path("value").asDouble()).isCloseTo(390, within(1e-9));
        assertThat(ttft.path("crossed").asBoolean()).isFalse();
    }

    @Test
    void budgetsThatHoldExitZeroAndTextSaysEachOne() throws Exception {
        budgets(Budget.dailyCost(1), Budget.ttftP95(null, 1000));

        CliHarness.Run run = cli.run("usage", "budgets");

        assertThat(run.exitCode()).as(run.toString()).isEqualTo(Cli.OK);
        assertThat(run.outLines()).containsExactly(
                "ok       Daily cost ($1.00 a day): Today's model calls cost $0.75, within your budget of $1.00 a day.",
                "ok       p95 time to first token, all models (1000 ms): p95 time to first token for all models over the "
                        + "last 24 hours is 390 ms, within your budget of 1000 ms.",
                "All 2 budget(s) hold.");
    }

    @Test
    void noBudgetsSaysWhereToSetThem() {
        CliHarness.Run run = cli.run("usage", "budgets");
        assertThat(run.exitCode()).isEqualTo(Cli.OK);
        assertThat(run.out()).contains("No budgets are set. Set them in the app under Settings > Observability.");
        assertThat(cli.run("usage", "budgets", "--json").json().path("budgets")).isEmpty();
    }
}
