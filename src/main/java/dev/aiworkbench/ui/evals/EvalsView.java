package dev.aiworkbench.ui.evals;

import atlantafx.base.theme.Styles;
import dev.aiworkbench.diagnostics.Problem;
import dev.aiworkbench.ui.common.FramePacer;
import dev.aiworkbench.ui.common.Labels;
import dev.aiworkbench.ui.common.FocusableScreen;
import dev.aiworkbench.ui.common.StoppableScreen;
import dev.aiworkbench.ui.tasks.TaskExecutor;
import javafx.collections.ListChangeListener;
import javafx.geometry.Insets;
import javafx.geometry.Orientation;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.MenuButton;
import javafx.scene.control.MenuItem;
import javafx.scene.control.ProgressBar;
import javafx.scene.control.ScrollPane;
import javafx.scene.control.SplitPane;
import javafx.scene.control.TextField;
import javafx.scene.control.Tooltip;
import javafx.scene.input.KeyCode;
import javafx.scene.input.KeyCodeCombination;
import javafx.scene.input.KeyCombination;
import javafx.scene.input.KeyEvent;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;
import javafx.stage.FileChooser;
import org.kordamp.ikonli.feather.Feather;
import org.kordamp.ikonli.javafx.FontIcon;

import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.ZoneId;
import java.util.List;

/**
 * The Evals screen: pick a bundled suite (copied into the data folder's {@code evals/} folder so the
 * learner can edit it) or open a suite file; see what it holds and its problems; run it with
 * progress, cancel and resume; read each item's verdict and assertions, the summary, the paired
 * comparison with the baseline, the gate's decision, and the pass-rate trend across runs.
 *
 * <p>Builds the controls and binds them to an {@link EvalsViewModel}, which holds the state and does the work;
 * a run's progress reaches the screen at most once per frame.
 */
public final class EvalsView extends VBox implements FocusableScreen, StoppableScreen {
    private static final KeyCombination RUN = new KeyCodeCombination(KeyCode.ENTER, KeyCombination.SHORTCUT_DOWN);
    /** Run ids are {@code run-<time>-<hex>}, so the first '#' ends one; an item key may hold any character. */
    private static final char CASE_SEPARATOR = '#';

    private final EvalsViewModel model;
    private final ComboBox<SuiteShelf.Choice> suiteChoice = new ComboBox<>();
    private final TextField suitePath = new TextField();
    private final Button run = new Button("Run", new FontIcon(Feather.PLAY));
    private final SuiteInfoPane info;
    private boolean quiet;
    private boolean choicesLoaded;

    /** The screen over the app's threads: work on its own daemon threads, progress paced to the frame rate. */
    public EvalsView(EvalsServices services, ZoneId zone, TaskExecutor tasks) {
        this(new EvalsViewModel(services, zone, tasks, work -> new FramePacer(work)::request));
    }

    /** Shows what another process wrote (a run finished in CI on this data folder): the suite's runs, read again. */
    public void othersWrote() {
        model.history().othersWrote();
    }

    EvalsView(EvalsViewModel model) {
        this.model = model;
        this.info = new SuiteInfoPane(model);
        setId("evals");
        getStyleClass().add("evals-screen");
        VBox page = new VBox(12);
        page.setPadding(new Insets(20, 28, 20, 28));

        Label title = new Label("Evals");
        title.getStyleClass().add(Styles.TITLE_2);
        page.getChildren().add(new VBox(4, title, status()));
        page.getChildren().addAll(suiteBar(), problems(), info, runBar());

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

        addEventHandler(KeyEvent.KEY_PRESSED, e -> {
            if (RUN.match(e) && !run.isDisabled()) {
                startRun();
                e.consume();
            } else if (e.getCode() == KeyCode.ESCAPE && model.run().active()) {
                model.run().cancel();
                e.consume();
            } else if (e.getCode() == KeyCode.F5 && model.suiteFileProperty().get() != null && !model.run().active()) {
                model.reload();
                e.consume();
            }
        });
        sceneProperty().addListener((obs, was, now) -> {
            if (now != null && !choicesLoaded) {
                choicesLoaded = true;
                model.refreshChoices(null);
            }
        });
    }

    private Label status() {
        Label status = Labels.wrapped("");
        status.setId("evals-status");
        status.textProperty().bind(model.statusProperty());
        status.getStyleClass().add(Styles.TEXT_MUTED);
        model.statusProblemProperty().addListener((obs, was, problem) -> {
            status.getStyleClass().removeAll(Styles.TEXT_MUTED, Styles.DANGER);
            status.getStyleClass().add(problem ? Styles.DANGER : Styles.TEXT_MUTED);
        });
        return status;
    }

    private Node suiteBar() {
        Label label = new Label("Suite");
        label.getStyleClass().add(Styles.TEXT_BOLD);
        label.setLabelFor(suiteChoice);
        label.setMinWidth(Region.USE_PREF_SIZE);
        suiteChoice.setId("suite-choice");
        suiteChoice.setPromptText("Bundled suites and yours…");
        suiteChoice.setPrefWidth(360);
        suiteChoice.setItems(model.choices());
        suiteChoice.setOnAction(e -> {
            SuiteShelf.Choice chosen = suiteChoice.getValue();
            if (!quiet && chosen != null) {
                model.choose(chosen);
            }
        });
        model.choices().addListener((ListChangeListener<SuiteShelf.Choice>) change -> showChosen());
        model.chosenProperty().addListener((obs, was, now) -> showChosen());
        Label or = new Label("or");
        or.getStyleClass().add(Styles.TEXT_MUTED);
        or.setMinWidth(Region.USE_PREF_SIZE);
        suitePath.setId("suite-path");
        suitePath.setPromptText("Path to a promptfooconfig.yaml (or its folder)");
        suitePath.textProperty().bindBidirectional(model.typedPathProperty());
        suitePath.setOnAction(e -> openTyped());
        HBox.setHgrow(suitePath, Priority.ALWAYS);
        Button open = new Button("Open");
        open.setId("open-suite");
        open.setOnAction(e -> openTyped());
        Button browse = new Button("Open suite file…", new FontIcon(Feather.FOLDER));
        browse.setId("browse-suite");
        browse.setOnAction(e -> browse());
        Button reload = new Button("Reload", new FontIcon(Feather.REFRESH_CW));
        reload.setId("reload-suite");
        reload.setTooltip(new Tooltip("Read the suite again after editing its prompt or dataset (F5)"));
        reload.setOnAction(e -> model.reload());
        reload.disableProperty().bind(model.canReloadProperty().not());
        for (Region r : List.of(suiteChoice, suitePath, open, browse)) {
            r.disableProperty().bind(model.run().busyProperty());
        }
        for (Region r : List.of(open, browse, reload)) {
            r.setMinWidth(Region.USE_PREF_SIZE);
        }
        HBox bar = new HBox(8, label, suiteChoice, or, suitePath, open, browse, reload);
        bar.setAlignment(Pos.CENTER_LEFT);
        return bar;
    }

    /** Shows the model's chosen suite in the list without choosing it again. */
    private void showChosen() {
        quiet = true;
        try {
            suiteChoice.setValue(model.chosenProperty().get());
        } finally {
            quiet = false;
        }
    }

    private void openTyped() {
        model.openTyped();
        if (suitePath.getText() == null || suitePath.getText().isBlank()) {
            suitePath.requestFocus();
        }
    }

    private void browse() {
        FileChooser chooser = new FileChooser();
        chooser.setTitle("Open an eval suite");
        chooser.getExtensionFilters().addAll(new FileChooser.ExtensionFilter("Suite files (*.yaml, *.yml)",
                "*.yaml", "*.yml"), new FileChooser.ExtensionFilter("All files", "*.*"));
        Path start = model.browseFolder();
        if (start != null && Files.isDirectory(start)) {
            chooser.setInitialDirectory(start.toFile());
        }
        File file = chooser.showOpenDialog(getScene() == null ? null : getScene().getWindow());
        if (file != null) {
            model.typedPathProperty().set(file.getPath());
            model.openTyped();
        }
    }

    private Node problems() {
        VBox problems = new VBox(4);
        problems.setId("suite-problems");
        problems.getStyleClass().add("suite-problems");
        Runnable show = () -> {
            List<Problem> all = List.copyOf(model.problems());
            problems.getChildren().clear();
            problems.setVisible(!all.isEmpty());
            problems.setManaged(!all.isEmpty());
            if (all.isEmpty()) {
                return;
            }
            boolean blocking = model.problemsBlockProperty().get();
            Label heading = new Label(model.problemsHeadingProperty().get());
            heading.setId("suite-problems-heading");
            heading.getStyleClass().addAll(Styles.TEXT_BOLD, blocking ? Styles.DANGER : Styles.WARNING);
            heading.setGraphic(new FontIcon(blocking ? Feather.ALERT_OCTAGON : Feather.ALERT_TRIANGLE));
            problems.getChildren().add(heading);
            for (Problem problem : all) {
                problems.getChildren().add(Labels.wrapped(problem.toString(), "problem-line",
                        problem.isError() ? "problem-error" : "problem-warning"));
            }
        };
        model.problems().addListener((ListChangeListener<Problem>) change -> show.run());
        model.problemsHeadingProperty().addListener((obs, was, now) -> show.run());
        show.run();
        return problems;
    }

    private Node runBar() {
        run.setId("run-eval");
        run.getStyleClass().add(Styles.ACCENT);
        run.setOnAction(e -> startRun());
        run.setTooltip(new Tooltip("Run the suite (Ctrl+Enter)"));
        run.disableProperty().bind(model.canRunProperty().not());
        Button cancel = new Button("Cancel", new FontIcon(Feather.X_CIRCLE));
        cancel.setId("cancel-eval");
        cancel.setOnAction(e -> model.run().cancel());
        cancel.disableProperty().bind(model.run().canCancelProperty().not());
        Button resume = new Button("Resume", new FontIcon(Feather.SKIP_FORWARD));
        resume.setId("resume-eval");
        resume.setOnAction(e -> {
            info.commitSettings();
            model.run().resume();
        });
        resume.textProperty().bind(model.history().resumeTextProperty());
        resume.disableProperty().bind(model.canResumeProperty().not());
        model.history().resumeTipProperty().addListener((obs, was, tip) -> resume.setTooltip(new Tooltip(tip)));
        ProgressBar progress = new ProgressBar(0);
        progress.setId("eval-progress");
        progress.setMaxWidth(Double.MAX_VALUE);
        progress.setMinWidth(120);
        progress.progressProperty().bind(model.run().progressProperty());
        HBox.setHgrow(progress, Priority.ALWAYS);
        Label progressText = new Label();
        progressText.setId("eval-progress-text");
        progressText.getStyleClass().add(Styles.TEXT_MUTED);
        progressText.setMinWidth(Region.USE_PREF_SIZE);
        progressText.textProperty().bind(model.run().progressTextProperty());
        MenuButton export = new MenuButton("Export", new FontIcon(Feather.SHARE));
        export.setId("export-report");
        export.getItems().addAll(
                exportItem("Report as JSON…", EvalsViewModel.ExportFormat.JSON, "*.json", "results.json"),
                exportItem("JUnit XML…", EvalsViewModel.ExportFormat.JUNIT, "*.xml", "results.xml"),
                exportItem("Markdown summary…", EvalsViewModel.ExportFormat.MARKDOWN, "*.md", "summary.md"));
        export.disableProperty().bind(model.canExportProperty().not());
        for (Region r : List.of(run, cancel, resume, export)) {
            r.setMinWidth(Region.USE_PREF_SIZE);
        }
        HBox bar = new HBox(8, run, cancel, resume, progress, progressText, export);
        bar.setAlignment(Pos.CENTER_LEFT);
        return bar;
    }

    private void startRun() {
        info.commitSettings();
        model.run().start();
    }

    private MenuItem exportItem(String text, EvalsViewModel.ExportFormat format, String pattern, String name) {
        MenuItem item = new MenuItem(text);
        item.setOnAction(e -> {
            FileChooser chooser = new FileChooser();
            chooser.setTitle("Export the report as " + format.kind);
            chooser.getExtensionFilters().add(new FileChooser.ExtensionFilter(format.kind, pattern));
            chooser.setInitialFileName(name);
            Path suite = model.suiteFileProperty().get();
            if (suite != null && suite.getParent() != null) {
                chooser.setInitialDirectory(suite.getParent().toFile());
            }
            File file = chooser.showSaveDialog(getScene() == null ? null : getScene().getWindow());
            if (file != null) {
                model.export(format, file.toPath());
            }
        });
        return item;
    }

    private SplitPane center() {
        ResultsTable results = new ResultsTable(model.results());
        CaseDetail detail = new CaseDetail();
        model.results().selectedProperty().addListener((obs, was, now) -> {
            if (now == null) {
                detail.clear();
            } else {
                detail.show(now);
            }
        });
        SplitPane top = new SplitPane(results, detail);
        top.setOrientation(Orientation.HORIZONTAL);
        top.setDividerPositions(0.6);

        ReportPane report = new ReportPane(model.dates(), model::selectItem, model::selectCell);
        Runnable showReport = () -> {
            ReportState state = model.reportProperty().get();
            state.report().ifPresentOrElse(r -> report.show(r, state.live(), state),
                    () -> report.clear(state.message()));
        };
        model.reportProperty().addListener((obs, was, now) -> showReport.run());
        showReport.run();
        ScrollPane reportScroll = new ScrollPane(report);
        reportScroll.setId("eval-report");
        reportScroll.setFitToWidth(true);

        TrendChart trend = new TrendChart(model.dates());
        model.history().trend().addListener((ListChangeListener<dev.aiworkbench.eval.run.EvalRun>) change ->
                trend.show(List.copyOf(model.history().trend())));
        Label trendCaption = Labels.wrapped("", Styles.TEXT_MUTED, Styles.TEXT_SMALL);
        trendCaption.setId("trend-caption");
        trendCaption.textProperty().bind(model.history().trendCaptionProperty());
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

    /** The target {@link #openCase} reads: an eval run's id and one of its item keys. */
    public static String caseTarget(String runId, String itemKey) {
        return runId + CASE_SEPARATOR + itemKey;
    }

    /** Shows a stored run with one case selected; the target is {@link #caseTarget}'s. */
    public void openCase(String target) {
        int separator = target.indexOf(CASE_SEPARATOR);
        if (separator < 0) {
            model.history().openRun(target, null);
        } else {
            model.history().openRun(target.substring(0, separator), target.substring(separator + 1));
        }
    }

    @Override
    public List<String> running() {
        return model.run().busy() ? List.of("an eval run") : List.of();
    }

    /** Cancels the run in flight: the cases that finished are kept, and Resume finishes it later. */
    @Override
    public void stop() {
        model.run().cancel();
    }

    @Override
    public void focusFirst() {
        if (model.suiteProperty().get() != null && !run.isDisabled()) {
            run.requestFocus();
        } else {
            suiteChoice.requestFocus();
        }
    }
}
