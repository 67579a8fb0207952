package dev.aiworkbench.ui.evals;

import org.junit.jupiter.api.Tag;
import dev.aiworkbench.ui.AppDriver;
import dev.aiworkbench.ui.WorkbenchApp;
import dev.aiworkbench.app.Workbench;
import dev.aiworkbench.app.WorkbenchOptions;
import dev.aiworkbench.eval.report.ItemResult;
import dev.aiworkbench.eval.run.EvalRun;
import dev.aiworkbench.eval.run.RunState;
import dev.aiworkbench.testing.FakeOllama;
import dev.aiworkbench.testing.FakeOllamaRequest;
import dev.aiworkbench.ui.evals.EvalsServices;
import dev.aiworkbench.ui.evals.EvalsView;
import javafx.scene.Node;
import javafx.scene.chart.LineChart;
import javafx.scene.control.Button;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.ProgressBar;
import javafx.scene.control.Spinner;
import javafx.scene.control.TableView;
import javafx.scene.control.TextArea;
import javafx.scene.control.TextField;
import javafx.scene.layout.Pane;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.util.WaitForAsyncUtils;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static dev.aiworkbench.ui.AppDriver.node;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;
import static org.testfx.util.NodeQueryUtils.hasText;

/**
 * The Evals screen against the fake Ollama server: a small suite in the data folder is opened, run
 * with progress, filtered, inspected case by case, run again against its baseline, cancelled and
 * resumed; a broken suite lists its problems; a bundled suite is copied into the data folder. The
 * screen is mounted in its own window over the real app's session until the shell's navigation
 * offers it.
 */
@Tag("ui")
@ExtendWith(ApplicationExtension.class)
class EvalsViewTest {
    private static final String MODEL = "qwen2.5:0.5b";
    private static final String SUITE = """
            description: Capitals of the world, answered in one word
            prompts:
              - "What is the capital of {{country}}? Answer with the city only."
            providers:
              - id: ollama:chat:qwen2.5:0.5b
                config:
                  temperature: 0
            tests:
              - description: France
                vars: {country: France}
                assert:
                  - type: icontains
                    value: Paris
              - description: Germany
                vars: {country: Germany}
                assert:
                  - type: icontains
                    value: Berlin
              - description: Italy
                vars: {country: Italy}
                assert:
                  - type: icontains
                    value: Rome
              - description: Spain
                vars: {country: Spain}
                assert:
                  - type: icontains
                    value: Madrid
              - description: Japan
                vars: {country: Japan}
                assert:
                  - type: icontains
                    value: Tokyo
              - description: Peru
                vars: {country: Peru}
                assert:
                  - type: icontains
                    value: Lima
            """;

    @TempDir
    Path data;

    private FakeOllama fake;
    private WorkbenchApp app;
    private Stage stage;
    private final Map<String, String> answers = new ConcurrentHashMap<>(Map.of("France", "Paris", "Germany", "Berlin",
            "Italy", "Milan", "Spain", "Madrid", "Japan", "Kyoto", "Peru", "Lima"));

    @AfterEach
    void stop(FxRobot robot) throws Exception {
        if (stage != null) {
            robot.interact(stage::close);
        }
        if (app != null) {
            AppDriver.stop(app);
        }
        if (fake != null) {
            fake.close();
        }
    }

    private void startApp() throws Exception {
        fake = FakeOllama.start();
        fake.model(MODEL).answerWith(this::answer);
        app = AppDriver.start(new WorkbenchOptions(Optional.of(data), Optional.empty(), Optional.of(fake.baseUrl())));
        waitFor(() -> app.shell() != null && app.shell().readyProperty().get());
    }

    /** The capital the fake "knows" for the country the prompt asks about. */
    private List<String> answer(FakeOllamaRequest request) {
        String prompt = request.json().path("messages").get(0).path("content").asText();
        Matcher country = Pattern.compile("capital of (\\w+)\\?").matcher(prompt);
        return List.of(country.find() ? answers.getOrDefault(country.group(1), "I do not know") : "I do not know");
    }

    private EvalsView mount(FxRobot robot) {
        EvalsView[] view = new EvalsView[1];
        robot.interact(() -> {
            Workbench workbench = app.workbench();
            view[0] = new EvalsView(new EvalsServices(workbench.suiteLoader(), workbench.evalRunner(),
                    workbench.evalReporter(), workbench.evalHistory(), workbench.dataFolder().path().resolve("evals")),
                    workbench.zone(), app.sessionModels().slowWork());
            stage = AppDriver.showAlone(view[0], 1280, 800);
            view[0].focusFirst();
        });
        WaitForAsyncUtils.waitForFxEvents();
        return view[0];
    }

    private Path writeSuite(String folder, String text) throws Exception {
        Path file = data.resolve("suites").resolve(folder).resolve("promptfooconfig.yaml");
        Files.createDirectories(file.getParent());
        Files.writeString(file, text);
        return file;
    }

    private static void open(FxRobot robot, Path suite) {
        robot.interact(() -> robot.lookup("#suite-path").queryAs(TextField.class).setText(suite.toString()));
        robot.clickOn("#open-suite");
    }

    /** Waits up to 60 s: a run goes through the model worker, the runner and the background worker. */
    private static void waitFor(java.util.concurrent.Callable<Boolean> condition) throws Exception {
        WaitForAsyncUtils.waitFor(60, TimeUnit.SECONDS, condition);
        WaitForAsyncUtils.waitForFxEvents();
    }

    private static String text(FxRobot robot, String query) {
        return node(robot, query, Label.class).getText();
    }

    @SuppressWarnings("unchecked")
    private static TableView<ItemResult> table(FxRobot robot) {
        return robot.lookup("#eval-results").queryAs(TableView.class);
    }

    private static List<String> shownItems(FxRobot robot) {
        return table(robot).getItems().stream().map(ItemResult::description).toList();
    }

    @SuppressWarnings("unchecked")
    private static void filter(FxRobot robot, String label) {
        ComboBox<Object> filter = robot.lookup("#results-filter").queryAs(ComboBox.class);
        robot.clickOn(filter);
        robot.clickOn(robot.lookup(".list-cell").match(hasText(label)).<Node>query());
        WaitForAsyncUtils.waitForFxEvents();
    }

    private static void selectRow(FxRobot robot, String description) throws Exception {
        waitFor(() -> robot.lookup("#eval-results .table-cell").match(hasText(description)).tryQuery().isPresent());
        robot.clickOn(robot.lookup("#eval-results .table-cell").match(hasText(description)).<Node>query());
        WaitForAsyncUtils.waitForFxEvents();
    }

    /** Every text under a node, for checking what a pane says. */
    private static String allText(Node root) {
        StringBuilder text = new StringBuilder();
        collect(root, text);
        return text.toString();
    }

    private static void collect(Node node, StringBuilder text) {
        if (node instanceof Label label && label.getText() != null) {
            text.append(label.getText()).append('\n');
        } else if (node instanceof TextArea area) {
            text.append(area.getText()).append('\n');
        }
        if (node instanceof javafx.scene.Parent parent) {
            for (Node child : parent.getChildrenUnmodifiable()) {
                collect(child, text);
            }
        }
        if (node instanceof javafx.scene.control.ScrollPane scroll && scroll.getContent() != null) {
            collect(scroll.getContent(), text);
        }
    }

    private void runAndWait(FxRobot robot, String expectedDone) throws Exception {
        robot.clickOn("#run-eval");
        // "Finished <run>; scoring it…" comes first; the report and the trend are shown with the final status.
        waitFor(() -> text(robot, "#eval-progress-text").startsWith(expectedDone)
                && text(robot, "#evals-status").matches("(?s)Finished [^;]*: \\d+ passed.*"));
    }

    /** N of "N of M cases · …", or -1. */
    private static int casesDone(String progressText) {
        Matcher m = Pattern.compile("^(\\d+) of \\d+ cases").matcher(progressText);
        return m.find() ? Integer.parseInt(m.group(1)) : -1;
    }

    private List<EvalRun> storedRuns() {
        return app.workbench().evals().runs(null, 50);
    }

    @Test
    void a_suite_runs_with_progress_and_its_results_can_be_filtered_and_inspected(FxRobot robot) throws Exception {
        startApp();
        Path suite = writeSuite("capitals", SUITE);
        mount(robot);
        open(robot, suite);
        waitFor(() -> text(robot, "#suite-description").equals("Capitals of the world, answered in one word"));
        assertThat(text(robot, "#suite-facts")).startsWith("6 items · 1 prompt × 1 model").contains(MODEL);
        assertThat(text(robot, "#suite-gate")).startsWith("Default gate");
        assertThat(robot.lookup("#variant-row").query().isVisible()).isFalse();
        assertThat(robot.lookup("#suite-problems").query().isVisible()).isFalse();
        assertThat(node(robot, "#concurrency", Spinner.class).getValue()).isEqualTo(4);
        assertThat(node(robot, "#repeat", Spinner.class).getValue()).isEqualTo(1);
        assertThat(node(robot, "#resume-eval", Button.class).isDisabled()).isTrue();
        ProgressBar bar = node(robot, "#eval-progress", ProgressBar.class);
        List<Double> seen = new ArrayList<>();
        robot.interact(() -> bar.progressProperty().addListener((obs, was, now) -> seen.add(now.doubleValue())));

        runAndWait(robot, "6 of 6 cases · 100%");

        assertThat(bar.getProgress()).isEqualTo(1.0);
        assertThat(seen).contains(1.0);
        assertThat(shownItems(robot)).containsExactly("France", "Germany", "Italy", "Spain", "Japan", "Peru");
        assertThat(text(robot, "#results-count")).isEqualTo("6 items: 4 passed, 2 failed, 0 errors");
        assertThat(fake.requests("/api/chat")).hasSize(6);
        assertThat(text(robot, "#evals-status")).contains("4 passed, 2 failed, 0 errors").contains("gate passed");

        // The summary explains each figure; the first run has no baseline and its gate passes for want of one.
        assertThat(text(robot, "#summary-pass-rate")).isEqualTo("66.7%");
        assertThat(text(robot, "#summary-pass-rate-explain")).startsWith("4 of 6 passed: 66.7%, 95% interval");
        assertThat(text(robot, "#summary-score-explain")).startsWith("mean score 0.667 over 6 items");
        assertThat(allText(robot.lookup("#eval-baseline").query())).contains("No baseline to compare with");
        assertThat(text(robot, "#gate-decision")).isEqualTo("passed");
        assertThat(text(robot, "#gate-reason")).containsIgnoringCase("no baseline to compare with");

        filter(robot, "Failures");
        assertThat(shownItems(robot)).containsExactly("Italy", "Japan");
        assertThat(table(robot).getItems()).allSatisfy(item -> assertThat(item.pass()).isFalse());
        assertThat(text(robot, "#results-count")).isEqualTo("Showing 2 of 6 items: 4 passed, 2 failed, 0 errors");

        selectRow(robot, "Italy");
        Node detail = robot.lookup("#case-detail").query();
        assertThat(text(robot, "#case-title")).isEqualTo("Italy");
        assertThat(text(robot, "#case-verdict")).isEqualTo("fail");
        assertThat(node(robot, "#case-output", TextArea.class).getText()).isEqualTo("Milan");
        List<Node> assertions = new ArrayList<>(robot.from(detail).lookup(".assertion-row").queryAll());
        assertThat(assertions).hasSize(1);
        assertThat(allText(assertions.get(0))).contains("icontains").contains("fail").contains("score 0.00")
                .contains("Expected the output to contain \"Rome\" (ignoring case), but it does not.");
        assertThat(assertions.get(0).getStyleClass()).contains("assertion-fail");

        filter(robot, "Errors");
        assertThat(shownItems(robot)).isEmpty();
        filter(robot, "All items");
        assertThat(shownItems(robot)).hasSize(6);
        selectRow(robot, "Peru");
        assertThat(allText(robot.lookup("#case-assertions").query()))
                .contains("Expected the output to contain \"Lima\" (ignoring case), and it does.");
    }

    @Test
    void an_error_case_shows_its_error_and_is_left_out_of_the_pass_rate(FxRobot robot) throws Exception {
        startApp();
        Path suite = writeSuite("errors", SUITE + """
                  - description: Atlantis
                    vars: {place: Atlantis}
                    assert:
                      - type: icontains
                        value: nowhere
                """);
        mount(robot);
        open(robot, suite);
        waitFor(() -> text(robot, "#suite-facts").startsWith("7 items"));
        runAndWait(robot, "7 of 7 cases · 100%");

        assertThat(text(robot, "#results-count")).isEqualTo("7 items: 4 passed, 2 failed, 1 error");
        filter(robot, "Errors");
        assertThat(shownItems(robot)).containsExactly("Atlantis");
        selectRow(robot, "Atlantis");
        assertThat(text(robot, "#case-verdict")).isEqualTo("error");
        assertThat(text(robot, "#case-error")).contains("{{country}}");
        assertThat(text(robot, "#summary-pass-rate-explain")).startsWith("4 of 6 passed");
        assertThat(allText(robot.lookup("#eval-summary").query())).contains("errored in every run");
    }

    @Test
    void a_second_run_is_paired_with_the_first_and_the_trend_shows_both(FxRobot robot) throws Exception {
        startApp();
        Path suite = writeSuite("capitals", SUITE);
        mount(robot);
        open(robot, suite);
        waitFor(() -> !node(robot, "#run-eval", Button.class).isDisabled());
        runAndWait(robot, "6 of 6 cases · 100%");
        String first = storedRuns().get(0).id();
        @SuppressWarnings("unchecked")
        LineChart<Number, Number> chart = robot.lookup("#eval-trend").queryAs(LineChart.class);
        assertThat(chart.getData().get(0).getData()).hasSize(1);

        answers.put("Italy", "Rome");
        runAndWait(robot, "6 of 6 cases · 100%");

        List<EvalRun> runs = storedRuns();
        assertThat(runs).hasSize(2);
        String second = runs.get(0).id();
        assertThat(second).isNotEqualTo(first);
        assertThat(text(robot, "#baseline-run")).startsWith("Against run " + first).contains("b=0 fell, c=1 rose");
        assertThat(text(robot, "#baseline-headline")).isEqualTo("66.7% → 83.3%");
        assertThat(text(robot, "#baseline-explain")).startsWith("Paired over 6 items").contains("b=0, c=1");
        assertThat(text(robot, "#gate-decision")).isEqualTo("passed");
        assertThat(text(robot, "#gate-reason")).contains("rose");

        filter(robot, "Changed against the baseline");
        assertThat(shownItems(robot)).containsExactly("Italy");
        assertThat(robot.lookup("#eval-results .table-cell").match(hasText("now passes")).tryQuery()).isPresent();

        assertThat(chart.getData().get(0).getData()).hasSize(2);
        List<Double> rates = chart.getData().get(0).getData().stream().map(d -> d.getYValue().doubleValue()).toList();
        assertThat(rates.get(0)).isCloseTo(100 * 4 / 6.0, within(1e-9));
        assertThat(rates.get(1)).isCloseTo(100 * 5 / 6.0, within(1e-9));
        assertThat(chart.getXAxis().getLabel()).isNotBlank();
        assertThat(chart.getYAxis().getLabel()).isNotBlank();
        javafx.scene.shape.Polygon band = robot.lookup("#trend-band").queryAs(javafx.scene.shape.Polygon.class);
        assertThat(band.isVisible()).isTrue();
        assertThat(band.getPoints()).hasSize(8);
        assertThat(text(robot, "#trend-caption")).startsWith("2 finished runs");

        // Opened again later, the screen shows the newest run as stored, paired with the run before it.
        robot.interact(stage::close);
        mount(robot);
        open(robot, suite);
        waitFor(() -> table(robot).getItems().size() == 6);
        assertThat(text(robot, "#baseline-run")).startsWith("Against run " + first);
        assertThat(text(robot, "#summary-run")).startsWith("Run " + second);
        assertThat(text(robot, "#gate-decision")).isEqualTo("passed");
        assertThat(text(robot, "#gate-reason")).endsWith("(as decided when the run finished)");
        @SuppressWarnings("unchecked")
        LineChart<Number, Number> again = robot.lookup("#eval-trend").queryAs(LineChart.class);
        assertThat(again.getData().get(0).getData()).hasSize(2);
        assertThat(app.workbench().evals().run(second).orElseThrow().gateDecision()).isEqualTo("pass");
    }

    @Test
    void a_model_that_is_not_pulled_is_named_with_the_fix_and_nothing_runs(FxRobot robot) throws Exception {
        startApp();
        fake.removeModel(MODEL);
        Path suite = writeSuite("capitals", SUITE);
        mount(robot);
        open(robot, suite);
        waitFor(() -> !node(robot, "#run-eval", Button.class).isDisabled());
        robot.clickOn("#run-eval");
        waitFor(() -> text(robot, "#evals-status").contains("is not on the Ollama server"));
        assertThat(text(robot, "#evals-status")).contains(MODEL).contains("Models screen");
        assertThat(node(robot, "#evals-status", Label.class).getStyleClass()).contains("danger");
        assertThat(node(robot, "#run-eval", Button.class).isDisabled()).isFalse();
        assertThat(node(robot, "#cancel-eval", Button.class).isDisabled()).isTrue();
        assertThat(fake.requests("/api/chat")).isEmpty();
        assertThat(storedRuns()).isEmpty();
    }

    @Test
    void a_broken_suite_lists_its_problems_and_nothing_runs(FxRobot robot) throws Exception {
        startApp();
        Path suite = writeSuite("broken", SUITE.replace("type: icontains\n        value: Rome",
                "type: icontians\n        value: Rome"));
        assertThat(Files.readString(suite)).contains("icontians");
        mount(robot);
        open(robot, suite);
        waitFor(() -> robot.lookup("#suite-problems").query().isVisible());

        List<String> lines = robot.lookup("#suite-problems .problem-line").queryAllAs(Label.class).stream()
                .map(Label::getText).toList();
        assertThat(lines).isNotEmpty();
        String prefix = suite.toString().replace('\\', '/');
        assertThat(lines).allSatisfy(line -> assertThat(line).matches(Pattern.quote(prefix) + ":\\d+:\\d+: .+"));
        assertThat(lines).anySatisfy(line -> assertThat(line).contains("icontians"));
        int line = 1 + (int) Files.readString(suite).substring(0, Files.readString(suite).indexOf("icontians"))
                .chars().filter(c -> c == '\n').count();
        assertThat(lines).anySatisfy(l -> assertThat(l).startsWith(prefix + ":" + line + ":"));
        assertThat(text(robot, "#suite-problems-heading")).contains("error").contains("nothing was run");
        assertThat(node(robot, "#run-eval", Button.class).isDisabled()).isTrue();
        assertThat(node(robot, "#resume-eval", Button.class).isDisabled()).isTrue();
        assertThat(robot.lookup("#suite-info").query().isVisible()).isFalse();
        assertThat(text(robot, "#evals-status")).contains("error").contains("Nothing was run");
        assertThat(shownItems(robot)).isEmpty();
        assertThat(fake.requests("/api/chat")).isEmpty();
        assertThat(storedRuns()).isEmpty();

        // Fixed and reloaded, it runs.
        Files.writeString(suite, SUITE);
        robot.clickOn("#reload-suite");
        waitFor(() -> !node(robot, "#run-eval", Button.class).isDisabled());
        assertThat(robot.lookup("#suite-problems").query().isVisible()).isFalse();
    }

    @Test
    void a_cancelled_run_can_be_resumed_without_repeating_its_finished_cases(FxRobot robot) throws Exception {
        startApp();
        fake.firstTokenDelay(Duration.ofMillis(700));
        Path suite = writeSuite("capitals", SUITE);
        mount(robot);
        open(robot, suite);
        waitFor(() -> !node(robot, "#run-eval", Button.class).isDisabled());
        // The spinners are editable: one request at a time makes the cancel land mid-run.
        robot.doubleClickOn(node(robot, "#concurrency", Spinner.class).getEditor()).write("1");
        robot.clickOn("#run-eval");
        waitFor(() -> casesDone(text(robot, "#eval-progress-text")) >= 2);
        assertThat(node(robot, "#concurrency", Spinner.class).getValue()).isEqualTo(1);
        assertThat(text(robot, "#eval-progress-text")).contains("left");
        assertThat(node(robot, "#run-eval", Button.class).isDisabled()).isTrue();
        robot.clickOn("#cancel-eval");
        waitFor(() -> text(robot, "#evals-status").startsWith("Cancelled"));
        waitFor(() -> !node(robot, "#resume-eval", Button.class).isDisabled());

        EvalRun cancelled = storedRuns().get(0);
        assertThat(cancelled.state()).isEqualTo(RunState.CANCELLED);
        int kept = app.workbench().evals().cases(cancelled.id()).size();
        assertThat(kept).isBetween(2, 5);
        assertThat(node(robot, "#resume-eval", Button.class).getText()).contains(cancelled.id());
        assertThat(shownItems(robot)).hasSize(kept);
        int requestsBefore = fake.requests("/api/chat").size();

        // The interrupted run is still offered after the screen is opened again (as after a restart).
        robot.interact(stage::close);
        mount(robot);
        open(robot, suite);
        waitFor(() -> !node(robot, "#resume-eval", Button.class).isDisabled());
        assertThat(node(robot, "#resume-eval", Button.class).getText()).contains(cancelled.id());
        assertThat(text(robot, "#evals-status")).contains("Run " + cancelled.id() + " was interrupted after " + kept
                + " of 6 cases");

        fake.clearFaults();
        robot.clickOn("#resume-eval");
        waitFor(() -> text(robot, "#eval-progress-text").startsWith("6 of 6 cases · 100%")
                && text(robot, "#evals-status").matches("(?s)Finished [^;]*: \\d+ passed.*"));

        assertThat(storedRuns()).hasSize(1);
        EvalRun resumed = storedRuns().get(0);
        assertThat(resumed.id()).isEqualTo(cancelled.id());
        assertThat(resumed.state()).isEqualTo(RunState.FINISHED);
        assertThat(app.workbench().evals().cases(resumed.id())).hasSize(6);
        assertThat(fake.requests("/api/chat").size() - requestsBefore).isEqualTo(6 - kept);
        assertThat(shownItems(robot)).hasSize(6);
        assertThat(node(robot, "#resume-eval", Button.class).isDisabled()).isTrue();
        assertThat(text(robot, "#summary-pass-rate")).isEqualTo("66.7%");
    }

    @Test
    @SuppressWarnings("unchecked")
    void a_suite_with_two_prompts_runs_the_chosen_combination(FxRobot robot) throws Exception {
        startApp();
        Path suite = writeSuite("two-prompts", SUITE.replace("""
                prompts:
                  - "What is the capital of {{country}}? Answer with the city only."
                """, """
                prompts:
                  - raw: "What is the capital of {{country}}? Answer with the city only."
                    label: terse
                  - raw: "Name the capital of {{country}}? Reply with one word."
                    label: polite
                """));
        mount(robot);
        open(robot, suite);
        waitFor(() -> text(robot, "#suite-facts").startsWith("6 items · 2 prompts × 1 model = 2 combinations"));
        assertThat(robot.lookup("#variant-row").query().isVisible()).isTrue();
        javafx.scene.control.ChoiceBox<Object> variants = robot.lookup("#variant-choice")
                .queryAs(javafx.scene.control.ChoiceBox.class);
        assertThat(variants.getItems()).hasSize(2);
        assertThat(variants.getConverter().toString(variants.getItems().get(1))).isEqualTo("polite on ollama:chat:" + MODEL);
        robot.interact(() -> variants.setValue(variants.getItems().get(1)));
        runAndWait(robot, "6 of 6 cases · 100%");

        assertThat(storedRuns()).singleElement().satisfies(r -> assertThat(r.promptLabel()).isEqualTo("polite"));
        assertThat(fake.lastRequest("/api/chat").json().path("messages").get(0).path("content").asText())
                .startsWith("Name the capital of");
    }

    @Test
    @SuppressWarnings("unchecked")
    void a_bundled_suite_is_copied_into_the_data_folder_and_opened(FxRobot robot) throws Exception {
        startApp();
        mount(robot);
        ComboBox<Object> choice = robot.lookup("#suite-choice").queryAs(ComboBox.class);
        waitFor(() -> choice.getItems().size() >= 2);
        assertThat(choice.getItems().stream().map(Object::toString).toList())
                .contains("incident-severity (bundled; opens a copy in your evals folder)",
                        "runbook-qa (bundled; opens a copy in your evals folder)");

        robot.clickOn(choice);
        robot.clickOn(robot.lookup(".list-cell").match(hasText("incident-severity (bundled; opens a copy in your "
                + "evals folder)")).<Node>query());
        Path copy = data.resolve("evals").resolve("incident-severity");
        waitFor(() -> text(robot, "#suite-description")
                .equals("Classify DevOps incident alerts and tickets as P1-P4 with a one-line reason"));
        assertThat(copy.resolve("promptfooconfig.yaml")).isRegularFile();
        assertThat(copy.resolve("incidents.csv")).isRegularFile();
        assertThat(copy.resolve("prompts/classify-severity.txt")).isRegularFile();
        assertThat(text(robot, "#suite-facts")).startsWith("60 items · 1 prompt × 1 model").contains(MODEL);
        assertThat(text(robot, "#suite-gate")).contains("significant-drop");
        assertThat(node(robot, "#concurrency", Spinner.class).getValue()).isEqualTo(2);
        assertThat(text(robot, "#evals-status")).contains("Copied incident-severity into " + copy);
        assertThat(node(robot, "#suite-path", TextField.class).getText())
                .isEqualTo(copy.resolve("promptfooconfig.yaml").toString());
        waitFor(() -> choice.getValue() != null && choice.getValue().toString().equals("incident-severity (bundled, "
                + "your copy)"));

        // The learner's edits stay: choosing it again opens the copy and does not overwrite it.
        Path prompt = copy.resolve("prompts/classify-severity.txt");
        Files.writeString(prompt, Files.readString(prompt) + "\nBe brief.\n");
        robot.interact(() -> choice.setValue(null));
        robot.clickOn(choice);
        robot.clickOn(robot.lookup(".list-cell").match(hasText("incident-severity (bundled, your copy)")).<Node>query());
        waitFor(() -> text(robot, "#evals-status").startsWith("Loaded " + copy.resolve("promptfooconfig.yaml")));
        assertThat(Files.readString(prompt)).endsWith("\nBe brief.\n");
        assertThat(robot.lookup("#evals").queryAs(Pane.class)).isNotNull();
    }
}
