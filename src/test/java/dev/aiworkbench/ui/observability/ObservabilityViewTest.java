package dev.aiworkbench.ui.observability;

import dev.aiworkbench.app.Workbench;
import dev.aiworkbench.app.WorkbenchOptions;
import dev.aiworkbench.eval.report.ItemResult;
import dev.aiworkbench.eval.run.EvalHarness;
import dev.aiworkbench.eval.run.EvalRun;
import dev.aiworkbench.observability.StoredCall;
import dev.aiworkbench.prompts.PromptContent;
import dev.aiworkbench.prompts.RunSetup;
import dev.aiworkbench.prompts.RunSummary;
import dev.aiworkbench.ui.AppDriver;
import dev.aiworkbench.ui.WorkbenchApp;
import javafx.scene.Node;
import javafx.scene.chart.BarChart;
import javafx.scene.chart.StackedBarChart;
import javafx.scene.chart.XYChart;
import javafx.scene.control.Label;
import javafx.scene.control.ListView;
import javafx.scene.control.TableRow;
import javafx.scene.control.TableView;
import javafx.scene.input.KeyCode;
import javafx.scene.layout.GridPane;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.util.WaitForAsyncUtils;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;

import static dev.aiworkbench.ui.AppDriver.node;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * The Observability screen in the real app over a data folder seeded by a real eval run and a playground run
 * against the fake Ollama: what a learner sees (the figures, the charts' series), a bar opened to its calls, and a
 * call opened on the Evals screen at its case and in the Playground's history at its run.
 */
@Tag("ui")
@ExtendWith(ApplicationExtension.class)
class ObservabilityViewTest {
    @TempDir
    Path temp;

    private WorkbenchApp app;

    @AfterEach
    void stop() throws Exception {
        if (app != null) {
            AppDriver.stop(app);
        }
    }

    private record Seeded(Path data, EvalRun run, long playgroundRun) {
    }

    /** Two eval cases and one playground run, recorded by the workbench as it makes them; the workbench is closed. */
    private Seeded seed() throws Exception {
        try (EvalHarness h = new EvalHarness(temp)) {
            h.writeSuite(2, 1);
            Workbench workbench = h.workbench();
            EvalRun run = h.run(h.load(), EvalHarness.options(1, 1));
            workbench.evalReporter().report(run, Optional.empty(), Optional.empty());
            workbench.prompts().save("ask", PromptContent.of("Answer for item {{n}}"), "tester", null);
            long played = workbench.playground().start(RunSetup.of(workbench.prompts().get("ask@1"),
                    EvalHarness.MODEL, Map.of("n", "1")), null, delta -> { }).result().get(10, TimeUnit.SECONDS)
                    .run().id();
            return new Seeded(h.data, run, played);
        }
    }

    private static void waitFor(java.util.concurrent.Callable<Boolean> condition) throws Exception {
        WaitForAsyncUtils.waitFor(20, TimeUnit.SECONDS, condition);
        WaitForAsyncUtils.waitForFxEvents();
    }

    private static String text(FxRobot robot, String query) {
        return robot.lookup(query).tryQuery().map(n -> ((Label) n).getText()).orElse("");
    }

    private static void openDashboard(FxRobot robot) {
        robot.press(KeyCode.CONTROL).type(KeyCode.DIGIT8).release(KeyCode.CONTROL);
        WaitForAsyncUtils.waitForFxEvents();
    }

    /** Clicks the bar of a chart whose category is {@code key}. */
    @SuppressWarnings("unchecked")
    private static void clickBar(FxRobot robot, String chartQuery, String key) throws Exception {
        AppDriver.reveal(robot, chartQuery);
        XYChart<String, Number> chart = robot.lookup(chartQuery).queryAs(XYChart.class);
        Node bar = chart.getData().stream().flatMap(s -> s.getData().stream()).filter(d -> d.getXValue().equals(key))
                .findFirst().orElseThrow().getNode();
        robot.clickOn(bar);
        WaitForAsyncUtils.waitForFxEvents();
    }

    @SuppressWarnings("unchecked")
    private static TableView<StoredCall> calls(FxRobot robot) {
        return robot.lookup("#dash-call-table").queryAs(TableView.class);
    }

    private static void pickFirstCall(FxRobot robot) throws Exception {
        waitFor(() -> robot.lookup("#dash-call-table").tryQuery().isPresent() && !calls(robot).getItems().isEmpty());
        // The first row that shows a call: a table keeps hidden spare rows for measuring.
        robot.clickOn(robot.lookup("#dash-call-table .table-row-cell")
                .match((TableRow<?> row) -> row.isVisible() && row.getItem() != null).<Node>query());
        WaitForAsyncUtils.waitForFxEvents();
    }

    private static String fields(FxRobot robot) {
        StringBuilder all = new StringBuilder();
        for (Node child : robot.lookup("#dash-call-fields").queryAs(GridPane.class).getChildren()) {
            all.append(((Label) child).getText()).append('\n');
        }
        return all.toString();
    }

    @Test
    @SuppressWarnings("unchecked")
    void the_dashboard_shows_the_calls_and_leads_from_a_bar_to_a_call_to_its_eval_case_and_playground_run(
            FxRobot robot) throws Exception {
        Seeded seeded = seed();
        app = AppDriver.start(new WorkbenchOptions(Optional.of(seeded.data()), Optional.empty()));
        AppDriver.waitUntilReady(app);

        openDashboard(robot);

        waitFor(() -> text(robot, "#tile-calls-value").equals("3"));
        assertThat(text(robot, "#tile-errors-value")).isEqualTo("0.0%");
        StackedBarChart<String, Number> daily = robot.lookup("#daily-chart").queryAs(StackedBarChart.class);
        assertThat(daily.getData()).extracting(XYChart.Series::getName).containsExactly("eval", "playground");
        assertThat(daily.getData()).extracting(s -> s.getData().get(0).getYValue().doubleValue())
                .as("calls of each feature that day").containsExactly(2.0, 1.0);
        robot.clickOn("#daily-amount-1");
        assertThat(daily.getData()).extracting(s -> s.getData().get(0).getYValue().doubleValue())
                .as("the local model's calls cost nothing").containsExactly(0.0, 0.0);
        BarChart<String, Number> groups = robot.lookup("#group-chart").queryAs(BarChart.class);
        assertThat(groups.getData().get(0).getData()).extracting(XYChart.Data::getXValue).containsExactly("tiny");
        assertThat(text(robot, "#latency-row-0")).isEqualTo("tiny");
        assertThat(robot.lookup(".quality-chart").queryAll()).hasSize(1);

        AppDriver.reveal(robot, "#group-by-1");
        robot.clickOn("#group-by-1");
        assertThat(groups.getData().get(0).getData()).extracting(XYChart.Data::getXValue)
                .containsExactly("eval", "playground");
        clickBar(robot, "#group-chart", "eval");

        waitFor(() -> calls(robot).getItems().size() == 2);
        assertThat(text(robot, "#dash-calls-title")).isEqualTo("Calls from eval in the last 7 days");
        pickFirstCall(robot);
        StoredCall picked = calls(robot).getSelectionModel().getSelectedItem();
        assertThat(fields(robot)).contains("Eval run\n" + seeded.run().id() + ", case "
                + picked.call().tag().evalItemKey());
        assertThat(robot.lookup("#open-playground-run").queryButton().isDisabled()).isTrue();
        robot.clickOn("#open-eval-case");

        waitFor(() -> text(robot, "#evals-status").startsWith("Showing run " + seeded.run().id()));
        TableView<ItemResult> results = robot.lookup("#eval-results").queryAs(TableView.class);
        waitFor(() -> results.getSelectionModel().getSelectedItem() != null);
        assertThat(results.getSelectionModel().getSelectedItem().key()).isEqualTo(picked.call().tag().evalItemKey());
        assertThat(results.getItems()).hasSize(2);

        openDashboard(robot);
        clickBar(robot, "#group-chart", "playground");
        waitFor(() -> calls(robot).getItems().size() == 1);
        pickFirstCall(robot);
        robot.clickOn("#open-playground-run");

        waitFor(() -> robot.lookup("#run-history").tryQuery().isPresent());
        ListView<RunSummary> history = robot.lookup("#run-history").queryAs(ListView.class);
        waitFor(() -> history.getSelectionModel().getSelectedItem() != null);
        assertThat(history.getSelectionModel().getSelectedItem().id()).isEqualTo(seeded.playgroundRun());
        assertThat(history.isVisible()).isTrue();
        List<Long> listed = history.getItems().stream().map(RunSummary::id).toList();
        assertThat(listed).contains(seeded.playgroundRun());
    }
}
