package dev.aiworkbench.ui.shell;

import dev.aiworkbench.app.AppInfo;
import dev.aiworkbench.app.Workbench;
import dev.aiworkbench.curriculum.Pack;
import dev.aiworkbench.llm.ServerWatch;
import dev.aiworkbench.packs.InstalledPacks;
import dev.aiworkbench.store.Backups;
import dev.aiworkbench.ui.assess.AssessServices;
import dev.aiworkbench.ui.assess.AssessView;
import dev.aiworkbench.ui.assess.AssessViewModel;
import dev.aiworkbench.ui.common.ThemeChoice;
import dev.aiworkbench.ui.curriculum.CurriculumView;
import dev.aiworkbench.ui.curriculum.CurriculumViewModel;
import dev.aiworkbench.ui.evals.EvalsServices;
import dev.aiworkbench.ui.evals.EvalsView;
import dev.aiworkbench.ui.help.HelpLine;
import dev.aiworkbench.ui.labs.LabsView;
import dev.aiworkbench.ui.models.ModelsView;
import dev.aiworkbench.ui.observability.BudgetStrip;
import dev.aiworkbench.ui.observability.BudgetStripViewModel;
import dev.aiworkbench.ui.observability.CallLinks;
import dev.aiworkbench.ui.observability.ObservabilityView;
import dev.aiworkbench.ui.observability.ObservabilityViewModel;
import dev.aiworkbench.ui.models.ModelsViewModel;
import dev.aiworkbench.ui.models.OllamaAddress;
import dev.aiworkbench.ui.models.PriceTableViewModel;
import dev.aiworkbench.ui.models.ServerAddressViewModel;
import dev.aiworkbench.ui.models.PriceTableEditor;
import dev.aiworkbench.ui.models.ServerAddressForm;
import dev.aiworkbench.ui.playground.PlaygroundProviders;
import dev.aiworkbench.ui.playground.PlaygroundView;
import dev.aiworkbench.ui.playground.PlaygroundViewModel;
import dev.aiworkbench.ui.session.BudgetAlerts;
import dev.aiworkbench.ui.session.Notices;
import dev.aiworkbench.ui.session.OtherWrites;
import dev.aiworkbench.ui.session.ProgressModel;
import dev.aiworkbench.ui.session.ServerStatusModel;
import dev.aiworkbench.ui.session.ThemePreference;
import dev.aiworkbench.ui.settings.BackupOperations;
import dev.aiworkbench.ui.settings.BackupsSection;
import dev.aiworkbench.ui.settings.BackupsViewModel;
import dev.aiworkbench.ui.settings.BudgetsEditorViewModel;
import dev.aiworkbench.ui.settings.ObservabilitySection;
import dev.aiworkbench.ui.settings.ObservabilitySettingsViewModel;
import dev.aiworkbench.ui.settings.PacksSection;
import dev.aiworkbench.ui.settings.ProviderOperations;
import dev.aiworkbench.ui.settings.ProvidersSection;
import dev.aiworkbench.ui.settings.ProvidersViewModel;
import dev.aiworkbench.providers.ProviderChoice;
import dev.aiworkbench.providers.Providers;
import dev.aiworkbench.ui.settings.PacksViewModel;
import dev.aiworkbench.ui.settings.SettingsView;
import dev.aiworkbench.ui.settings.SettingsViewModel;
import dev.aiworkbench.ui.tasks.FxTaskExecutor;
import dev.aiworkbench.ui.tasks.SessionTasks;
import dev.aiworkbench.ui.tasks.TaskExecutor;
import dev.aiworkbench.ui.today.TodayAssessmentViewModel;
import dev.aiworkbench.ui.today.TodayView;
import dev.aiworkbench.ui.today.TodayViewModel;
import javafx.application.Platform;
import javafx.scene.input.KeyCode;
import javafx.scene.input.KeyCodeCombination;
import javafx.scene.input.KeyCombination;
import org.kordamp.ikonli.feather.Feather;

import java.nio.file.Path;
import java.util.List;
import java.util.NoSuchElementException;
import java.util.function.Consumer;

/**
 * Every screen, in navigation order: adding a screen is one entry here. The navigation, the shell's shortcuts and
 * the help card read these entries; each entry's factory picks from the open workbench the services its screen
 * uses, so this is the one place in the UI that reaches into the composition root.
 */
public final class ScreenRegistry {
    public static final String TODAY = "today";
    public static final String CURRICULUM = "curriculum";
    public static final String PLAYGROUND = "playground";
    public static final String MODELS = "models";
    public static final String EVALS = "evals";
    public static final String LABS = "labs";
    public static final String ASSESS = "assess";
    public static final String OBSERVABILITY = "observability";
    public static final String SETTINGS = "settings";

    private static final List<ScreenEntry> ENTRIES = List.of(
            new ScreenEntry(TODAY, "Today", Feather.SUN, shortcut(KeyCode.DIGIT1), false, List.of(),
                    ScreenRegistry::today),
            new ScreenEntry(CURRICULUM, "Curriculum", Feather.BOOK_OPEN, shortcut(KeyCode.DIGIT2), true, List.of(
                    new HelpLine("Ctrl+Page Down / Ctrl+Page Up", "Next or previous week (Curriculum)"),
                    new HelpLine("Arrow keys, Enter", "Move through phases, modules and weeks in the tree"),
                    new HelpLine("Space", "Tick the focused task done (or untick it)"),
                    new HelpLine("Alt+Down, then arrows and Enter",
                            "Change a task's state (todo, in progress, done, skipped)"),
                    new HelpLine("Ctrl+S", "Save the week's note now (it also saves as you pause)")),
                    ScreenRegistry::curriculum),
            new ScreenEntry(PLAYGROUND, "Playground", Feather.TERMINAL, shortcut(KeyCode.DIGIT3), false, List.of(
                    new HelpLine("Ctrl+Enter / Esc", "Run the prompt / stop the answer (playground)"),
                    new HelpLine("Ctrl+S", "Save a prompt version (playground)")),
                    ScreenRegistry::playground),
            new ScreenEntry(MODELS, "Models", Feather.CPU, shortcut(KeyCode.DIGIT4), false, List.of(
                    new HelpLine("F5 / Delete", "Refresh the model list / delete the selected model, after you confirm (Models)")),
                    ScreenRegistry::models),
            new ScreenEntry(EVALS, "Evals", Feather.CHECK_SQUARE, shortcut(KeyCode.DIGIT5), false, List.of(),
                    ScreenRegistry::evals),
            new ScreenEntry(LABS, "Labs", Feather.PACKAGE, shortcut(KeyCode.DIGIT6), false, List.of(
                    new HelpLine("Ctrl+Enter / Ctrl+Shift+Enter", "Check the lab / start it (Labs)")),
                    ScreenRegistry::labs),
            new ScreenEntry(ASSESS, "Assess", Feather.TARGET, shortcut(KeyCode.DIGIT7), true, List.of(
                    new HelpLine("1 to 9", "Pick a choice, or unpick it on a many-answer item; rate an \"I can\" "
                            + "statement 1 to 5 (Assess)"),
                    new HelpLine("G / F / S", "Say how sure you are: a guess, fairly sure, sure (Assess)"),
                    new HelpLine("Enter", "Submit the answer; Enter again goes to the next item (Assess)"),
                    new HelpLine("Ctrl+Enter", "Finish a written answer, then say how sure you are (Assess)"),
                    new HelpLine("Y / N", "Grade a short answer: it made the points, or it did not (Assess)"),
                    new HelpLine("Esc", "Leave the quiz; it waits to be resumed (Assess)")),
                    ScreenRegistry::assess),
            new ScreenEntry(OBSERVABILITY, "Observability", Feather.ACTIVITY, shortcut(KeyCode.DIGIT8), false, List.of(
                    new HelpLine("F5", "Read the recorded calls again (Observability)"),
                    new HelpLine("Click a bar or point", "List the calls behind it; pick one for its fields, its eval "
                            + "case or its playground run (Observability)"),
                    new HelpLine("Esc", "Close the list of calls (Observability)")),
                    ScreenRegistry::observability),
            new ScreenEntry(SETTINGS, "Settings", Feather.SETTINGS, shortcut(KeyCode.COMMA), false, List.of(),
                    ScreenRegistry::settings));

    private ScreenRegistry() {
    }

    public static List<ScreenEntry> entries() {
        return ENTRIES;
    }

    public static ScreenEntry entry(String id) {
        return ENTRIES.stream().filter(e -> e.id().equals(id)).findFirst()
                .orElseThrow(() -> new NoSuchElementException("No screen is registered as " + id));
    }

    /**
     * The models the screens share, over the open workbench. Reads the progress and the saved theme, so it is
     * called off the FX thread, as the workbench is opened.
     *
     * @param shared the serial worker for disk and database work; its opener closes it
     */
    public static SessionModels openSession(Workbench workbench, TaskExecutor shared) {
        SessionTasks io = new SessionTasks(shared);
        Notices notices = new Notices(workbench.dataFolder().logs());
        ProgressModel progress = new ProgressModel(workbench.progress(), workbench.pack(), workbench.clock(),
                workbench.pack().pack().map(pack -> workbench.progress().snapshot(pack)).orElse(null), io, notices);
        ThemeChoice savedTheme = workbench.savedTheme().flatMap(ThemeChoice::fromId)
                .orElse(ThemeChoice.LIGHT);
        ServerStatusModel server = new ServerStatusModel(new ServerWatch(workbench::models, workbench.clock()), io);
        ThemePreference theme = new ThemePreference(choice -> workbench.saveTheme(choice.id()),
                io, notices);
        FxTaskExecutor slowWork = FxTaskExecutor.pooled("workbench-work");
        OtherWrites otherWrites = new OtherWrites(workbench::watchOtherWrites, io);
        otherWrites.listen(progress::refresh);
        startSavedMetrics(workbench, notices);
        // On the slow pool: a check over a large call record must not hold up the learner's writes on io.
        BudgetAlerts budgets = new BudgetAlerts(workbench.budgets()::check, slowWork);
        return new SessionModels(progress, server, notices, theme, budgets, savedTheme, io, slowWork, otherWrites,
                workbench.takePackUpdateNotice());
    }

    /** Serves /metrics again if the learner turned it on in Settings; a taken port is said in the error bar. */
    private static void startSavedMetrics(Workbench workbench, Notices notices) {
        try {
            workbench.observability().startSavedMetrics();
        } catch (RuntimeException e) {
            notices.report(new IllegalStateException(ObservabilitySettingsViewModel.portTaken(
                    workbench.observability().savedMetricsPort().orElse(0)), e));
        }
    }

    private static BuiltScreen today(ScreenContext context) {
        SessionModels models = context.models();
        Consumer<String> openItem = itemId -> context.navigator().open(CURRICULUM, itemId);
        return BuiltScreen.of(new TodayView(new TodayViewModel(models.progress(), openItem),
                new TodayAssessmentViewModel(models.progress(), context.workbench().assessments(), models.io(),
                        models.notices(), target -> context.navigator().open(ASSESS, target), openItem)));
    }

    private static BuiltScreen curriculum(ScreenContext context) {
        SessionModels models = context.models();
        Workbench workbench = context.workbench();
        CurriculumViewModel model = new CurriculumViewModel(models.progress(), workbench::labs,
                workbench.assessments(), models.io(), models.notices(), labId -> context.navigator().open(LABS, labId),
                assessmentId -> context.navigator().open(ASSESS, assessmentId));
        // The progress itself is read again by the session's progress model; the labs' lines are this screen's.
        models.otherWrites().listen(model::othersWrote);
        CurriculumView view = new CurriculumView(model, context.links());
        return new BuiltScreen(view, view::openItem, view::flushPendingEdits);
    }

    private static BuiltScreen playground(ScreenContext context) {
        Workbench workbench = context.workbench();
        PlaygroundProviders providers = new PlaygroundProviders(workbench.providers()::list,
                name -> workbench.providerGateway(ProviderChoice.of(name)),
                name -> workbench.playground(ProviderChoice.of(name)), workbench.providers()::shownKey,
                workbench.prices());
        PlaygroundViewModel model = new PlaygroundViewModel(providers, workbench.prompts(), workbench.runs(),
                workbench.prices(), context.models().slowWork());
        context.models().otherWrites().listen(model::othersWrote);
        PlaygroundView view = new PlaygroundView(model);
        return new BuiltScreen(view, view::openRun, () -> { });
    }

    private static BuiltScreen models(ScreenContext context) {
        Workbench workbench = context.workbench();
        return BuiltScreen.of(new ModelsView(new ModelsViewModel(workbench::models,
                context.models().server().statusProperty(), context.models().slowWork()), workbench.zone()));
    }

    private static BuiltScreen evals(ScreenContext context) {
        Workbench workbench = context.workbench();
        EvalsView view = new EvalsView(new EvalsServices(workbench.suiteLoader(), workbench.evalRunner(),
                workbench.evalReporter(), workbench.evalHistory(), workbench.dataFolder().path().resolve("evals"),
                context.models().budgets()::checkNow),
                workbench.zone(), context.models().slowWork());
        context.models().otherWrites().listen(view::othersWrote);
        return new BuiltScreen(view, view::openCase, () -> { });
    }

    private static BuiltScreen observability(ScreenContext context) {
        Workbench workbench = context.workbench();
        Navigator navigator = context.navigator();
        CallLinks links = new CallLinks((runId, itemKey) -> navigator.open(EVALS, EvalsView.caseTarget(runId, itemKey)),
                workbench.runs()::idOfKey, runId -> navigator.open(PLAYGROUND, Long.toString(runId)));
        ObservabilityViewModel model = new ObservabilityViewModel(workbench.observability().stats(),
                workbench.evalHistory(), workbench.zone(), workbench.clock(), context.models().slowWork(), links);
        BudgetAlerts budgets = context.models().budgets();
        BudgetStrip strip = new BudgetStrip(new BudgetStripViewModel(budgets.statusesProperty(), budgets::checkNow));
        return BuiltScreen.of(new ObservabilityView(model, strip, workbench.zone()));
    }

    private static BuiltScreen labs(ScreenContext context) {
        Workbench workbench = context.workbench();
        LabsView view = LabsView.create(workbench::labs, context.models().slowWork(),
                context.models().progress()::refresh, workbench.zone(),
                context.links());
        context.models().otherWrites().listen(view::othersWrote);
        return new BuiltScreen(view, view::openLab, () -> { });
    }

    private static BuiltScreen assess(ScreenContext context) {
        Workbench workbench = context.workbench();
        SessionModels models = context.models();
        Pack pack = models.progress().pack().orElseThrow();
        AssessViewModel model = new AssessViewModel(
                new AssessServices(workbench.assessments(), workbench.shortAnswerJudge()), pack,
                models.progress()::snapshot, models.io(), models.slowWork(), workbench.clock(),
                weekId -> context.navigator().open(CURRICULUM, weekId));
        models.otherWrites().listen(model::load);
        AssessView view = new AssessView(model, pack, context.links());
        return new BuiltScreen(view, view::open, () -> { });
    }

    private static BuiltScreen settings(ScreenContext context) {
        Workbench workbench = context.workbench();
        SessionModels models = context.models();
        ServerAddressViewModel address = new ServerAddressViewModel(new OllamaAddress(workbench::ollamaEndpoint,
                workbench::savedOllamaUrl, workbench::setOllamaUrl), models.server().statusProperty(),
                models.server()::recheck, models.io());
        BackupOperations backups = new BackupOperations(workbench.backups()::list,
                () -> workbench.backups().backup(Backups.MANUAL), workbench::restoreOnClose);
        PacksViewModel packs = new PacksViewModel(workbench.installedPacks(), models.io(),
                models.progress().pack().map(Pack::info), context.packSwitch());
        SettingsView view = new SettingsView(new SettingsViewModel(models.progress(), workbench.dataFolder(),
                context.theme(), context.applyTheme()), new ServerAddressForm(address),
                new PriceTableEditor(new PriceTableViewModel(workbench.prices(), models.io())),
                new ProvidersSection(new ProvidersViewModel(providerOperations(workbench), models.io())),
                new PacksSection(packs),
                new BackupsSection(new BackupsViewModel(backups, models.io(), Platform::exit, workbench.zone())),
                new ObservabilitySection(new ObservabilitySettingsViewModel(workbench.observability(), workbench.clock(),
                        models.io()), new BudgetsEditorViewModel(workbench.budgets(), models.io(),
                        models.budgets().statusesProperty(), models.budgets()::checkNow)));
        // What links into Settings is a pack file to offer for install (the app opened with one).
        return new BuiltScreen(view, file -> packs.chooseSource(Path.of(file)), () -> { });
    }

    private static ProviderOperations providerOperations(Workbench workbench) {
        Providers providers = workbench.providers();
        return new ProviderOperations(providers::list, name -> providers.resolve(ProviderChoice.of(name)),
                providers::keychainStatus, providers::add, providers::remove,
                name -> workbench.providerGateway(ProviderChoice.of(name)));
    }

    private static KeyCombination shortcut(KeyCode key) {
        return new KeyCodeCombination(key, KeyCombination.SHORTCUT_DOWN);
    }
}
