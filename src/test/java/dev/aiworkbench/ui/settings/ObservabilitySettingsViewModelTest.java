package dev.aiworkbench.ui.settings;

import dev.aiworkbench.app.Workbench;
import dev.aiworkbench.app.WorkbenchOptions;
import dev.aiworkbench.observability.Budget;
import dev.aiworkbench.observability.BudgetKind;
import dev.aiworkbench.observability.BudgetStatus;
import dev.aiworkbench.testing.BudgetSeed;
import dev.aiworkbench.testing.ImmediateTaskExecutor;
import dev.aiworkbench.testing.MutableClock;
import javafx.beans.property.SimpleObjectProperty;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;

/** Settings > Observability's view models over a real workbench: retention, span export, /metrics, budgets. */
class ObservabilitySettingsViewModelTest {
    private final MutableClock clock = MutableClock.utc("2026-03-10T12:00:00");
    private final ImmediateTaskExecutor tasks = new ImmediateTaskExecutor();

    @TempDir
    Path data;

    private Workbench workbench;
    private ObservabilitySettingsViewModel model;

    @BeforeEach
    void open() throws Exception {
        try (BudgetSeed seed = BudgetSeed.open(data)) {
            seed.call("2026-01-01T10:00:00Z", "llama3.2", 100, 0.1, "ok")  // 68 days back
                    .call("2026-02-01T10:00:00Z", "llama3.2", 100, 0.1, "ok") // 37 days back
                    .call("2026-03-01T10:00:00Z", "qwen3", 100, 0.1, "ok")
                    .run("r1", "rag.yaml", "2026-03-01T10:00:00Z", "pass", 0.9, "A");
        }
        workbench = Workbench.openPackOnDemand(new WorkbenchOptions(Optional.of(data), Optional.empty()), clock,
                waiting -> { });
        model = new ObservabilitySettingsViewModel(workbench.observability(), clock, tasks);
        model.load();
    }

    @AfterEach
    void close() {
        workbench.close();
    }

    @Test
    void aShorterRetentionSaysWhatItDeletesAndDeletesOnlyOnceConfirmed() {
        assertThat(model.retentionDaysProperty().get()).isEqualTo("90");

        model.retentionDaysProperty().set("30");
        model.saveRetention();
        assertThat(model.retentionQuestionProperty().get()).isEqualTo("Keeping 30 days deletes 2 call records made "
                + "before 2026-02-08, now and for good. Save and delete them?");
        model.cancelRetention();
        assertThat(workbench.observability().retention().days()).isEqualTo(90);
        assertThat(workbench.observability().stats().calls(everything(), dev.aiworkbench.observability.CallFilter.ALL,
                10)).hasSize(3);

        model.saveRetention();
        model.confirmRetention();
        assertThat(workbench.observability().retention().days()).isEqualTo(30);
        assertThat(model.retentionStatusProperty().get()).isEqualTo("Call records are kept 30 days; older ones are "
                + "deleted daily. 2 older call records were deleted.");
        assertThat(workbench.observability().stats().calls(everything(), dev.aiworkbench.observability.CallFilter.ALL,
                10)).hasSize(1);

        model.retentionDaysProperty().set("365");
        model.saveRetention();
        assertThat(model.retentionQuestionProperty().get()).as("a longer period deletes nothing: no question").isEmpty();
        assertThat(workbench.observability().retention().days()).isEqualTo(365);
    }

    private static dev.aiworkbench.observability.TimeRange everything() {
        return new dev.aiworkbench.observability.TimeRange(java.time.Instant.EPOCH,
                java.time.Instant.parse("2100-01-01T00:00:00Z"));
    }

    @Test
    void retentionOutside1To3650DaysIsRefusedWithoutWork() {
        int before = tasks.started();
        for (String typed : List.of("0", "3651", "ninety", "")) {
            model.retentionDaysProperty().set(typed);
            model.saveRetention();
            assertThat(model.retentionStatusProperty().get()).isEqualTo("Keep calls for a whole number of days from 1 "
                    + "to 3650 (the default is 90).");
        }
        assertThat(tasks.started()).isEqualTo(before);
        assertThat(workbench.observability().retention().days()).isEqualTo(90);
    }

    @Test
    void spanExportIsOffByDefaultTakesOnlyACollectorAddressAndTurnsOff() {
        assertThat(model.otlpEndpointProperty().get()).isEmpty();
        assertThat(model.otlpStatusProperty().get()).startsWith("Off: no spans leave this machine.");

        model.otlpEndpointProperty().set("localhost:4318");
        model.saveOtlp();
        assertThat(model.otlpStatusProperty().get()).isEqualTo("'localhost:4318' is not a collector address; give its "
                + "OTLP/HTTP address, for example http://localhost:4318.");
        assertThat(workbench.observability().otlpEndpoint()).isEmpty();

        model.otlpEndpointProperty().set(" http://127.0.0.1:4318 ");
        model.saveOtlp();
        assertThat(model.otlpStatusProperty().get()).isEqualTo("Each model call is sent as a span to "
                + "http://127.0.0.1:4318.");
        assertThat(workbench.observability().otlpEndpoint()).hasValueSatisfying(uri ->
                assertThat(uri).hasToString("http://127.0.0.1:4318"));

        model.otlpEndpointProperty().set("");
        model.saveOtlp();
        assertThat(workbench.observability().otlpEndpoint()).isEmpty();
        assertThat(model.otlpStatusProperty().get()).startsWith("Off:");
    }

    @Test
    void aTakenPortIsASentenceAndLeavesMetricsOff() throws Exception {
        try (ServerSocket taken = new ServerSocket(0, 1, InetAddress.getByName("127.0.0.1"))) {
            model.metricsPortProperty().set(Integer.toString(taken.getLocalPort()));
            model.setMetrics(true);
            assertThat(model.metricsOnProperty().get()).isFalse();
            assertThat(model.metricsStatusProperty().get()).isEqualTo(
                    ObservabilitySettingsViewModel.portTaken(taken.getLocalPort()));
            assertThat(workbench.observability().savedMetricsPort()).isEmpty();
        }
        model.metricsPortProperty().set("70000");
        model.setMetrics(true);
        assertThat(model.metricsStatusProperty().get()).startsWith("A port is a whole number from 1 to 65535");
    }

    @Test
    void theBudgetsEditorOffersModelsAndSuitesAddsRemovesAndAsksForACheck() {
        int[] rechecks = new int[1];
        SimpleObjectProperty<List<BudgetStatus>> statuses = new SimpleObjectProperty<>(List.of());
        BudgetsEditorViewModel editor = new BudgetsEditorViewModel(workbench.budgets(), tasks, statuses,
                () -> rechecks[0]++);
        editor.load();
        assertThat(editor.budgets()).isEmpty();
        assertThat(editor.scopes()).isEmpty();

        editor.kindProperty().set(BudgetKind.TTFT_P95);
        assertThat(editor.scopes()).containsExactly(BudgetsEditorViewModel.ALL_MODELS, "qwen3");
        assertThat(editor.scopeProperty().get()).isEqualTo(BudgetsEditorViewModel.ALL_MODELS);
        editor.thresholdProperty().set("fast");
        editor.add();
        assertThat(editor.statusProperty().get()).isEqualTo("Give the limit as a number: milliseconds, e.g. 1500.");
        editor.thresholdProperty().set("1500");
        editor.add();
        assertThat(editor.budgets()).containsExactly(Budget.ttftP95(null, 1500));
        assertThat(rechecks[0]).isEqualTo(1);

        editor.kindProperty().set(BudgetKind.FAITHFULNESS_FLOOR);
        assertThat(editor.scopes()).containsExactly("rag.yaml");
        editor.thresholdProperty().set("1.2");
        editor.add();
        assertThat(editor.statusProperty().get()).isEqualTo("A faithfulness floor is more than 0 and at most 1, for "
                + "example 0.8.");
        editor.thresholdProperty().set("0.8");
        editor.add();
        assertThat(workbench.budgets().list()).containsExactly(Budget.ttftP95(null, 1500),
                Budget.faithfulnessFloor("rag.yaml", 0.8));

        statuses.set(List.of(new BudgetStatus(Budget.faithfulnessFloor("rag.yaml", 0.8), 0.7, 0.8, true, "Below.")));
        assertThat(editor.describe(Budget.faithfulnessFloor("rag.yaml", 0.8)))
                .isEqualTo("Faithfulness of rag.yaml: 0.80 · CROSSED (0.70, floor 0.80)");
        editor.remove(Budget.ttftP95(null, 1500));
        assertThat(editor.budgets()).containsExactly(Budget.faithfulnessFloor("rag.yaml", 0.8));
        assertThat(rechecks[0]).isEqualTo(3);
    }
}
