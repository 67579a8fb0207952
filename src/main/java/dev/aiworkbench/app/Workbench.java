package dev.aiworkbench.app;

import dev.aiworkbench.assessment.AssessmentArchiveSection;
import dev.aiworkbench.assessment.AssessmentItemProgress;
import dev.aiworkbench.assessment.AssessmentService;
import dev.aiworkbench.assessment.CheckTally;
import dev.aiworkbench.assessment.ShortAnswerJudge;
import dev.aiworkbench.authoring.LabRehearsal;
import dev.aiworkbench.curriculum.InstalledPack;
import dev.aiworkbench.eval.assertions.Grader;
import dev.aiworkbench.eval.report.EvalHistory;
import dev.aiworkbench.eval.report.EvalReporter;
import dev.aiworkbench.eval.run.EvalRunner;
import dev.aiworkbench.eval.run.EvalStore;
import dev.aiworkbench.eval.run.SqliteVerdictCache;
import dev.aiworkbench.eval.suite.RegistryPromptResolver;
import dev.aiworkbench.eval.suite.SuiteLoader;
import dev.aiworkbench.labs.LabStore;
import dev.aiworkbench.labs.LabProgress;
import dev.aiworkbench.labs.Labs;
import dev.aiworkbench.labs.checks.CheckEngine;
import dev.aiworkbench.labs.checks.LocalEvalSuiteRunner;
import dev.aiworkbench.labs.definition.LabCatalog;
import dev.aiworkbench.labs.services.LabServices;
import dev.aiworkbench.labs.services.LabServicesSettings;
import dev.aiworkbench.llm.CallFeature;
import dev.aiworkbench.llm.ModelGateway;
import dev.aiworkbench.llm.OllamaEndpoint;
import dev.aiworkbench.llm.ollama.OllamaGateway;
import dev.aiworkbench.llm.ollama.OllamaSettings;
import dev.aiworkbench.observability.Budgets;
import dev.aiworkbench.observability.Observability;
import dev.aiworkbench.observability.SuitePassRate;
import dev.aiworkbench.packs.BundledPackUpdates;
import dev.aiworkbench.curriculum.PackLoader;
import dev.aiworkbench.packs.InstalledPacks;
import dev.aiworkbench.packs.PackInstallation;
import dev.aiworkbench.packs.PackInstaller;
import dev.aiworkbench.packs.PackShelf;
import dev.aiworkbench.progress.ProgressCarryOver;
import dev.aiworkbench.progress.ProgressService;
import dev.aiworkbench.prompts.Playground;
import dev.aiworkbench.prompts.PriceTable;
import dev.aiworkbench.prompts.PromptRegistry;
import dev.aiworkbench.prompts.RunHistory;
import dev.aiworkbench.progress.ProgressTransfer;
import dev.aiworkbench.providers.ProviderChoice;
import dev.aiworkbench.providers.Providers;
import dev.aiworkbench.providers.ResolvedProvider;
import dev.aiworkbench.store.Backup;
import dev.aiworkbench.store.BackupFolder;
import dev.aiworkbench.store.Contention;
import dev.aiworkbench.store.Backups;
import dev.aiworkbench.store.DataVersionWatch;
import dev.aiworkbench.store.Database;
import dev.aiworkbench.store.SqliteLibrary;
import dev.aiworkbench.store.DatabaseException;
import dev.aiworkbench.store.DatabaseRestore;
import dev.aiworkbench.store.SettingsStore;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.ZoneId;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.function.Consumer;
import java.util.function.Supplier;

/**
 * The composition root: one data folder, one database, the installed pack and the services the
 * command line and the GUI call. Opening it does the slow work (disk, SQLite, and for the GUI pack
 * parsing), so the GUI does it off the FX thread; a verb reads the pack only if it asks for it.
 */
public final class Workbench implements AutoCloseable {
    public static final String OLLAMA_URL_SETTING = "ollama.url";
    private static final String THEME_SETTING = "ui.theme";

    private final DataFolder dataFolder;
    private final Database database;
    private final Supplier<InstalledPack> packReader;
    private InstalledPack pack;
    private boolean copyBundledPackLater;
    private final Clock clock;
    private final Backups backups;
    private Path restoreOnClose;
    private final ProgressService progress;
    private final ProgressTransfer transfer;
    private final ProgressCarryOver carryOver;
    private final BundledPackUpdates bundledUpdates;
    private final AssessmentService assessments;
    private final SettingsStore settings;
    private final PromptRegistry prompts;
    private final RunHistory runs;
    private final PriceTable prices;
    private final Playground playground;
    private final EvalStore evals;
    private final SqliteVerdictCache judgeVerdicts;
    private final Observability observability;
    private final Budgets budgets;
    private final Optional<String> ollamaOverride;
    private final Providers providers;
    private final ProviderGateways providerGateways;
    private ModelGateway gateway;
    private Labs labs;
    private LabServices labServices;
    private CheckEngine checkEngine;

    private Workbench(DataFolder dataFolder, Database database, Supplier<InstalledPack> packReader, Clock clock,
                      Optional<String> ollamaOverride, ProviderSetup providerSetup) {
        this.dataFolder = dataFolder;
        this.database = database;
        this.packReader = packReader;
        this.clock = clock;
        this.backups = new Backups(database, new BackupFolder(dataFolder.backups()), clock);
        this.progress = new ProgressService(database, clock);
        this.transfer = new ProgressTransfer(database, List.of(new AssessmentArchiveSection(database)), backups);
        this.carryOver = new ProgressCarryOver(database, List.of(new AssessmentItemProgress(database)), clock);
        this.bundledUpdates = new BundledPackUpdates(database, dataFolder.bundledPacks(), carryOver, backups,
                AppInfo.version(), clock);
        this.assessments = new AssessmentService(database, clock, this::labChecksPassed);
        this.settings = new SettingsStore(database);
        this.prompts = new PromptRegistry(database, clock);
        this.runs = new RunHistory(database, clock);
        this.prices = new PriceTable(database);
        this.evals = new EvalStore(database);
        this.judgeVerdicts = new SqliteVerdictCache(database, clock);
        StoredSettingValues settingValues = new StoredSettingValues(settings);
        this.observability = Observability.open(database, settingValues,
                () -> new CallPrices(prices.rows()), this::suitePassRates, clock, AppInfo.version());
        this.budgets = new Budgets(settingValues, observability.stats(),
                new EvalSuiteQualities(new EvalHistory(evals)), clock);
        this.playground = new Playground(() -> models(CallFeature.PLAYGROUND), runs, prices);
        this.ollamaOverride = ollamaOverride;
        this.providerGateways = new ProviderGateways(providerSetup, this::models);
        this.providers = new Providers(database, providerGateways.keychain(), providerSetup.environment(),
                this::ollamaEndpoint);
        providers.onChange(providerGateways::forget);
    }

    /**
     * Opens the data folder and database and loads the pack, for the GUI, which shows the pack at once and keeps the
     * built-in pack's copy after its first screen ({@link #keepBundledPackCopy}).
     *
     * @throws DataFolderException the folder cannot be written (the message says which and why)
     * @throws DatabaseException   the database is damaged, newer, or cannot be opened
     */
    public static Workbench open(WorkbenchOptions options, Clock clock) throws DataFolderException {
        return open(options, clock, waiting -> LoggerFactory.getLogger(Workbench.class).info(waiting));
    }

    /**
     * Like {@link #open(WorkbenchOptions, Clock)}, telling {@code waiting} once, in a sentence, when it has waited two
     * seconds for another process that is setting up the same data folder's database.
     */
    public static Workbench open(WorkbenchOptions options, Clock clock, Consumer<String> waiting)
            throws DataFolderException {
        // The pack is read while the database opens: the two share nothing and each takes a while cold.
        CompletableFuture<InstalledPack> pack = CompletableFuture.supplyAsync(() -> ClosedDataFolder.readPack(options));
        Workbench workbench = open(options, clock, pack::join, waiting);
        workbench.copyBundledPackLater = true;
        try {
            workbench.pack();
            return workbench;
        } catch (RuntimeException e) {
            workbench.close();
            throw e;
        }
    }

    /**
     * Opens the data folder and database; the pack is read on the first call to {@link #pack()}, so a
     * verb that never walks the curriculum (eval, models, prompt) never parses it.
     *
     * @param waiting told once, in a sentence, when it has waited two seconds for another process that is setting
     *                up the same data folder's database
     * @throws DataFolderException the folder cannot be written (the message says which and why)
     * @throws DatabaseException   the database is damaged, newer, or cannot be opened
     */
    public static Workbench openPackOnDemand(WorkbenchOptions options, Clock clock, Consumer<String> waiting)
            throws DataFolderException {
        return open(options, clock, () -> ClosedDataFolder.readPack(options), waiting);
    }

    private static Workbench open(WorkbenchOptions options, Clock clock, Supplier<InstalledPack> packReader,
                                  Consumer<String> waiting) throws DataFolderException {
        DataFolder folder = prepareFolder(options);
        SqliteLibrary.useCopyIn(folder.cache().resolve("native"));
        Database database = Database.open(folder.database(), Contention.DEFAULT, waiting);
        try {
            return new Workbench(folder, database, packReader, clock, options.ollamaUrl(), options.providers());
        } catch (RuntimeException e) {
            database.close();
            throw e;
        }
    }

    /** Resolves and prepares the data folder and starts logging into it. */
    public static DataFolder prepareFolder(WorkbenchOptions options) throws DataFolderException {
        DataFolder folder = DataFolder.fromEnvironment(options.dataDir());
        folder.prepare();
        Logging.toFolder(folder.logs());
        return folder;
    }

    /**
     * Hears other processes' commits to this data folder's database (a task marked from the command line, an eval
     * run in CI, a lab check), at most a couple of seconds late and once a burst; never this workbench's own writes.
     *
     * @param onOtherWrites runs on the watch's own thread
     * @return closing it stops the watch
     */
    public AutoCloseable watchOtherWrites(Runnable onOtherWrites) {
        return DataVersionWatch.start(database, DataVersionWatch.INTERVAL, DataVersionWatch.LONGEST_WAIT, onOtherWrites);
    }

    /** Backups of the open database: made before imports and upgrades, daily, and on request. */
    public Backups backups() {
        return backups;
    }

    /** The copy of the built-in pack's version walked, when missing: the window's open leaves it to this. */
    public void keepBundledPackCopy() {
        BundledPackStart.keepCopy(pack(), bundledUpdates);
    }

    /** The once-a-day backup while the app runs: made when the newest one is older than a day. */
    public Optional<Backup> dailyBackup() {
        return backups.backupIfOlderThan(Duration.ofDays(1));
    }

    /**
     * Checks the backup now and puts it in place of the database when the workbench closes, since the open
     * database cannot be swapped under the screens that use it.
     *
     * @throws dev.aiworkbench.store.BackupException the file is not a backup of ours
     */
    public synchronized void restoreOnClose(Path backup) {
        DatabaseRestore.check(backup);
        restoreOnClose = backup;
    }

    public DataFolder dataFolder() {
        return dataFolder;
    }

    /** The installed pack, read on first use unless {@link #open} read it; see {@link BundledPackStart}. */
    public synchronized InstalledPack pack() {
        if (pack == null) {
            pack = packReader.get();
            BundledPackStart.catchUp(pack, bundledUpdates, !copyBundledPackLater);
        }
        return pack;
    }

    /** The report of a built-in pack update carried over at a start, once: later calls find none. */
    public Optional<String> takePackUpdateNotice() {
        return pack().isBuiltIn() ? bundledUpdates.takeNotice(InstalledPack.DEFAULT_PACK) : Optional.empty();
    }

    public Clock clock() {
        return clock;
    }

    public ZoneId zone() {
        return clock.getZone();
    }

    public ProgressService progress() {
        return progress;
    }

    public ProgressTransfer transfer() {
        return transfer;
    }

    /** Carries progress across versions of a pack: moved, archived and restored per item id. */
    public ProgressCarryOver carryOver() {
        return carryOver;
    }

    /** The packs of this data folder for a screen: installs carry progress over, with a backup first. */
    public InstalledPacks installedPacks() {
        return new InstalledPacks(ClosedDataFolder.packShelf(dataFolder), ClosedDataFolder.trustedKeys(dataFolder, clock), AppInfo.version(),
                Optional.of(new PackInstallation.Progress(carryOver, backups)));
    }

    /** Installs packs into this data folder, carrying progress over to new versions with a backup first. */
    public PackInstallation packInstallation() {
        PackShelf shelf = ClosedDataFolder.packShelf(dataFolder);
        return new PackInstallation(shelf, new PackInstaller(shelf, ClosedDataFolder.trustedKeys(dataFolder, clock),
                new PackLoader(AppInfo.version())), Optional.of(new PackInstallation.Progress(carryOver, backups)));
    }

    /** Quizzes, calibration, readiness per milestone and spaced review. */
    public AssessmentService assessments() {
        return assessments;
    }

    /** Grades short answers with a local model, when the server has one. */
    public ShortAnswerJudge shortAnswerJudge() {
        return new ShortAnswerJudge(() -> models(CallFeature.ASSESSMENT));
    }

    private CheckTally labChecksPassed(String labId) {
        try {
            LabProgress lab = labs().progress(labId);
            return new CheckTally(lab.passed(), lab.total());
        } catch (IllegalArgumentException e) {
            // A lab that cannot be read proves nothing, and must not count as nothing to prove.
            return new CheckTally(0, 1);
        }
    }

    /** The id of the theme the learner chose last, if any. */
    public Optional<String> savedTheme() {
        return settings.get(THEME_SETTING);
    }

    public void saveTheme(String themeId) {
        settings.put(THEME_SETTING, themeId);
    }

    public PromptRegistry prompts() {
        return prompts;
    }

    public RunHistory runs() {
        return runs;
    }

    public PriceTable prices() {
        return prices;
    }

    public Playground playground() {
        return playground;
    }

    public EvalStore evals() {
        return evals;
    }

    /** Reads eval suites, resolving {@code prompt://} references through the prompt registry. */
    public SuiteLoader suiteLoader() {
        return new SuiteLoader(new RegistryPromptResolver(prompts), () -> new LinkedHashSet<>(Grader.standard().knownTypes()));
    }

    /** Runs suites on the providers their ids name, the Ollama ones on the local server. */
    public EvalRunner evalRunner() {
        return evalRunner(ProviderChoice.DEFAULT);
    }

    /**
     * Runs suites on the providers their ids name, the Ollama ones (and those of the chosen provider's kind) on the
     * chosen provider, a case priced at the row for its model. @throws IllegalArgumentException
     */
    public EvalRunner evalRunner(ProviderChoice choice) {
        providers.resolve(choice); // an unknown --provider is refused before the suite runs
        return new EvalRunner(evals, new EvalProviderModels(providers, choice, provider -> models(provider,
                CallFeature.EVAL).get(), () -> new CallPrices(prices.rows())), Grader.standard(), judgeVerdicts, clock);
    }

    public EvalReporter evalReporter() {
        return new EvalReporter(evals);
    }

    /** A suite's stored runs, their cases and reports, for the screens. */
    public EvalHistory evalHistory() {
        return new EvalHistory(evals);
    }

    /** The labs of the installed pack, made on first use (reading them takes a moment). */
    public synchronized Labs labs() {
        if (labs == null) {
            // A lab's checks call the app's server, or the Ollama container the lab started: both are recorded.
            labServices = new LabServices(LabServicesSettings.defaults(dataFolder.path(),
                    () -> models(CallFeature.LAB_CHECK)).withOllamaGateways(uri -> observability.recording(
                    new OllamaGateway(OllamaSettings.defaults(uri)), OllamaGateway.PROVIDER, CallFeature.LAB_CHECK)));
            checkEngine = new CheckEngine();
            labs = new Labs(LabCatalog.bundled(pack().pack()), labServices, checkEngine, new LabStore(database), progress,
                    pack().pack(), () -> models(CallFeature.LAB_CHECK),
                    new LocalEvalSuiteRunner(suiteLoader(), evalRunner(), evalReporter()), clock);
        }
        return labs;
    }

    /** Runs a pack's labs for its author ({@code pack lint --run-labs}) in a temporary folder; progress hears each. */
    public LabRehearsal labRehearsal(Consumer<String> progress) {
        return new LabRehearsal(System.getenv(), () -> models(CallFeature.LAB_CHECK),
                new LocalEvalSuiteRunner(suiteLoader(), evalRunner(), evalReporter()), progress);
    }

    /** The model server's address: {@code --ollama-url}, else Settings, else {@code OLLAMA_HOST}, else the default. */
    public OllamaEndpoint ollamaEndpoint() {
        return OllamaEndpoint.resolve(ollamaOverride, settings.get(OLLAMA_URL_SETTING), System.getenv());
    }

    /** The address saved in Settings, if any (the command line's can win over it). */
    public Optional<String> savedOllamaUrl() {
        return settings.get(OLLAMA_URL_SETTING);
    }

    /** The gateway to the model server, made on first use and remade when the address changes. */
    public synchronized ModelGateway models() {
        if (gateway == null) {
            gateway = new OllamaGateway(OllamaSettings.defaults(ollamaEndpoint().baseUri()));
        }
        return gateway;
    }

    /** The gateway for one feature's model calls: the same server, with every call recorded as that feature's. */
    public ModelGateway models(CallFeature feature) {
        return observability.recording(models(), OllamaGateway.PROVIDER, feature);
    }

    /** The model providers: the local server, the configured ones, and each kind from the environment. */
    public Providers providers() {
        return providers;
    }

    /** One feature's calls to a provider, recorded with its kind's id. @throws IllegalArgumentException unknown one */
    public ModelGateway models(ProviderChoice choice, CallFeature feature) {
        return models(providers.resolve(choice), feature).get();
    }

    private Supplier<ModelGateway> models(ResolvedProvider provider, CallFeature feature) { // resolved once per run
        return () -> observability.recording(providerGateways.gateway(provider), provider.kind().id(), feature);
    }

    /** The chosen provider's gateway without recording, for Settings' connection test and listing models. */
    public ModelGateway providerGateway(ProviderChoice choice) {
        return providerGateways.gateway(providers.resolve(choice));
    }

    /** The playground on the chosen provider; runs are kept in the same history. */
    public Playground playground(ProviderChoice choice) {
        ResolvedProvider provider = providers.resolve(choice);
        return new Playground(provider.name(), models(provider, CallFeature.PLAYGROUND), runs, prices);
    }

    /** Every model call recorded (priced by {@link CallPrices}), its aggregates, metrics endpoint and span export. */
    public Observability observability() {
        return observability;
    }

    /** The budgets the learner set on cost, latency and eval quality, and their check. */
    public Budgets budgets() {
        return budgets;
    }

    private List<SuitePassRate> suitePassRates() {
        return evals.latestFinished().stream()
                .map(run -> new SuitePassRate(run.suiteKey(), run.model(), run.passRate())).toList();
    }

    /** Saves (or, with an empty value, forgets) the address in Settings; checks its form first. */
    public synchronized void setOllamaUrl(Optional<String> url) {
        if (url.isPresent() && !url.get().isBlank()) {
            OllamaEndpoint.parse(url.get());
            settings.put(OLLAMA_URL_SETTING, url.get().strip());
        } else {
            settings.remove(OLLAMA_URL_SETTING);
        }
        if (gateway != null) {
            gateway.close();
            gateway = null;
        }
    }

    @Override
    public synchronized void close() {
        if (labServices != null) {
            labServices.close();
            checkEngine.close();
        }
        // Before the database closes: the recorder writes the calls still queued.
        observability.close();
        if (gateway != null) {
            gateway.close();
        }
        providerGateways.close();
        database.close();
        if (restoreOnClose != null) {
            try {
                Path kept = DatabaseRestore.restore(dataFolder.database(), restoreOnClose, clock).orElse(null);
                LoggerFactory.getLogger(Workbench.class).info("restored {}; the previous database is kept as {}",
                        restoreOnClose, kept);
            } catch (IOException | RuntimeException e) {
                LoggerFactory.getLogger(Workbench.class).error("could not restore {}", restoreOnClose, e);
            }
        }
    }
}
