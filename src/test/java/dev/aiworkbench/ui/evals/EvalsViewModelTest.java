package dev.aiworkbench.ui.evals;

import dev.aiworkbench.app.Workbench;
import dev.aiworkbench.app.WorkbenchOptions;
import dev.aiworkbench.eval.report.EvalReport;
import dev.aiworkbench.eval.report.ItemResult;
import dev.aiworkbench.eval.run.EvalRun;
import dev.aiworkbench.eval.run.RunState;
import dev.aiworkbench.testing.FakeOllama;
import dev.aiworkbench.testing.FakeOllamaRequest;
import dev.aiworkbench.testing.ImmediateTaskExecutor;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Function;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

/**
 * The Evals screen's view model without a scene: real services over a temporary data folder, the fake Ollama
 * server, and work done at once on the calling thread. A run's command returns when the run has ended and been
 * scored; its progress is taken in on the runner's writer thread, as the pacing a test gives it says.
 */
class EvalsViewModelTest {
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
            """ + item("France", "Paris") + item("Germany", "Berlin") + item("Italy", "Rome") + item("Spain", "Madrid")
            + item("Japan", "Tokyo") + item("Peru", "Lima");

    @TempDir
    Path data;

    private FakeOllama fake;
    private Workbench workbench;
    private final ImmediateTaskExecutor tasks = new ImmediateTaskExecutor();
    private final Map<String, String> answers = new ConcurrentHashMap<>(Map.of("France", "Paris", "Germany", "Berlin",
            "Italy", "Milan", "Spain", "Madrid", "Japan", "Kyoto", "Peru", "Lima"));
    private final Map<String, AtomicInteger> asked = new ConcurrentHashMap<>();

    private static String item(String country, String capital) {
        return """
                  - description: %s
                    vars: {country: %s}
                    assert:
                      - type: icontains
                        value: %s
                """.formatted(country, country, capital);
    }

    @BeforeEach
    void open() throws Exception {
        fake = FakeOllama.start();
        fake.model(MODEL).answerWith(this::answer);
        workbench = Workbench.open(new WorkbenchOptions(Optional.of(data), Optional.empty(),
                Optional.of(fake.baseUrl())), Clock.systemUTC());
    }

    @AfterEach
    void close() {
        if (workbench != null) {
            workbench.close();
        }
        if (fake != null) {
            fake.close();
        }
    }

    /** The capital the fake "knows" for the country the prompt asks about; "Rome|Milan" alternates per request. */
    private List<String> answer(FakeOllamaRequest request) {
        String prompt = request.json().path("messages").get(0).path("content").asText();
        Matcher country = Pattern.compile("capital of (\\w+)\\?").matcher(prompt);
        if (!country.find()) {
            return List.of("I do not know");
        }
        String[] choices = answers.getOrDefault(country.group(1), "I do not know").split("\\|");
        int n = asked.computeIfAbsent(country.group(1), k -> new AtomicInteger()).getAndIncrement();
        return List.of(choices[n % choices.length]);
    }

    private EvalsViewModel model(Function<Runnable, Runnable> paced) {
        return new EvalsViewModel(new EvalsServices(workbench.suiteLoader(), workbench.evalRunner(),
                workbench.evalReporter(), workbench.evalHistory(), data.resolve("evals")), ZoneOffset.UTC, tasks, paced);
    }

    /** Progress taken in as soon as it lands. */
    private EvalsViewModel model() {
        return model(work -> work);
    }

    private Path writeSuite(String folder, String text) throws Exception {
        Path file = data.resolve("suites").resolve(folder).resolve("promptfooconfig.yaml");
        Files.createDirectories(file.getParent());
        Files.writeString(file, text);
        return file;
    }

    private static void open(EvalsViewModel model, Path suite) {
        model.typedPathProperty().set(suite.toString());
        model.openTyped();
    }

    private static List<String> shown(EvalsViewModel model) {
        return model.results().shown().stream().map(ItemResult::description).toList();
    }

    private static ItemResult row(EvalsViewModel model, String description) {
        return model.results().shown().stream().filter(i -> i.description().equals(description)).findFirst()
                .orElseThrow();
    }

    private List<EvalRun> storedRuns() {
        return workbench.evalHistory().runs(null, 50);
    }

    @Test
    void the_shelf_lists_the_bundled_suites_and_the_learners_own() throws Exception {
        Path own = data.resolve("evals").resolve("mine").resolve("promptfooconfig.yaml");
        Files.createDirectories(own.getParent());
        Files.writeString(own, SUITE);
        EvalsViewModel model = model();

        model.refreshChoices(null);

        assertThat(model.choices()).extracting(Object::toString)
                .contains("incident-severity (bundled; opens a copy in your evals folder)",
                        "runbook-qa (bundled; opens a copy in your evals folder)", "mine (your evals folder)");
        assertThat(model.chosenProperty().get()).isNull();
        assertThat(tasks.started()).isEqualTo(1);
    }

    @Test
    void a_bundled_suite_is_copied_into_the_data_folder_and_opened() throws Exception {
        EvalsViewModel model = model();
        model.refreshChoices(null);
        SuiteShelf.Choice bundled = model.choices().stream().filter(c -> c.name().equals("incident-severity"))
                .findFirst().orElseThrow();

        model.choose(bundled);

        Path copy = data.resolve("evals").resolve("incident-severity");
        assertThat(copy.resolve("promptfooconfig.yaml")).isRegularFile();
        assertThat(model.statusProperty().get()).startsWith("Copied incident-severity into " + copy)
                .contains("Loaded " + copy.resolve("promptfooconfig.yaml"));
        assertThat(model.chosenProperty().get().kind()).isEqualTo(SuiteShelf.Choice.Kind.COPIED);
        assertThat(model.typedPathProperty().get()).isEqualTo(copy.resolve("promptfooconfig.yaml").toString());
        assertThat(model.factsProperty().get()).startsWith("60 items · 1 prompt × 1 model");
        assertThat(model.gateTextProperty().get()).contains("significant-drop");
        assertThat(model.concurrencyProperty().get()).isEqualTo(2);
        assertThat(model.canRunProperty().get()).isTrue();
    }

    @Test
    void a_suite_runs_with_progress_and_its_results_can_be_filtered_and_inspected() throws Exception {
        fake.firstTokenDelay(Duration.ofMillis(40));
        EvalsViewModel model = model();
        open(model, writeSuite("capitals", SUITE));
        assertThat(model.descriptionProperty().get()).isEqualTo("Capitals of the world, answered in one word");
        assertThat(model.factsProperty().get()).isEqualTo("6 items · 1 prompt × 1 model · " + MODEL);
        assertThat(model.gateTextProperty().get()).startsWith("Default gate");
        assertThat(model.variants()).hasSize(1);
        assertThat(model.canRunProperty().get()).isTrue();
        assertThat(model.canResumeProperty().get()).isFalse();
        assertThat(model.history().trendCaptionProperty().get()).startsWith("No finished run");
        model.concurrencyProperty().set(1);
        List<String> lines = new CopyOnWriteArrayList<>();
        List<Double> fractions = new CopyOnWriteArrayList<>();
        List<Integer> rows = new CopyOnWriteArrayList<>();
        model.run().progressTextProperty().addListener((obs, was, now) -> lines.add(now));
        model.run().progressProperty().addListener((obs, was, now) -> fractions.add(now.doubleValue()));
        model.results().rows().addListener((javafx.collections.ListChangeListener<ItemResult>) c ->
                rows.add(model.results().rows().size()));

        model.run().start();

        // Each case was taken in as it landed: the count, the percentage and the time left moved case by case.
        assertThat(lines.get(0)).isEqualTo("Starting…");
        assertThat(lines).anySatisfy(line -> assertThat(line).matches("1 of 6 cases · 16% · about .+ left"));
        assertThat(lines).anySatisfy(line -> assertThat(line).matches("3 of 6 cases · 50% · 1 failed · about .+ left"));
        assertThat(fractions.get(0)).isEqualTo(EvalRunModel.INDETERMINATE);
        assertThat(fractions).contains(0.5, 1.0);
        assertThat(rows).contains(1, 2, 3, 4, 5, 6);
        assertThat(model.run().progressProperty().get()).isEqualTo(1.0);
        assertThat(model.run().progressTextProperty().get()).startsWith("6 of 6 cases · 100% · took");
        assertThat(model.run().busyProperty().get()).isFalse();
        assertThat(model.canRunProperty().get()).isTrue();
        assertThat(model.run().canCancelProperty().get()).isFalse();

        EvalRun stored = storedRuns().get(0);
        assertThat(stored.state()).isEqualTo(RunState.FINISHED);
        assertThat(model.statusProperty().get()).startsWith("Finished " + stored.id() + ": 4 passed, 2 failed, 0 errors")
                .endsWith("The gate passed.");
        assertThat(model.statusProblemProperty().get()).isFalse();
        ReportState report = model.reportProperty().get();
        assertThat(report.live()).isTrue();
        assertThat(report.report()).get().extracting(r -> r.run().id()).isEqualTo(stored.id());
        assertThat(report.report().get().summary().orElseThrow().passRate().rate()).isCloseTo(4 / 6.0, within(1e-9));
        assertThat(model.canExportProperty().get()).isTrue();
        assertThat(model.history().trend()).extracting(EvalRun::id).containsExactly(stored.id());
        assertThat(model.history().trendCaptionProperty().get()).startsWith("1 finished run of this suite");
        assertThat(model.history().baselines()).extracting(RunHistoryModel.BaselineOption::runId)
                .containsExactly(null, stored.id());

        assertThat(shown(model)).containsExactly("France", "Germany", "Italy", "Spain", "Japan", "Peru");
        assertThat(model.results().countProperty().get()).isEqualTo("6 items: 4 passed, 2 failed, 0 errors");
        model.results().filterProperty().set(ResultFilter.FAILURES);
        assertThat(shown(model)).containsExactly("Italy", "Japan");
        assertThat(model.results().countProperty().get())
                .isEqualTo("Showing 2 of 6 items: 4 passed, 2 failed, 0 errors");
        model.results().select(row(model, "Italy"));
        ItemResult italy = model.results().selectedProperty().get();
        assertThat(italy.description()).isEqualTo("Italy");
        assertThat(italy.first().output()).isEqualTo("Milan");
        assertThat(italy.first().assertions()).singleElement().satisfies(a -> assertThat(a.reason())
                .isEqualTo("Expected the output to contain \"Rome\" (ignoring case), but it does not."));
        model.results().filterProperty().set(ResultFilter.ERRORS);
        assertThat(shown(model)).isEmpty();
        assertThat(model.results().selectedProperty().get()).isNull();
        assertThat(model.results().emptyProperty().get()).isEqualTo("No errors.");
    }

    @Test
    void the_session_hears_when_a_run_ends_and_again_once_it_is_scored() throws Exception {
        int[] ended = new int[1];
        EvalsViewModel model = new EvalsViewModel(new EvalsServices(workbench.suiteLoader(), workbench.evalRunner(),
                workbench.evalReporter(), workbench.evalHistory(), data.resolve("evals"), () -> ended[0]++),
                ZoneOffset.UTC, tasks, work -> work);
        open(model, writeSuite("capitals", SUITE));
        assertThat(ended[0]).isZero();

        model.run().start();

        assertThat(model.statusProperty().get()).startsWith("Finished ");
        assertThat(ended[0]).as("once when the run stopped, once when its pass rate was kept").isEqualTo(2);
    }

    @Test
    void items_whose_repeats_disagree_are_flaky() throws Exception {
        answers.put("Italy", "Rome|Milan");
        EvalsViewModel model = model();
        open(model, writeSuite("capitals", SUITE));
        model.repeatProperty().set(2);

        model.run().start();

        assertThat(model.run().progressTextProperty().get()).startsWith("12 of 12 cases · 100%");
        model.results().filterProperty().set(ResultFilter.FLAKY);
        assertThat(shown(model)).containsExactly("Italy");
        assertThat(row(model, "Italy").runs()).hasSize(2);
        model.results().filterProperty().set(ResultFilter.CHANGED);
        assertThat(shown(model)).isEmpty();
        assertThat(model.results().emptyProperty().get()).isEqualTo("No item changed its verdict against the baseline.");
    }

    @Test
    void a_second_run_is_paired_with_the_first_and_the_stored_report_is_shown_when_opened_again() throws Exception {
        EvalsViewModel model = model();
        Path suite = writeSuite("capitals", SUITE);
        open(model, suite);
        model.run().start();
        String first = storedRuns().get(0).id();
        answers.put("Italy", "Rome");

        model.run().start();

        String second = storedRuns().get(0).id();
        assertThat(second).isNotEqualTo(first);
        EvalReport report = model.shownReport().orElseThrow();
        assertThat(report.run().id()).isEqualTo(second);
        assertThat(report.baseline()).get().satisfies(b -> {
            assertThat(b.baseline().id()).isEqualTo(first);
            assertThat(b.comparison().mcnemar().c()).isEqualTo(1);
        });
        assertThat(model.results().hasBaselineProperty().get()).isTrue();
        model.results().filterProperty().set(ResultFilter.CHANGED);
        assertThat(shown(model)).containsExactly("Italy");
        assertThat(model.results().changedText(row(model, "Italy"))).isEqualTo("now passes");
        assertThat(model.history().trend()).hasSize(2);
        assertThat(model.history().trend().get(0).passRate()).isCloseTo(4 / 6.0, within(1e-9));
        assertThat(model.history().trend().get(1).passRate()).isCloseTo(5 / 6.0, within(1e-9));
        assertThat(model.history().baselines()).hasSize(3);

        // Opened again, the screen reads the newest run as stored, paired with the run before it.
        EvalsViewModel again = model();
        open(again, suite);
        ReportState stored = again.reportProperty().get();
        assertThat(stored.live()).isFalse();
        assertThat(stored.report()).get().satisfies(r -> {
            assertThat(r.run().id()).isEqualTo(second);
            assertThat(r.baseline().orElseThrow().baseline().id()).isEqualTo(first);
        });
        assertThat(shown(again)).hasSize(6);
        assertThat(again.history().trend()).hasSize(2);
        assertThat(again.run().progressTextProperty().get()).isEmpty();

        Path json = data.resolve("out.json");
        again.export(EvalsViewModel.ExportFormat.JSON, json);
        assertThat(Files.readString(json)).contains(second);
        assertThat(again.statusProperty().get()).isEqualTo("Wrote the JSON report of " + second + " to " + json + ".");
    }

    @Test
    void a_run_finished_elsewhere_joins_the_trend_when_others_wrote_and_the_shown_report_stays() throws Exception {
        EvalsViewModel model = model();
        Path suite = writeSuite("capitals", SUITE);
        open(model, suite);
        model.run().start();
        String shownRun = model.shownReport().orElseThrow().run().id();
        answers.put("Italy", "Rome");

        // as `workbench eval run` in CI would: the runner, not this screen
        EvalsViewModel elsewhere = model();
        open(elsewhere, suite);
        elsewhere.run().start();
        assertThat(model.history().trend()).as("not read yet").hasSize(1);
        model.history().othersWrote();

        assertThat(model.history().trend()).hasSize(2);
        assertThat(model.history().trend().get(1).passRate()).isCloseTo(5 / 6.0, within(1e-9));
        assertThat(model.history().baselines()).hasSize(3);
        assertThat(model.shownReport().orElseThrow().run().id()).isEqualTo(shownRun);
    }

    @Test
    void a_cancelled_run_is_resumed_without_repeating_its_kept_cases() throws Exception {
        fake.firstTokenDelay(Duration.ofMillis(100));
        EvalsViewModel model = model();
        Path suite = writeSuite("capitals", SUITE);
        open(model, suite);
        model.concurrencyProperty().set(1);
        // Cancelled from the runner's side once two cases are in, as a learner's click would land mid-run.
        model.run().progressTextProperty().addListener((obs, was, now) -> {
            if (now.startsWith("2 of 6")) {
                model.run().cancel();
            }
        });

        model.run().start();

        EvalRun cancelled = storedRuns().get(0);
        assertThat(cancelled.state()).isEqualTo(RunState.CANCELLED);
        int kept = workbench.evalHistory().caseCount(cancelled.id());
        assertThat(kept).isBetween(2, 5);
        assertThat(model.statusProperty().get()).isEqualTo("Cancelled " + cancelled.id() + ": " + kept + " of 6 cases "
                + "are kept. Resume finishes the run without repeating them.");
        assertThat(model.run().progressTextProperty().get()).isEqualTo(kept + " of 6 cases · cancelled");
        assertThat(model.reportProperty().get().message()).startsWith("The run was cancelled");
        assertThat(model.results().rows()).hasSize(kept);
        assertThat(model.history().resumableProperty().get().id()).isEqualTo(cancelled.id());
        assertThat(model.history().resumeTextProperty().get()).isEqualTo("Resume " + cancelled.id());
        assertThat(model.canResumeProperty().get()).isTrue();
        assertThat(model.run().busyProperty().get()).isFalse();

        // Opened again (as after a restart), the interrupted run is offered, and Resume runs only the rest.
        EvalsViewModel again = model();
        open(again, suite);
        assertThat(again.statusProperty().get()).endsWith("Run " + cancelled.id() + " was interrupted after " + kept
                + " of 6 cases: Resume finishes it.");
        fake.clearFaults();
        int requestsBefore = fake.requests("/api/chat").size();

        again.run().resume();

        EvalRun resumed = storedRuns().get(0);
        assertThat(storedRuns()).hasSize(1);
        assertThat(resumed.id()).isEqualTo(cancelled.id());
        assertThat(resumed.state()).isEqualTo(RunState.FINISHED);
        assertThat(fake.requests("/api/chat").size() - requestsBefore).isEqualTo(6 - kept);
        assertThat(again.results().rows()).hasSize(6);
        assertThat(again.run().progressTextProperty().get()).startsWith("6 of 6 cases · 100%");
        assertThat(again.history().resumableProperty().get()).isNull();
        assertThat(again.canResumeProperty().get()).isFalse();
        assertThat(again.statusProperty().get()).startsWith("Finished " + cancelled.id() + ": 4 passed, 2 failed");
    }

    @Test
    void progress_reaches_the_state_only_when_the_pacing_says_so_and_no_case_is_lost() throws Exception {
        fake.firstTokenDelay(Duration.ofMillis(50));
        AtomicInteger requests = new AtomicInteger();
        List<Runnable> takeIns = new CopyOnWriteArrayList<>();
        EvalsViewModel model = model(work -> {
            takeIns.add(work);
            return requests::incrementAndGet;
        });
        open(model, writeSuite("capitals", SUITE));
        List<String> lines = new CopyOnWriteArrayList<>();
        model.run().progressTextProperty().addListener((obs, was, now) -> lines.add(now));

        model.run().start();

        assertThat(takeIns).hasSize(1);
        assertThat(requests.get()).isEqualTo(6);
        // Never paced, the run's cases were taken in at its start (none yet) and at its end (all six at once).
        assertThat(lines).noneMatch(line -> line.matches("[1-5] of 6 cases.*"));
        assertThat(model.results().rows()).hasSize(6);
        assertThat(model.run().progressTextProperty().get()).startsWith("6 of 6 cases · 100%");
    }

    @Test
    void a_model_that_is_not_pulled_is_named_with_the_fix_and_nothing_runs() throws Exception {
        fake.removeModel(MODEL);
        EvalsViewModel model = model();
        open(model, writeSuite("capitals", SUITE));

        model.run().start();

        assertThat(model.statusProperty().get()).contains("is not on the Ollama server").contains(MODEL)
                .contains("Models screen");
        assertThat(model.statusProblemProperty().get()).isTrue();
        assertThat(model.reportProperty().get().message()).isEqualTo("Nothing was run.");
        assertThat(model.run().progressProperty().get()).isZero();
        assertThat(model.canRunProperty().get()).isTrue();
        assertThat(model.run().canCancelProperty().get()).isFalse();
        assertThat(fake.requests("/api/chat")).isEmpty();
        assertThat(storedRuns()).isEmpty();
    }

    @Test
    void a_broken_suite_lists_its_problems_and_cannot_run() throws Exception {
        Path suite = writeSuite("broken", SUITE.replace("type: icontains\n        value: Rome",
                "type: icontians\n        value: Rome"));
        EvalsViewModel model = model();

        open(model, suite);

        assertThat(model.problems()).isNotEmpty()
                .anySatisfy(p -> assertThat(p.toString()).startsWith(suite.toString()).contains("icontians"));
        assertThat(model.problemsHeadingProperty().get()).endsWith("(nothing was run)");
        assertThat(model.problemsBlockProperty().get()).isTrue();
        assertThat(model.suiteProperty().get()).isNull();
        assertThat(model.canRunProperty().get()).isFalse();
        assertThat(model.statusProperty().get()).startsWith(suite + " has ").contains("Nothing was run.");
        assertThat(model.statusProblemProperty().get()).isTrue();

        Files.writeString(suite, SUITE);
        model.reload();
        assertThat(model.problems()).isEmpty();
        assertThat(model.problemsHeadingProperty().get()).isEmpty();
        assertThat(model.canRunProperty().get()).isTrue();
    }

    @Test
    void a_load_that_fails_is_reported_as_a_sentence_with_the_next_step() throws Exception {
        EvalsViewModel model = model();
        Path missing = data.resolve("nowhere").resolve("promptfooconfig.yaml");
        open(model, missing);
        assertThat(model.statusProperty().get()).isEqualTo(missing + " does not exist or is not a file; give the path "
                + "of a promptfooconfig.yaml.");
        assertThat(model.statusProblemProperty().get()).isTrue();
        assertThat(model.suiteProperty().get()).isNull();

        model.typedPathProperty().set("  ");
        int started = tasks.started();
        model.openTyped();
        assertThat(model.statusProperty().get()).startsWith("Type the path of a suite file");
        assertThat(tasks.started()).isEqualTo(started);

        // The evals folder is a file, so the bundled suite cannot be copied into it.
        Files.writeString(data.resolve("evals"), "not a folder");
        model.refreshChoices(null);
        SuiteShelf.Choice bundled = model.choices().stream().filter(c -> c.name().equals("runbook-qa")).findFirst()
                .orElseThrow();
        model.choose(bundled);
        assertThat(model.statusProperty().get()).startsWith("Could not copy the suite runbook-qa into "
                + data.resolve("evals") + ": ").endsWith(".");
        assertThat(model.statusProblemProperty().get()).isTrue();
        assertThat(model.suiteProperty().get()).isNull();
    }
}
