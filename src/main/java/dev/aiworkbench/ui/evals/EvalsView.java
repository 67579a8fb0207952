package dev.aiworkbench.ui.evals;

import atlantafx.base.theme.Styles;
import dev.aiworkbench.diagnostics.Problem;
import dev.aiworkbench.eval.report.EvalReport;
import dev.aiworkbench.eval.report.ItemResult;
import dev.aiworkbench.eval.report.JsonReportWriter;
import dev.aiworkbench.eval.report.JunitReportWriter;
import dev.aiworkbench.eval.report.MarkdownReportWriter;
import dev.aiworkbench.eval.run.CaseResult;
import dev.aiworkbench.eval.run.EvalExecution;
import dev.aiworkbench.eval.run.EvalOptions;
import dev.aiworkbench.eval.run.EvalRun;
import dev.aiworkbench.eval.run.RunState;
import dev.aiworkbench.eval.run.Variant;
import dev.aiworkbench.eval.stats.GateSpec;
import dev.aiworkbench.eval.suite.EvalSuite;
import dev.aiworkbench.eval.suite.SuiteLoadResult;
import dev.aiworkbench.llm.ModelServerException;
import dev.aiworkbench.ui.Session;
import dev.aiworkbench.ui.common.Labels;
import dev.aiworkbench.ui.common.Sentences;
import dev.aiworkbench.ui.shell.FocusableScreen;
import javafx.application.Platform;
import javafx.geometry.Insets;
import javafx.geometry.Orientation;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.ChoiceBox;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.MenuButton;
import javafx.scene.control.MenuItem;
import javafx.scene.control.ProgressBar;
import javafx.scene.control.ScrollPane;
import javafx.scene.control.Spinner;
import javafx.scene.control.SpinnerValueFactory;
import javafx.scene.control.SplitPane;
import javafx.scene.control.TextField;
import javafx.scene.control.Tooltip;
import javafx.scene.input.KeyCode;
import javafx.scene.input.KeyCodeCombination;
import javafx.scene.input.KeyCombination;
import javafx.scene.input.KeyEvent;
import javafx.scene.layout.FlowPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;
import javafx.stage.FileChooser;
import javafx.util.StringConverter;
import org.kordamp.ikonli.feather.Feather;
import org.kordamp.ikonli.javafx.FontIcon;
import org.slf4j.LoggerFactory;

import java.io.File;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.time.Duration;
import java.time.format.DateTimeFormatter;
import java.time.format.FormatStyle;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CancellationException;
import java.util.concurrent.Callable;
import java.util.function.Consumer;
import java.util.function.Function;

/**
 * The Evals screen: pick a bundled suite (copied into the data folder's {@code evals/} folder so the
 * learner can edit it) or open a suite file; see what it holds and its problems; run it with
 * progress, cancel and resume; read each item's verdict and assertions, the summary, the paired
 * comparison with the baseline, the gate's decision, and the pass-rate trend across runs.
 *
 * <p>Suites, runs and reports are read and written on the session's background worker; starting a
 * run (which asks the model server for its models) on the model worker; the run itself on the
 * runner's threads, whose progress reaches the screen at most once per frame.
 */
public final class EvalsView extends VBox implements FocusableScreen {
    private static final KeyCombination RUN = new KeyCodeCombination(KeyCode.ENTER, KeyCombination.SHORTCUT_DOWN);
    private static final int TREND_RUNS = 200;

    private final Session session;
    private final SuiteShelf shelf;
    private final DateTimeFormatter dates;

    private final Label status = Labels.wrapped("");
    private final ComboBox<SuiteShelf.Choice> suiteChoice = new ComboBox<>();
    private final TextField suitePath = new TextField();
    private final Button open = new Button("Open");
    private final Button browse = new Button("Open suite file…", new FontIcon(Feather.FOLDER));
    private final Button reload = new Button("Reload", new FontIcon(Feather.REFRESH_CW));
    private final VBox problems = new VBox(4);
    private final VBox info = new VBox(8);
    private final Label description = Labels.wrapped("", Styles.TEXT_BOLD);
    private final Label facts = Labels.wrapped("");
    private final ChoiceBox<Variant> variantChoice = new ChoiceBox<>();
    private final HBox variantRow;
    private final Label gateText = Labels.wrapped("", Styles.TEXT_MUTED);
    private final Spinner<Integer> concurrency = new Spinner<>();
    private final Spinner<Integer> repeat = new Spinner<>();
    private final ComboBox<BaselineOption> baselineChoice = new ComboBox<>();

    private final Button run = new Button("Run", new FontIcon(Feather.PLAY));
    private final Button cancel = new Button("Cancel", new FontIcon(Feather.X_CIRCLE));
    private final Button resume = new Button("Resume", new FontIcon(Feather.SKIP_FORWARD));
    private final ProgressBar progress = new ProgressBar(0);
    private final Label progressText = new Label();
    private final MenuButton export = new MenuButton("Export", new FontIcon(Feather.SHARE));

    private final ResultsTable results = new ResultsTable();
    private final CaseDetail detail = new CaseDetail();
    private final ReportPane report;
    private final TrendChart trend;
    private final Label trendCaption = Labels.wrapped("", Styles.TEXT_MUTED, Styles.TEXT_SMALL);

    private EvalSuite suite;
    private Path suiteFile;
    private EvalRun resumable;
    private EvalReport shown;
    private Active active;
    private boolean starting;
    private boolean scoring;
    private boolean closing;
    private boolean choicesLoaded;
    private boolean quiet;
    private int loadRequest;
    private int runsRequest;

    /** A run in flight on this screen. */
    private static final class Active {
        final RunProgress progress;
        final Map<String, List<CaseResult>> byItem = new LinkedHashMap<>();
        final long startedNanos = System.nanoTime();
        EvalExecution execution;
        boolean cancelRequested;

        Active(RunProgress progress) {
            this.progress = progress;
        }
    }

    /** A baseline the learner can pick; a null run id means the gate's own (the last run that passed). */
    record BaselineOption(String label, String runId) {
        @Override
        public String toString() {
            return label;
        }
    }

    public EvalsView(Session session) {
        this.session = session;
        this.shelf = new SuiteShelf(session.workbench().dataFolder().path().resolve("evals"));
        this.dates = DateTimeFormatter.ofLocalizedDateTime(FormatStyle.MEDIUM, FormatStyle.SHORT)
                .withLocale(Locale.getDefault()).withZone(session.clock().getZone());
        this.report = new ReportPane(dates);
        this.trend = new TrendChart(dates);
        setId("evals");
        getStyleClass().add("evals-screen");
        VBox page = new VBox(12);
        page.setPadding(new Insets(20, 28, 20, 28));

        Label title = new Label("Evals");
        title.getStyleClass().add(Styles.TITLE_2);
        status.setId("evals-status");
        status.getStyleClass().add(Styles.TEXT_MUTED);
        page.getChildren().add(new VBox(4, title, status));

        page.getChildren().add(suiteBar());
        problems.setId("suite-problems");
        problems.getStyleClass().add("suite-problems");
        hide(problems);
        page.getChildren().add(problems);

        variantRow = new HBox(8);
        page.getChildren().add(infoBox());
        page.getChildren().add(runBar());

        SplitPane center = center();
        // On a short window the page scrolls rather than squeezing the table to a few rows.
        center.setMinHeight(480);
        VBox.setVgrow(center, Priority.ALWAYS);
        page.getChildren().add(center);

        ScrollPane scroll = new ScrollPane(page);
        scroll.setId("evals-page");
        scroll.setFitToWidth(true);
        scroll.setFitToHeight(true);
        scroll.getStyleClass().add(atlantafx.base.theme.Tweaks.EDGE_TO_EDGE);
        VBox.setVgrow(scroll, Priority.ALWAYS);
        getChildren().add(scroll);

        results.selectedItemProperty().addListener((obs, was, now) -> {
            if (now == null) {
                detail.clear();
            } else {
                detail.show(now);
            }
        });
        addEventHandler(KeyEvent.KEY_PRESSED, e -> {
            if (RUN.match(e) && !run.isDisabled()) {
                startRun(Optional.empty());
                e.consume();
            } else if (e.getCode() == KeyCode.ESCAPE && active != null) {
                cancelRun();
                e.consume();
            } else if (e.getCode() == KeyCode.F5 && suiteFile != null && active == null) {
                open(suiteFile);
                e.consume();
            }
        });
        sceneProperty().addListener((obs, was, now) -> {
            if (now != null && !choicesLoaded) {
                choicesLoaded = true;
                refreshChoices(null);
            }
        });
        showNoSuite();
        updateButtons();
    }

    // ---------------------------------------------------------------------------------------------
    // layout

    private Node suiteBar() {
        Label label = new Label("Suite");
        label.getStyleClass().add(Styles.TEXT_BOLD);
        label.setLabelFor(suiteChoice);
        label.setMinWidth(Region.USE_PREF_SIZE);
        suiteChoice.setId("suite-choice");
        suiteChoice.setPromptText("Bundled suites and yours…");
        suiteChoice.setPrefWidth(360);
        suiteChoice.setOnAction(e -> {
            SuiteShelf.Choice chosen = suiteChoice.getValue();
            if (!quiet && chosen != null) {
                choose(chosen);
            }
        });
        Label or = new Label("or");
        or.getStyleClass().add(Styles.TEXT_MUTED);
        or.setMinWidth(Region.USE_PREF_SIZE);
        suitePath.setId("suite-path");
        suitePath.setPromptText("Path to a promptfooconfig.yaml (or its folder)");
        suitePath.setOnAction(e -> openTyped());
        HBox.setHgrow(suitePath, Priority.ALWAYS);
        open.setId("open-suite");
        open.setOnAction(e -> openTyped());
        browse.setId("browse-suite");
        browse.setOnAction(e -> browse());
        reload.setId("reload-suite");
        reload.setTooltip(new Tooltip("Read the suite again after editing its prompt or dataset (F5)"));
        reload.setOnAction(e -> {
            if (suiteFile != null) {
                open(suiteFile);
            }
        });
        for (Region r : List.of(open, browse, reload)) {
            r.setMinWidth(Region.USE_PREF_SIZE);
        }
        HBox bar = new HBox(8, label, suiteChoice, or, suitePath, open, browse, reload);
        bar.setAlignment(Pos.CENTER_LEFT);
        return bar;
    }

    private Node infoBox() {
        info.setId("suite-info");
        info.getStyleClass().add("suite-info");
        description.setId("suite-description");
        facts.setId("suite-facts");
        gateText.setId("suite-gate");

        variantChoice.setId("variant-choice");
        variantChoice.valueProperty().addListener((obs, was, now) -> {
            if (!quiet && now != null && suite != null) {
                refreshRuns(true);
            }
        });
        Label variantLabel = new Label("Prompt and model");
        variantLabel.setLabelFor(variantChoice);
        variantLabel.setMinWidth(Region.USE_PREF_SIZE);
        variantRow.getChildren().addAll(variantLabel, variantChoice);
        variantRow.setAlignment(Pos.CENTER_LEFT);
        variantRow.setId("variant-row");

        concurrency.setId("concurrency");
        concurrency.setValueFactory(new SpinnerValueFactory.IntegerSpinnerValueFactory(1, 64, 4));
        setUpSpinner(concurrency, "Requests sent to the model at once");
        repeat.setId("repeat");
        repeat.setValueFactory(new SpinnerValueFactory.IntegerSpinnerValueFactory(1, 100, 1));
        setUpSpinner(repeat, "Runs per item; results are folded per item, and items whose runs disagree are flaky");
        baselineChoice.setId("baseline-choice");
        baselineChoice.setPrefWidth(300);
        baselineChoice.setTooltip(new Tooltip("The run a new run is paired with, item by item"));

        FlowPane settings = new FlowPane(16, 8,
                labelled("Concurrency", concurrency), labelled("Repeat", repeat),
                labelled("Compare with", baselineChoice));
        settings.setAlignment(Pos.CENTER_LEFT);
        facts.getStyleClass().add(Styles.TEXT_MUTED);
        HBox about = new HBox(12, description, facts);
        about.setAlignment(Pos.BASELINE_LEFT);
        description.setMinWidth(Region.USE_PREF_SIZE);
        HBox.setHgrow(facts, Priority.ALWAYS);
        info.getChildren().addAll(about, variantRow, gateText, settings);
        return info;
    }

    private static void setUpSpinner(Spinner<Integer> spinner, String tip) {
        spinner.setEditable(true);
        spinner.setPrefWidth(96);
        spinner.setTooltip(new Tooltip(tip));
        spinner.focusedProperty().addListener((obs, was, now) -> {
            if (!now) {
                commit(spinner);
            }
        });
    }

    private static HBox labelled(String text, javafx.scene.control.Control control) {
        Label label = new Label(text);
        label.setLabelFor(control);
        label.setMinWidth(Region.USE_PREF_SIZE);
        HBox box = new HBox(8, label, control);
        box.setAlignment(Pos.CENTER_LEFT);
        return box;
    }

    private Node runBar() {
        run.setId("run-eval");
        run.getStyleClass().add(Styles.ACCENT);
        run.setOnAction(e -> startRun(Optional.empty()));
        run.setTooltip(new Tooltip("Run the suite (Ctrl+Enter)"));
        cancel.setId("cancel-eval");
        cancel.setOnAction(e -> cancelRun());
        resume.setId("resume-eval");
        resume.setOnAction(e -> {
            if (resumable != null) {
                startRun(Optional.of(resumable));
            }
        });
        progress.setId("eval-progress");
        progress.setMaxWidth(Double.MAX_VALUE);
        progress.setMinWidth(120);
        HBox.setHgrow(progress, Priority.ALWAYS);
        progressText.setId("eval-progress-text");
        progressText.getStyleClass().add(Styles.TEXT_MUTED);
        progressText.setMinWidth(Region.USE_PREF_SIZE);
        export.setId("export-report");
        MenuItem json = new MenuItem("Report as JSON…");
        json.setOnAction(e -> exportAs("JSON report", "*.json", "results.json", JsonReportWriter::write));
        MenuItem junit = new MenuItem("JUnit XML…");
        junit.setOnAction(e -> exportAs("JUnit XML", "*.xml", "results.xml", JunitReportWriter::write));
        MenuItem markdown = new MenuItem("Markdown summary…");
        markdown.setOnAction(e -> exportAs("Markdown", "*.md", "summary.md", MarkdownReportWriter::write));
        export.getItems().addAll(json, junit, markdown);
        for (Region r : List.of(run, cancel, resume, export)) {
            r.setMinWidth(Region.USE_PREF_SIZE);
        }
        HBox bar = new HBox(8, run, cancel, resume, progress, progressText, export);
        bar.setAlignment(Pos.CENTER_LEFT);
        return bar;
    }

    private SplitPane center() {
        SplitPane top = new SplitPane(results, detail);
        top.setOrientation(Orientation.HORIZONTAL);
        top.setDividerPositions(0.6);

        ScrollPane reportScroll = new ScrollPane(report);
        reportScroll.setId("eval-report");
        reportScroll.setFitToWidth(true);
        trendCaption.setId("trend-caption");
        VBox trendBox = new VBox(4, trend, trendCaption);
        trendBox.setPadding(new Insets(0, 0, 4, 8));
        VBox.setVgrow(trend, Priority.ALWAYS);
        SplitPane bottom = new SplitPane(reportScroll, trendBox);
        bottom.setOrientation(Orientation.HORIZONTAL);
        bottom.setDividerPositions(0.55);

        SplitPane center = new SplitPane(top, bottom);
        center.setOrientation(Orientation.VERTICAL);
        center.setDividerPositions(0.6);
        return center;
    }

    private static void hide(Node node) {
        node.setVisible(false);
        node.setManaged(false);
    }

    private static void show(Node node, boolean visible) {
        node.setVisible(visible);
        node.setManaged(visible);
    }

    // ---------------------------------------------------------------------------------------------
    // choosing and opening a suite

    /** Lists the bundled suites and the learner's; {@code select} names the file to show as chosen. */
    private void refreshChoices(Path select) {
        io(shelf::choices, choices -> {
            quiet = true;
            try {
                suiteChoice.getItems().setAll(choices);
                Path wanted = select != null ? select : suiteFile;
                suiteChoice.setValue(wanted == null ? null : choices.stream()
                        .filter(c -> c.file().toAbsolutePath().normalize().equals(wanted.toAbsolutePath().normalize()))
                        .findFirst().orElse(null));
            } finally {
                quiet = false;
            }
        }, problem -> setStatus("Could not list the suites: " + problem, true));
    }

    private void choose(SuiteShelf.Choice chosen) {
        if (active != null || starting || scoring) {
            setStatus("A run is in progress: cancel it before opening another suite.", true);
            return;
        }
        if (chosen.kind() != SuiteShelf.Choice.Kind.BUNDLED) {
            open(chosen.file());
            return;
        }
        setStatus("Copying " + chosen.name() + " into " + shelf.evalsFolder() + "…", false);
        io(() -> shelf.copy(chosen.name()), c -> {
            refreshChoices(c.suiteFile());
            open(c.suiteFile(), "Copied " + chosen.name() + " into " + c.suiteFile().getParent()
                    + " (" + c.copied() + " files" + (c.kept() > 0 ? ", " + c.kept() + " already there kept" : "")
                    + "); edit its prompt and dataset there and press Reload.");
        }, problem -> setStatus("Could not copy the suite " + chosen.name() + " into " + shelf.evalsFolder() + ": "
                + problem, true));
    }

    private void openTyped() {
        String typed = suitePath.getText() == null ? "" : suitePath.getText().strip();
        if (typed.isEmpty()) {
            setStatus("Type the path of a suite file (a promptfooconfig.yaml), or choose one of the list.", true);
            suitePath.requestFocus();
            return;
        }
        Path path;
        try {
            path = Path.of(typed.startsWith("~/") ? System.getProperty("user.home") + typed.substring(1) : typed);
        } catch (InvalidPathException e) {
            setStatus("That is not a path: " + e.getMessage(), true);
            return;
        }
        if (active != null || starting || scoring) {
            setStatus("A run is in progress: cancel it before opening another suite.", true);
            return;
        }
        open(path);
    }

    private void browse() {
        FileChooser chooser = new FileChooser();
        chooser.setTitle("Open an eval suite");
        chooser.getExtensionFilters().addAll(new FileChooser.ExtensionFilter("Suite files (*.yaml, *.yml)",
                "*.yaml", "*.yml"), new FileChooser.ExtensionFilter("All files", "*.*"));
        Path start = suiteFile != null ? suiteFile.getParent() : shelf.evalsFolder();
        if (start != null && Files.isDirectory(start)) {
            chooser.setInitialDirectory(start.toFile());
        }
        File file = chooser.showOpenDialog(getScene() == null ? null : getScene().getWindow());
        if (file != null) {
            suitePath.setText(file.getPath());
            openTyped();
        }
    }

    private void open(Path file) {
        open(file, null);
    }

    /** Reads the suite (a folder means its promptfooconfig.yaml) and every file it names. */
    private void open(Path given, String notice) {
        if (active != null || starting || scoring) {
            setStatus("A run is in progress: cancel it before opening another suite.", true);
            return;
        }
        int asked = ++loadRequest;
        setStatus((notice == null ? "" : notice + " ") + "Reading " + given + "…", false);
        run.setDisable(true);
        io(() -> {
            Path file = Files.isDirectory(given) ? given.resolve(SuiteShelf.SUITE_FILE) : given;
            if (!Files.isRegularFile(file)) {
                return new Loaded(file, null);
            }
            return new Loaded(file, session.workbench().suiteLoader().load(file));
        }, loaded -> {
            if (asked != loadRequest) {
                return;
            }
            if (loaded.result() == null) {
                setStatus(loaded.file() + " does not exist or is not a file; give the path of a promptfooconfig.yaml.",
                        true);
                updateButtons();
                return;
            }
            showLoaded(loaded.file(), loaded.result(), notice);
        }, problem -> {
            if (asked == loadRequest) {
                setStatus("Could not read " + given + ": " + problem, true);
                updateButtons();
            }
        });
    }

    private record Loaded(Path file, SuiteLoadResult result) {
    }

    private void showLoaded(Path file, SuiteLoadResult loaded, String notice) {
        suiteFile = file.toAbsolutePath().normalize();
        if (!file.toString().equals(suitePath.getText())) {
            suitePath.setText(suiteFile.toString());
        }
        refreshChoicesSelection();
        showProblems(loaded);
        if (!loaded.valid()) {
            suite = null;
            resumable = null;
            shown = null;
            results.clear();
            detail.clear();
            report.clear("The suite did not load, so nothing was run.");
            trend.show(List.of());
            trendCaption.setText("");
            show(info, false);
            setStatus(suiteFile + " has " + loaded.errorCount() + " error" + (loaded.errorCount() == 1 ? "" : "s")
                    + ": fix " + (loaded.errorCount() == 1 ? "it" : "them") + " (each line below says where) and press "
                    + "Reload. Nothing was run.", true);
            updateButtons();
            return;
        }
        suite = loaded.suite().orElseThrow();
        show(info, true);
        showSuite(suite);
        setStatus((notice == null ? "" : notice + " ") + "Loaded " + suiteFile
                + (loaded.warningCount() > 0 ? " with " + loaded.warningCount() + " warning"
                + (loaded.warningCount() == 1 ? "" : "s") + " (listed above)" : "") + ".", false);
        updateButtons();
        refreshRuns(true);
    }

    private void refreshChoicesSelection() {
        quiet = true;
        try {
            suiteChoice.setValue(suiteChoice.getItems().stream()
                    .filter(c -> c.file().toAbsolutePath().normalize().equals(suiteFile)).findFirst().orElse(null));
        } finally {
            quiet = false;
        }
    }

    private void showProblems(SuiteLoadResult loaded) {
        problems.getChildren().clear();
        if (loaded.problems().isEmpty()) {
            hide(problems);
            return;
        }
        Label heading = new Label(loaded.valid()
                ? loaded.warningCount() + " warning" + (loaded.warningCount() == 1 ? "" : "s") + " (the suite still runs)"
                : loaded.errorCount() + " error" + (loaded.errorCount() == 1 ? "" : "s") + " (nothing was run)"
                + (loaded.warningCount() > 0 ? " and " + loaded.warningCount() + " warning"
                + (loaded.warningCount() == 1 ? "" : "s") : ""));
        heading.setId("suite-problems-heading");
        heading.getStyleClass().addAll(Styles.TEXT_BOLD, loaded.valid() ? Styles.WARNING : Styles.DANGER);
        heading.setGraphic(new FontIcon(loaded.valid() ? Feather.ALERT_TRIANGLE : Feather.ALERT_OCTAGON));
        problems.getChildren().add(heading);
        for (Problem problem : loaded.problems()) {
            Label line = Labels.wrapped(problem.toString(), "problem-line",
                    problem.isError() ? "problem-error" : "problem-warning");
            problems.getChildren().add(line);
        }
        show(problems, true);
    }

    private void showSuite(EvalSuite loaded) {
        description.setText(loaded.description().isBlank() ? "(The suite has no description.)" : loaded.description());
        List<Variant> variants = Variant.all(loaded);
        long models = loaded.providers().stream()
                .filter(p -> p.kind() != dev.aiworkbench.eval.suite.ProviderSpec.Kind.EMBEDDING).count();
        String modelNames = String.join(", ", loaded.providers().stream()
                .filter(p -> p.kind() != dev.aiworkbench.eval.suite.ProviderSpec.Kind.EMBEDDING)
                .map(p -> p.model()).distinct().toList());
        facts.setText(loaded.tests().size() + " item" + (loaded.tests().size() == 1 ? "" : "s") + " · "
                + loaded.prompts().size() + " prompt" + (loaded.prompts().size() == 1 ? "" : "s") + " × " + models
                + " model" + (models == 1 ? "" : "s") + (variants.size() > 1 ? " = " + variants.size()
                + " combinations, each its own run" : "") + " · " + modelNames);
        quiet = true;
        try {
            variantChoice.setConverter(new StringConverter<>() {
                @Override
                public String toString(Variant v) {
                    return v == null ? "" : v.prompt(loaded).label() + " on " + v.provider(loaded).label();
                }

                @Override
                public Variant fromString(String text) {
                    return null;
                }
            });
            variantChoice.getItems().setAll(variants);
            variantChoice.setValue(variants.isEmpty() ? null : variants.get(0));
        } finally {
            quiet = false;
        }
        show(variantRow, variants.size() > 1);
        gateText.setText(loaded.gate().map(g -> "Gate (" + g.mode().configName() + ", baseline " + g.baseline()
                        + "): " + g.rule() + ".")
                .orElse("Default gate (the suite sets none): " + GateSpec.defaults().rule()
                        + ", against the last run that passed."));
        concurrency.getValueFactory().setValue(Math.max(1, Math.min(64, loaded.maxConcurrency())));
        repeat.getValueFactory().setValue(Math.max(1, Math.min(100, loaded.repeat())));
    }

    private void showNoSuite() {
        show(info, false);
        setStatus("Choose a suite: a bundled one is copied into " + shelf.evalsFolder()
                + " so you can edit its prompt and dataset. Or open any promptfooconfig.yaml.", false);
        report.clear("No run yet: choose a suite and press Run.");
        trendCaption.setText("");
        progressText.setText("");
    }

    private Optional<Variant> variant() {
        return Optional.ofNullable(variantChoice.getValue());
    }

    private GateSpec gate() {
        return suite == null ? GateSpec.defaults() : suite.gate().orElse(GateSpec.defaults());
    }

    // ---------------------------------------------------------------------------------------------
    // stored runs: the trend, the baselines, a run to resume, the last results

    private record StoredRuns(List<EvalRun> runs, EvalRun resumable, int resumableCases, EvalReport latest) {
    }

    /** Reads the runs of the chosen prompt and model; {@code showLatest} shows the newest finished run's results. */
    private void refreshRuns(boolean showLatest) {
        if (suite == null || variant().isEmpty()) {
            return;
        }
        EvalSuite current = suite;
        String key = variant().get().suiteKey(current);
        String running = active != null && active.execution != null ? active.execution.run().id() : null;
        int asked = ++runsRequest;
        io(() -> readRuns(key, running, showLatest), stored -> {
            if (asked == runsRequest && suite == current) {
                applyRuns(stored, showLatest);
            }
        }, problem -> {
            if (asked == runsRequest) {
                setStatus("Could not read the stored runs of this suite: " + problem, true);
            }
        });
    }

    /** The suite's stored runs, the one to resume (not {@code running}) and, when asked, the newest finished one's report. */
    private StoredRuns readRuns(String key, String running, boolean showLatest) {
        List<EvalRun> runs = session.workbench().evals().runs(key, TREND_RUNS);
        EvalRun open = runs.stream().filter(r -> r.state() != RunState.FINISHED && !r.id().equals(running))
                .findFirst().orElse(null);
        int cases = open == null ? 0 : session.workbench().evals().caseCount(open.id());
        EvalReport latest = null;
        if (showLatest) {
            List<EvalRun> finished = runs.stream().filter(r -> r.state() == RunState.FINISHED).toList();
            if (!finished.isEmpty()) {
                latest = storedReport(finished.get(0), finished.subList(1, finished.size()));
            }
        }
        return new StoredRuns(runs, open, cases, latest);
    }

    /** Shows the runs read by {@link #readRuns}; FX thread. */
    private void applyRuns(StoredRuns stored, boolean showLatest) {
        showRuns(stored.runs());
        resumable = stored.resumable();
        if (resumable != null) {
            resume.setText("Resume " + resumable.id());
            resume.setTooltip(new Tooltip("Run " + resumable.id() + " stopped (" + resumable.state().id() + ") with "
                    + stored.resumableCases() + " of " + resumable.totalCases()
                    + " cases done; Resume runs only the rest."));
        } else {
            resume.setText("Resume");
            resume.setTooltip(new Tooltip("Nothing to resume: every run of this suite finished."));
        }
        if (showLatest && active == null) {
            if (stored.latest() != null) {
                showReport(stored.latest(), false);
                progressText.setText("");
                progress.setProgress(0);
            } else {
                shown = null;
                results.clear();
                detail.clear();
                report.clear("No run of this suite yet: press Run.");
                progress.setProgress(0);
                progressText.setText("");
            }
            if (resumable != null) {
                setStatus(status.getText() + " Run " + resumable.id() + " was interrupted after "
                        + stored.resumableCases() + " of " + resumable.totalCases()
                        + " cases: Resume finishes it.", false);
            }
        }
        updateButtons();
    }

    /**
     * A stored run's report, paired with the finished run before it that graded the same way (no gate is
     * applied again: the decision recorded when it ran stands). Background worker.
     */
    private EvalReport storedReport(EvalRun run, List<EvalRun> olderNewestFirst) {
        Optional<String> previous = olderNewestFirst.stream()
                .filter(r -> r.fingerprint().gradedLike(run.fingerprint())).map(EvalRun::id).findFirst();
        try {
            return session.workbench().evalReporter().report(run, Optional.empty(), previous);
        } catch (IllegalArgumentException e) {
            return session.workbench().evalReporter().report(run, Optional.empty(), Optional.empty());
        }
    }

    private void showRuns(List<EvalRun> newestFirst) {
        List<EvalRun> finished = new ArrayList<>(newestFirst.stream()
                .filter(r -> r.state() == RunState.FINISHED && r.passRate() != null).toList());
        finished.sort(Comparator.comparing(EvalRun::startedAt, Comparator.nullsFirst(Comparator.naturalOrder()))
                .thenComparing(EvalRun::id));
        trend.show(finished);
        trendCaption.setText(finished.isEmpty() ? "No finished run of this suite yet; each run adds a point."
                : finished.size() + " finished run" + (finished.size() == 1 ? "" : "s") + " of this suite, oldest "
                + "on the left; the shaded band is each run's 95% interval (Wilson).");
        BaselineOption previous = baselineChoice.getValue();
        List<BaselineOption> options = new ArrayList<>();
        options.add(new BaselineOption("The gate's baseline (" + gate().baseline() + ")", null));
        for (EvalRun r : newestFirst) {
            if (r.state() == RunState.FINISHED) {
                options.add(new BaselineOption(r.id() + " · " + (r.passRate() == null ? "no pass rate"
                        : Items.pct(r.passRate())) + (r.startedAt() == null ? "" : " · " + dates.format(r.startedAt())),
                        r.id()));
            }
        }
        baselineChoice.getItems().setAll(options);
        baselineChoice.setValue(options.stream().filter(o -> previous != null
                && java.util.Objects.equals(o.runId(), previous.runId())).findFirst().orElse(options.get(0)));
    }

    private void showReport(EvalReport shownReport, boolean live) {
        shown = shownReport;
        results.setItems(inSuiteOrder(shownReport.items()), shownReport.baseline().isPresent());
        report.show(shownReport, live);
        if (results.selectedItemProperty().get() == null) {
            detail.clear();
        }
    }

    // ---------------------------------------------------------------------------------------------
    // running

    private void startRun(Optional<EvalRun> resumeRun) {
        if (suite == null || variant().isEmpty() || active != null || starting || scoring) {
            return;
        }
        commit(concurrency);
        commit(repeat);
        EvalOptions options;
        try {
            options = new EvalOptions(concurrency.getValue(), repeat.getValue(), EvalOptions.DEFAULT_RETRIES,
                    EvalOptions.DEFAULT_REQUEST_TIMEOUT, resumeRun.map(EvalRun::id));
        } catch (IllegalArgumentException e) {
            setStatus(Sentences.of(e.getMessage()), true);
            return;
        }
        EvalSuite current = suite;
        Variant chosen = variant().get();
        starting = true;
        updateButtons();
        progress.setProgress(ProgressBar.INDETERMINATE_PROGRESS);
        progressText.setText("Starting…");
        setStatus(resumeRun.map(r -> "Resuming " + r.id() + ": checking the model on the server…")
                .orElse("Checking that the model " + chosen.provider(current).model() + " is on the server…"), false);
        if (resumeRun.isPresent()) {
            String id = resumeRun.get().id();
            io(() -> session.workbench().evals().cases(id),
                    kept -> launch(current, chosen, options, kept, resumeRun.get().totalCases()),
                    problem -> {
                        starting = false;
                        progress.setProgress(0);
                        progressText.setText("");
                        setStatus("Could not read the cases of " + id + ": " + problem, true);
                        updateButtons();
                    });
        } else {
            launch(current, chosen, options, List.of(), current.tests().size() * options.repeat());
        }
    }

    private void launch(EvalSuite current, Variant chosen, EvalOptions options, List<CaseResult> kept, int total) {
        Active fresh = new Active(new RunProgress(kept, total, this::onFrame));
        shown = null;
        results.clear();
        detail.clear();
        report.clear("The run is in progress; the summary, the comparison and the gate follow when it finishes.");
        for (CaseResult c : kept) {
            fresh.byItem.computeIfAbsent(c.itemKey(), k -> new ArrayList<>()).add(c);
        }
        fresh.byItem.forEach((key, runs) -> results.put(Items.fold(key, runs)));
        active = fresh;
        session.modelCall(() -> session.workbench().evalRunner().start(current, chosen, options, fresh.progress),
                execution -> started(fresh, execution),
                failure -> failedToStart(fresh, failure));
    }

    private void started(Active run, EvalExecution execution) {
        starting = false;
        run.execution = execution;
        run.progress.setTotal(execution.run().totalCases());
        if (run.cancelRequested) {
            execution.cancel();
        }
        setStatus("Running " + execution.run().id() + ": " + execution.run().promptLabel() + " on "
                + execution.run().model() + ", " + execution.run().totalCases() + " cases, "
                + concurrency.getValue() + " at a time.", false);
        updateButtons();
        execution.done().whenComplete((done, failure) -> Platform.runLater(() -> finished(run, done, failure)));
    }

    private void failedToStart(Active run, Throwable failure) {
        starting = false;
        run.progress.finish();
        if (active == run) {
            active = null;
        }
        progress.setProgress(0);
        progressText.setText("");
        String why = failure instanceof ModelServerException || failure instanceof IllegalArgumentException
                ? Sentences.of(failure.getMessage())
                : "The run could not start: " + Sentences.of(failure.getMessage());
        setStatus(why, true);
        report.clear("Nothing was run.");
        updateButtons();
        refreshRuns(false);
    }

    private void cancelRun() {
        Active run = active;
        if (run == null || run.cancelRequested) {
            return;
        }
        run.cancelRequested = true;
        setStatus("Cancelling: cases in flight are stopped; those that finished are kept…", false);
        if (run.execution != null) {
            run.execution.cancel();
        }
        updateButtons();
    }

    /** Runs on the FX thread at most once per frame while a run is in flight. */
    private void onFrame(RunProgress.Frame frame) {
        Active run = active;
        if (run != null) {
            for (CaseResult c : frame.landed()) {
                List<CaseResult> runs = run.byItem.computeIfAbsent(c.itemKey(), k -> new ArrayList<>());
                runs.removeIf(r -> r.repeatIndex() == c.repeatIndex());
                runs.add(c);
                results.put(Items.fold(c.itemKey(), runs));
            }
        }
        if (frame.total() > 0 && (frame.done() > 0 || run == null || run.execution != null)) {
            progress.setProgress(frame.fraction());
        }
        progressText.setText(progressLine(frame, run != null && run.execution == null && frame.done() == 0));
    }

    private static String progressLine(RunProgress.Frame frame, boolean stillStarting) {
        if (stillStarting) {
            return "Starting…";
        }
        int percent = (int) Math.floor(100 * frame.fraction());
        StringBuilder text = new StringBuilder().append(frame.done()).append(" of ").append(frame.total())
                .append(" cases · ").append(percent).append('%');
        if (frame.failed() > 0) {
            text.append(" · ").append(frame.failed()).append(" failed");
        }
        if (frame.errors() > 0) {
            text.append(" · ").append(frame.errors()).append(frame.errors() == 1 ? " error" : " errors");
        }
        if (frame.done() < frame.total()) {
            text.append(frame.eta().map(eta -> " · about " + Items.duration(eta) + " left").orElse(" · ETA when the "
                    + "first case lands"));
        }
        return text.toString();
    }

    private void finished(Active run, EvalRun done, Throwable failure) {
        run.progress.finish();
        if (active == run) {
            active = null;
        }
        String id = run.execution.run().id();
        int kept = run.byItem.values().stream().mapToInt(List::size).sum();
        int total = run.execution.run().totalCases();
        Throwable cause = Sentences.cause(failure);
        if (cause != null) {
            String why = cause instanceof CancellationException ? "it was cancelled" : Sentences.of(cause.getMessage());
            setStatus("Run " + id + " stopped: " + why + " The " + kept + " of " + total + " cases that finished are "
                    + "kept; Resume continues the run once the server answers.", true);
            progressText.setText(kept + " of " + total + " cases · stopped");
            report.clear("The run stopped before it finished; Resume finishes it.");
            updateButtons();
            refreshRuns(false);
            return;
        }
        if (done.state() != RunState.FINISHED) {
            setStatus("Cancelled " + id + ": " + kept + " of " + total + " cases are kept. Resume finishes the run "
                    + "without repeating them.", false);
            progressText.setText(kept + " of " + total + " cases · cancelled");
            report.clear("The run was cancelled; Resume finishes it, and then the report appears here.");
            updateButtons();
            refreshRuns(false);
            return;
        }
        progress.setProgress(1);
        // This session's share: a resumed run's stored start may be days ago.
        Duration took = Duration.ofNanos(System.nanoTime() - run.startedNanos);
        progressText.setText(total + " of " + total + " cases · 100% · took " + Items.duration(took));
        setStatus("Finished " + id + "; scoring it against its baseline…", false);
        scoring = true;
        updateButtons();
        EvalSuite current = suite;
        GateSpec gateSpec = gate();
        Optional<String> baseline = Optional.ofNullable(baselineChoice.getValue()).map(BaselineOption::runId);
        String key = done.suiteKey();
        io(() -> {
            String note = null;
            EvalReport made;
            try {
                made = session.workbench().evalReporter().report(done, Optional.of(gateSpec), baseline);
            } catch (IllegalArgumentException e) {
                note = Sentences.of(e.getMessage()) + " Compared with the gate's baseline instead.";
                made = session.workbench().evalReporter().report(done, Optional.of(gateSpec), Optional.empty());
            }
            return new Scored(made, readRuns(key, null, false), note);
        }, scored -> {
            scoring = false;
            updateButtons();
            if (suite != current) {
                return;
            }
            showReport(scored.report(), true);
            // Read with the report, after the run ended: newer than any refresh still on its way.
            ++runsRequest;
            applyRuns(scored.runs(), false);
            EvalReport r = scored.report();
            String verdict = r.gate().map(g -> " The gate " + (g.passed() ? "passed." : "blocked the change."))
                    .orElse("");
            setStatus("Finished " + id + ": " + r.passed() + " passed, " + r.failed() + " failed, " + r.errors()
                    + (r.errors() == 1 ? " error" : " errors") + " in " + Items.duration(took) + "." + verdict
                    + (scored.note() == null ? "" : " " + scored.note()), r.blocked() || scored.note() != null);
        }, problem -> {
            scoring = false;
            setStatus("Run " + id + " finished, but its report could not be made: " + problem, true);
            updateButtons();
            refreshRuns(false);
        });
    }

    /** The items in the order the suite lists them (cases land in any order); items it no longer has go last. */
    private List<ItemResult> inSuiteOrder(List<ItemResult> items) {
        if (suite == null) {
            return items;
        }
        Map<String, Integer> order = new java.util.HashMap<>();
        for (int i = 0; i < suite.tests().size(); i++) {
            order.putIfAbsent(suite.tests().get(i).key(), i);
        }
        List<ItemResult> sorted = new ArrayList<>(items);
        sorted.sort(Comparator.comparingInt(item -> order.getOrDefault(item.key(), Integer.MAX_VALUE)));
        return sorted;
    }

    private record Scored(EvalReport report, StoredRuns runs, String note) {
    }

    // ---------------------------------------------------------------------------------------------
    // export

    private void exportAs(String kind, String pattern, String name, Function<EvalReport, String> writer) {
        EvalReport current = shown;
        if (current == null) {
            return;
        }
        FileChooser chooser = new FileChooser();
        chooser.setTitle("Export the report as " + kind);
        chooser.getExtensionFilters().add(new FileChooser.ExtensionFilter(kind, pattern));
        chooser.setInitialFileName(name);
        if (suiteFile != null && suiteFile.getParent() != null) {
            chooser.setInitialDirectory(suiteFile.getParent().toFile());
        }
        File file = chooser.showSaveDialog(getScene() == null ? null : getScene().getWindow());
        if (file == null) {
            return;
        }
        io(() -> {
            Files.writeString(file.toPath(), writer.apply(current), StandardCharsets.UTF_8);
            return file.toPath();
        }, written -> setStatus("Wrote the " + kind + " of " + current.run().id() + " to " + written + ".", false),
                problem -> setStatus("Could not write " + file + ": " + problem, true));
    }

    // ---------------------------------------------------------------------------------------------

    /**
     * Disk and database work on the session's background worker, in order with the session's writes;
     * a failure comes back here as a sentence to show where the learner is looking.
     */
    private <T> void io(Callable<T> work, Consumer<T> onSuccess, Consumer<String> onFailure) {
        if (closing) {
            return;
        }
        try {
            submit(work, onSuccess, onFailure);
        } catch (java.util.concurrent.RejectedExecutionException e) {
            // The app is closing and its worker has stopped: there is nobody left to show the result to.
            closing = true;
        }
    }

    private <T> void submit(Callable<T> work, Consumer<T> onSuccess, Consumer<String> onFailure) {
        session.background(() -> {
            try {
                return new Attempt<>(work.call(), null);
            } catch (Exception e) {
                LoggerFactory.getLogger(EvalsView.class).warn("evals: background work failed", e);
                return new Attempt<T>(null, e);
            }
        }, attempt -> {
            if (attempt.failure() == null) {
                onSuccess.accept(attempt.value());
            } else {
                onFailure.accept(Sentences.of(attempt.failure().getMessage()));
            }
        });
    }

    private record Attempt<T>(T value, Exception failure) {
    }

    private void updateButtons() {
        boolean busy = active != null || starting || scoring;
        boolean ready = suite != null && variant().isPresent();
        run.setDisable(busy || !ready);
        cancel.setDisable(!busy || (active != null && active.cancelRequested));
        resume.setDisable(busy || !ready || resumable == null);
        export.setDisable(busy || shown == null);
        for (Node n : List.<Node>of(suiteChoice, suitePath, open, browse, reload, variantChoice, concurrency, repeat,
                baselineChoice)) {
            n.setDisable(busy);
        }
        reload.setDisable(busy || suiteFile == null);
    }

    private void setStatus(String text, boolean problem) {
        status.setText(text);
        status.getStyleClass().removeAll(Styles.TEXT_MUTED, Styles.DANGER);
        status.getStyleClass().add(problem ? Styles.DANGER : Styles.TEXT_MUTED);
    }

    /** Takes what was typed into an editable spinner; a value it cannot read is put back as it was. */
    private static void commit(Spinner<Integer> spinner) {
        if (!spinner.isEditable() || spinner.getValueFactory() == null) {
            return;
        }
        String text = spinner.getEditor().getText();
        SpinnerValueFactory<Integer> factory = spinner.getValueFactory();
        try {
            int typed = Integer.parseInt(text.strip());
            SpinnerValueFactory.IntegerSpinnerValueFactory bounded = (SpinnerValueFactory.IntegerSpinnerValueFactory) factory;
            factory.setValue(Math.max(bounded.getMin(), Math.min(bounded.getMax(), typed)));
        } catch (NumberFormatException | ClassCastException e) {
            // keep the last good value
        }
        spinner.getEditor().setText(String.valueOf(factory.getValue()));
    }

    @Override
    public void focusFirst() {
        if (suite != null && !run.isDisabled()) {
            run.requestFocus();
        } else {
            suiteChoice.requestFocus();
        }
    }
}
