package dev.aiworkbench.ui.evals;

import dev.aiworkbench.diagnostics.Problem;
import dev.aiworkbench.eval.report.EvalReport;
import dev.aiworkbench.eval.report.ItemResult;
import dev.aiworkbench.eval.report.JsonReportWriter;
import dev.aiworkbench.eval.report.JunitReportWriter;
import dev.aiworkbench.eval.report.MarkdownReportWriter;
import dev.aiworkbench.eval.run.Variant;
import dev.aiworkbench.eval.stats.GateSpec;
import dev.aiworkbench.eval.suite.EvalSuite;
import dev.aiworkbench.eval.suite.SuiteLoadResult;
import dev.aiworkbench.ui.common.Sentences;
import dev.aiworkbench.ui.tasks.TaskExecutor;
import javafx.beans.binding.Bindings;
import javafx.beans.binding.BooleanBinding;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.format.FormatStyle;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;

/**
 * The Evals screen's state and commands: the suites on offer and the one opened (with its problems), the
 * prompt-and-model combination and run settings, the stored runs (trend, baselines, a run to resume), the
 * report shown, and the status sentence. The run in flight is {@link #run()}'s, the results table's state is
 * {@link #results()}'s. Every read and write goes through the {@link TaskExecutor}; state changes on its UI
 * thread only.
 */
public final class EvalsViewModel {
    /** The report formats a shown report can be exported as. */
    enum ExportFormat {
        JSON("JSON report", JsonReportWriter::write),
        JUNIT("JUnit XML", JunitReportWriter::write),
        MARKDOWN("Markdown", MarkdownReportWriter::write);

        final String kind;
        private final Function<EvalReport, String> writer;

        ExportFormat(String kind, Function<EvalReport, String> writer) {
            this.kind = kind;
            this.writer = writer;
        }
    }

    private record Loaded(Path file, SuiteLoadResult result) {
    }

    private final EvalsServices services;
    private final SuiteShelf shelf;
    private final TaskExecutor tasks;
    private final DateTimeFormatter dates;
    private final ResultsModel results = new ResultsModel();
    private final EvalRunModel run;
    private final RunHistoryModel history;

    private final ReadOnlyStringWrapper status = new ReadOnlyStringWrapper("");
    private final ReadOnlyBooleanWrapper statusProblem = new ReadOnlyBooleanWrapper();
    private final ObservableList<SuiteShelf.Choice> choices = FXCollections.observableArrayList();
    private final ReadOnlyObjectWrapper<SuiteShelf.Choice> chosen = new ReadOnlyObjectWrapper<>();
    private final StringProperty typedPath = new SimpleStringProperty("");
    private final ReadOnlyObjectWrapper<Path> suiteFile = new ReadOnlyObjectWrapper<>();
    private final ReadOnlyObjectWrapper<EvalSuite> suite = new ReadOnlyObjectWrapper<>();
    private final ReadOnlyBooleanWrapper loading = new ReadOnlyBooleanWrapper();
    private final ObservableList<Problem> problems = FXCollections.observableArrayList();
    private final ReadOnlyStringWrapper problemsHeading = new ReadOnlyStringWrapper("");
    private final ReadOnlyBooleanWrapper problemsBlock = new ReadOnlyBooleanWrapper();
    private final ReadOnlyStringWrapper description = new ReadOnlyStringWrapper("");
    private final ReadOnlyStringWrapper facts = new ReadOnlyStringWrapper("");
    private final ReadOnlyStringWrapper gateText = new ReadOnlyStringWrapper("");
    private final ObservableList<Variant> variants = FXCollections.observableArrayList();
    private final ObjectProperty<Variant> variant = new SimpleObjectProperty<>();
    private final ObjectProperty<Integer> concurrency = new SimpleObjectProperty<>(4);
    private final ObjectProperty<Integer> repeat = new SimpleObjectProperty<>(1);
    private final ReadOnlyObjectWrapper<ReportState> report = new ReadOnlyObjectWrapper<>(
            ReportState.none("No run yet: choose a suite and press Run."));
    private final BooleanBinding canRun;
    private final BooleanBinding canResume;
    private final BooleanBinding canExport;
    private final BooleanBinding canReload;

    private boolean quiet;
    private int loadRequest;

    /**
     * @param zone  the zone run times are written in
     * @param paced turns the work of taking in a run's progress (UI-thread work) into a request any thread may
     *              make: the view paces it to at most once a frame; a test may take it in at once
     */
    public EvalsViewModel(EvalsServices services, ZoneId zone, TaskExecutor tasks, Function<Runnable, Runnable> paced) {
        this.services = services;
        this.shelf = new SuiteShelf(services.evalsFolder());
        this.tasks = tasks;
        this.dates = DateTimeFormatter.ofLocalizedDateTime(FormatStyle.MEDIUM, FormatStyle.SHORT)
                .withLocale(Locale.getDefault()).withZone(zone);
        this.run = new EvalRunModel(this, services, tasks, paced);
        this.history = new RunHistoryModel(this, services, tasks, dates);
        canRun = Bindings.createBooleanBinding(() -> !run.busy() && !loading.get() && suite.get() != null
                && variant.get() != null, run.busyProperty(), loading, suite, variant);
        canResume = Bindings.createBooleanBinding(() -> !run.busy() && suite.get() != null && variant.get() != null
                && history.resumableProperty().get() != null, run.busyProperty(), suite, variant,
                history.resumableProperty());
        canExport = Bindings.createBooleanBinding(() -> !run.busy() && shownReport().isPresent(),
                run.busyProperty(), report);
        canReload = Bindings.createBooleanBinding(() -> !run.busy() && suiteFile.get() != null,
                run.busyProperty(), suiteFile);
        variant.addListener((obs, was, now) -> {
            if (!quiet && now != null && suite.get() != null) {
                history.refresh(true);
            }
        });
        setStatus("Choose a suite: a bundled one is copied into " + shelf.evalsFolder()
                + " so you can edit its prompt and dataset. Or open any promptfooconfig.yaml.", false);
    }

    // ---------------------------------------------------------------------------------------------
    // state

    public EvalRunModel run() {
        return run;
    }

    /** The suite's stored runs: trend, baselines, a run to resume. */
    public RunHistoryModel history() {
        return history;
    }

    ResultsModel results() {
        return results;
    }

    DateTimeFormatter dates() {
        return dates;
    }

    public ReadOnlyStringProperty statusProperty() {
        return status.getReadOnlyProperty();
    }

    /** Whether the status sentence reports a problem. */
    public ReadOnlyBooleanProperty statusProblemProperty() {
        return statusProblem.getReadOnlyProperty();
    }

    ObservableList<SuiteShelf.Choice> choices() {
        return choices;
    }

    /** The choice of the list that is the open suite's, if any. */
    ReadOnlyObjectProperty<SuiteShelf.Choice> chosenProperty() {
        return chosen.getReadOnlyProperty();
    }

    /** The path typed in the suite field. */
    public StringProperty typedPathProperty() {
        return typedPath;
    }

    public ReadOnlyObjectProperty<Path> suiteFileProperty() {
        return suiteFile.getReadOnlyProperty();
    }

    /** The open suite; null when none is, or the last one read did not load. */
    public ReadOnlyObjectProperty<EvalSuite> suiteProperty() {
        return suite.getReadOnlyProperty();
    }

    public ObservableList<Problem> problems() {
        return problems;
    }

    public ReadOnlyStringProperty problemsHeadingProperty() {
        return problemsHeading.getReadOnlyProperty();
    }

    /** Whether the problems include errors (the suite did not load), not only warnings. */
    public ReadOnlyBooleanProperty problemsBlockProperty() {
        return problemsBlock.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty descriptionProperty() {
        return description.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty factsProperty() {
        return facts.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty gateTextProperty() {
        return gateText.getReadOnlyProperty();
    }

    public ObservableList<Variant> variants() {
        return variants;
    }

    /** The prompt and model to run. */
    public ObjectProperty<Variant> variantProperty() {
        return variant;
    }

    /** How the variant list names a combination. */
    String variantLabel(Variant v) {
        EvalSuite current = suite.get();
        return v == null || current == null ? "" : Items.shorten(v.prompt(current).label(), 60) + " on " // a label may be the whole prompt
                + v.provider(current).label();
    }

    public ObjectProperty<Integer> concurrencyProperty() {
        return concurrency;
    }

    public ObjectProperty<Integer> repeatProperty() {
        return repeat;
    }

    ReadOnlyObjectProperty<ReportState> reportProperty() {
        return report.getReadOnlyProperty();
    }

    /** The report on screen, if any: what Export writes. */
    public Optional<EvalReport> shownReport() {
        return report.get().report();
    }

    public BooleanBinding canRunProperty() {
        return canRun;
    }

    public BooleanBinding canResumeProperty() {
        return canResume;
    }

    public BooleanBinding canExportProperty() {
        return canExport;
    }

    public BooleanBinding canReloadProperty() {
        return canReload;
    }

    /** Where the file dialog for opening a suite starts. */
    Path browseFolder() {
        return suiteFile.get() != null ? suiteFile.get().getParent() : shelf.evalsFolder();
    }

    // ---------------------------------------------------------------------------------------------
    // choosing and opening a suite

    /** Lists the bundled suites and the learner's; {@code select} names the file to show as chosen. */
    public void refreshChoices(Path select) {
        tasks.run(shelf::choices, list -> {
            choices.setAll(list);
            Path wanted = select != null ? select : suiteFile.get();
            chosen.set(choiceOf(wanted));
        }, failure -> setStatus("Could not list the suites: " + sentence(failure), true));
    }

    private SuiteShelf.Choice choiceOf(Path file) {
        return file == null ? null : choices.stream()
                .filter(c -> c.file().toAbsolutePath().normalize().equals(file.toAbsolutePath().normalize()))
                .findFirst().orElse(null);
    }

    /** Opens a suite of the list, copying a bundled one into the evals folder first. */
    void choose(SuiteShelf.Choice choice) {
        if (refusedWhileBusy()) {
            return;
        }
        if (choice.kind() != SuiteShelf.Choice.Kind.BUNDLED) {
            open(choice.file(), null);
            return;
        }
        setStatus("Copying " + choice.name() + " into " + shelf.evalsFolder() + "…", false);
        tasks.run(() -> shelf.copy(choice.name()), c -> {
            refreshChoices(c.suiteFile());
            open(c.suiteFile(), "Copied " + choice.name() + " into " + c.suiteFile().getParent()
                    + " (" + c.copied() + " files" + (c.kept() > 0 ? ", " + c.kept() + " already there kept" : "")
                    + "); edit its prompt and dataset there and press Reload.");
        }, failure -> setStatus("Could not copy the suite " + choice.name() + " into " + shelf.evalsFolder() + ": "
                + sentence(failure), true));
    }

    /** Opens the suite whose path was typed. */
    public void openTyped() {
        String typed = typedPath.get() == null ? "" : typedPath.get().strip();
        if (typed.isEmpty()) {
            setStatus("Type the path of a suite file (a promptfooconfig.yaml), or choose one of the list.", true);
            return;
        }
        Path path;
        try {
            path = Path.of(typed.startsWith("~/") ? System.getProperty("user.home") + typed.substring(1) : typed);
        } catch (InvalidPathException e) {
            setStatus("That is not a path: " + e.getMessage(), true);
            return;
        }
        open(path, null);
    }

    /** Reads the open suite again (after the learner edited it). */
    public void reload() {
        if (suiteFile.get() != null) {
            open(suiteFile.get(), null);
        }
    }

    /** Reads the suite (a folder means its promptfooconfig.yaml) and every file it names. */
    private void open(Path given, String notice) {
        if (refusedWhileBusy()) {
            return;
        }
        int asked = ++loadRequest;
        setStatus((notice == null ? "" : notice + " ") + "Reading " + given + "…", false);
        loading.set(true);
        tasks.run(() -> {
            Path file = Files.isDirectory(given) ? given.resolve(SuiteShelf.SUITE_FILE) : given;
            return new Loaded(file, Files.isRegularFile(file) ? services.suites().load(file) : null);
        }, loaded -> {
            if (asked != loadRequest) {
                return;
            }
            loading.set(false);
            if (loaded.result() == null) {
                setStatus(loaded.file() + " does not exist or is not a file; give the path of a promptfooconfig.yaml.",
                        true);
                return;
            }
            showLoaded(loaded.file(), loaded.result(), notice);
        }, failure -> {
            if (asked == loadRequest) {
                loading.set(false);
                setStatus("Could not read " + given + ": " + sentence(failure), true);
            }
        });
    }

    private boolean refusedWhileBusy() {
        if (run.busy()) {
            setStatus("A run is in progress: cancel it before opening another suite.", true);
        }
        return run.busy();
    }

    private void showLoaded(Path file, SuiteLoadResult loaded, String notice) {
        suiteFile.set(file.toAbsolutePath().normalize());
        if (!file.toString().equals(typedPath.get())) {
            typedPath.set(suiteFile.get().toString());
        }
        chosen.set(choiceOf(suiteFile.get()));
        problems.setAll(loaded.problems());
        problemsHeading.set(SuiteTexts.problemsHeading(loaded));
        problemsBlock.set(!loaded.valid());
        if (!loaded.valid()) {
            suite.set(null);
            history.clear();
            results.clear();
            report.set(ReportState.none("The suite did not load, so nothing was run."));
            setStatus(suiteFile.get() + " has " + SuiteTexts.count(loaded.errorCount(), "error") + ": fix "
                    + (loaded.errorCount() == 1 ? "it" : "them") + " (each line below says where) and press "
                    + "Reload. Nothing was run.", true);
            return;
        }
        EvalSuite opened = loaded.suite().orElseThrow();
        showSuite(opened);
        setStatus((notice == null ? "" : notice + " ") + "Loaded " + suiteFile.get()
                + (loaded.warningCount() > 0 ? " with " + SuiteTexts.count(loaded.warningCount(), "warning")
                + " (listed above)" : "") + ".", false);
        history.refresh(true);
    }

    private void showSuite(EvalSuite loaded) {
        description.set(loaded.description().isBlank() ? "(The suite has no description.)" : loaded.description());
        facts.set(SuiteTexts.facts(loaded));
        gateText.set(SuiteTexts.gate(loaded));
        List<Variant> all = Variant.all(loaded);
        quiet = true;
        try {
            suite.set(loaded);
            variants.setAll(all);
            variant.set(all.isEmpty() ? null : all.get(0));
        } finally {
            quiet = false;
        }
        concurrency.set(Math.max(1, Math.min(64, loaded.maxConcurrency())));
        repeat.set(Math.max(1, Math.min(100, loaded.repeat())));
    }

    /** The gate a run of the open suite is judged by. */
    GateSpec gate() {
        return suite.get() == null ? GateSpec.defaults() : suite.get().gate().orElse(GateSpec.defaults());
    }


    void showReport(EvalReport shown, boolean live) {
        results.setItems(inSuiteOrder(shown.items()), shown.baseline().isPresent());
        ReportState state = ReportState.of(shown, live);
        report.set(state);
        history.readMatrix(shown.run(), matrix -> {
            if (report.get() == state) {
                report.set(state.withMatrix(matrix));
            }
        });
    }

    /**
     * Shows a cell of the matrix: its prompt and provider become the chosen combination, whose newest run's items the
     * results table then lists.
     */
    void selectCell(String promptLabel, String providerId) {
        EvalSuite open = suite.get();
        if (open == null) {
            return;
        }
        variants.stream().filter(v -> v.prompt(open).label().equals(promptLabel)
                && v.provider(open).id().equals(providerId)).findFirst().ifPresent(variant::set);
    }

    /** Selects the row of the item with that key, showing every row first if the filter hides it. */
    void selectItem(String key) {
        Optional<ItemResult> item = shownReport().flatMap(r -> r.items().stream().filter(i -> i.key().equals(key))
                .findFirst());
        if (item.isEmpty()) {
            return;
        }
        if (!results.shown().contains(item.get())) {
            results.filterProperty().set(ResultFilter.ALL);
        }
        results.select(item.get());
    }

    void clearReport(String why) {
        report.set(ReportState.none(why));
    }

    /** The items in the order the suite lists them (cases land in any order); items it no longer has go last. */
    private List<ItemResult> inSuiteOrder(List<ItemResult> items) {
        EvalSuite current = suite.get();
        if (current == null) {
            return items;
        }
        Map<String, Integer> order = new HashMap<>();
        for (int i = 0; i < current.tests().size(); i++) {
            order.putIfAbsent(current.tests().get(i).key(), i);
        }
        List<ItemResult> sorted = new ArrayList<>(items);
        sorted.sort(Comparator.comparingInt(item -> order.getOrDefault(item.key(), Integer.MAX_VALUE)));
        return sorted;
    }

    // ---------------------------------------------------------------------------------------------
    // export

    /** Writes the shown report to {@code file} in {@code format}. */
    public void export(ExportFormat format, Path file) {
        Optional<EvalReport> current = shownReport();
        if (current.isEmpty()) {
            return;
        }
        tasks.run(() -> {
            Files.writeString(file, format.writer.apply(current.get()), StandardCharsets.UTF_8);
            return file;
        }, written -> setStatus("Wrote the " + format.kind + " of " + current.get().run().id() + " to " + written
                + ".", false), failure -> setStatus("Could not write " + file + ": " + sentence(failure), true));
    }

    // ---------------------------------------------------------------------------------------------

    void setStatus(String text, boolean problem) {
        status.set(text);
        statusProblem.set(problem);
    }

    static String sentence(Throwable failure) {
        return Sentences.of(failure.getMessage());
    }
}
