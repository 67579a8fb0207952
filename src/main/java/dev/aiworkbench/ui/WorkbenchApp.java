package dev.aiworkbench.ui;

import dev.aiworkbench.app.ClosedDataFolder;
import dev.aiworkbench.app.AppInfo;
import dev.aiworkbench.app.DataFolder;
import dev.aiworkbench.app.DataFolderException;
import dev.aiworkbench.app.DatedLogFiles;
import dev.aiworkbench.app.GuiLaunch;
import dev.aiworkbench.app.PackFileInbox;
import dev.aiworkbench.app.Workbench;
import dev.aiworkbench.app.WorkbenchOptions;
import dev.aiworkbench.curriculum.Pack;
import dev.aiworkbench.curriculum.PackInfo;
import dev.aiworkbench.store.DatabaseException;
import dev.aiworkbench.store.DatabaseFailures;
import dev.aiworkbench.ui.common.AfterLayout;
import dev.aiworkbench.ui.common.ThemeChoice;
import dev.aiworkbench.ui.shell.ScreenRegistry;
import dev.aiworkbench.ui.shell.SessionModels;
import dev.aiworkbench.ui.shell.ShellView;
import dev.aiworkbench.ui.shell.StartupProblem;
import dev.aiworkbench.ui.tasks.FxTaskExecutor;
import javafx.application.Application;
import javafx.application.Platform;
import javafx.scene.Scene;
import javafx.stage.Stage;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Clock;
import java.time.LocalDate;
import java.util.Objects;
import java.util.Optional;

/**
 * The desktop app. The window appears at once with the shell; the data folder, database and pack
 * are opened in the background and the screens fill in when they are ready. Choosing another pack in Settings
 * closes that session (screens, their work, the workbench and its lab services) and opens it again over the
 * newly active pack, in the same window. Opened with a pack file, it offers to install it on Settings once the data
 * has loaded, with the same question, report and trust choice as "Install pack…".
 */
public final class WorkbenchApp extends Application {
    private static volatile GuiLaunch launchRequest = GuiLaunch.of(WorkbenchOptions.defaults());
    private static final PackFileInbox LAUNCH_INBOX = new PackFileInbox();

    private final WorkbenchOptions options;
    private final Clock clock;
    private final IncomingPackFiles incoming;
    private final FxTaskExecutor io = FxTaskExecutor.serial("workbench-io");
    private volatile Workbench workbench;
    private ShellView shell;
    private SessionModels models;

    /** Used by {@link Application#launch}; takes the request given to {@link #launch(GuiLaunch)}. */
    public WorkbenchApp() {
        this(launchRequest, LAUNCH_INBOX, Clock.systemDefaultZone());
    }

    public WorkbenchApp(WorkbenchOptions options, Clock clock) {
        this(GuiLaunch.of(options), clock);
    }

    public WorkbenchApp(GuiLaunch launch, Clock clock) {
        this(launch, new PackFileInbox(), clock);
    }

    private WorkbenchApp(GuiLaunch launch, PackFileInbox inbox, Clock clock) {
        this.options = launch.options();
        this.incoming = new IncomingPackFiles(inbox);
        launch.packToInstall().ifPresent(inbox::deliver);
        this.clock = clock;
    }

    public static void launch(GuiLaunch launch) {
        launchRequest = launch;
        // Before JavaFX starts: the Finder's files come with the launch, to whoever listens first.
        FinderOpenFiles.listen(LAUNCH_INBOX);
        Application.launch(WorkbenchApp.class);
    }

    @Override
    public void start(Stage stage) {
        Application.setUserAgentStylesheet(ThemeChoice.LIGHT.theme().getUserAgentStylesheet());
        shell = new ShellView(url -> getHostServices().showDocument(url));
        Scene scene = new Scene(shell, 1200, 800);
        scene.getStylesheets().add(Objects.requireNonNull(
                WorkbenchApp.class.getResource("workbench.css")).toExternalForm());
        shell.installShortcuts(scene);
        stage.setTitle(AppInfo.NAME);
        stage.setMinWidth(900);
        stage.setMinHeight(600);
        stage.setScene(scene);
        stage.show();
        // The disk and database work starts once the window is on screen, so it does not delay the first frame.
        AfterLayout.run(scene, this::open);
    }

    /** The shell, for tests that drive the real app. */
    public ShellView shell() {
        return shell;
    }

    /** The open workbench once the data has loaded (null before), for tests that mount a screen on their own. */
    public Workbench workbench() {
        return models == null ? null : workbench;
    }

    /** The models the screens share once the data has loaded (null before), for tests that drive them. */
    public SessionModels sessionModels() {
        return models;
    }

    private void open() {
        io.run(this::openSession, opened -> show(opened, ScreenRegistry.TODAY), this::showStartupFailure);
    }

    /** Opens the workbench and the models its screens share; on the io worker. */
    private SessionModels openSession() throws Exception {
        Workbench opened = Workbench.open(options, clock,
                waiting -> Platform.runLater(() -> shell.showLoadingNotice(waiting)));
        workbench = opened;
        return ScreenRegistry.openSession(opened, io);
    }

    private void show(SessionModels opened, String firstScreen) {
        models = opened;
        // A pack given with --pack is walked whatever Settings makes active, so a switch there waits for a restart.
        Optional<Runnable> switchPack = options.pack().isPresent() ? Optional.empty() : Optional.of(this::switchPack);
        shell.showSession(workbench, opened, switchPack, firstScreen);
        opened.packUpdate().ifPresent(shell::showNotice);
        // Each file is offered once: a pack switch later does not ask again.
        incoming.offerIn(shell);
        incoming.takeHandoffs(workbench.dataFolder());
        // The background checks and the backup wait for the first screen's layout, which they would slow down.
        AfterLayout.run(shell.getScene(), () -> {
            if (models == opened) {
                opened.startWatching();
                backUpDaily();
            }
        });
    }

    /**
     * Walks the newly active pack at once: the screens stop their work and go, then on the io worker (after the
     * writes they queued) the old session's threads and workbench close (stopping its labs) and a new one is
     * opened over the active pack, landing back on Settings.
     */
    private void switchPack() {
        Workbench closing = workbench;
        SessionModels closingModels = models;
        models = null;
        incoming.hold();
        shell.closeSession("Opening the active pack…");
        io.run(() -> {
            try {
                closingModels.close();
                closing.close();
            } catch (RuntimeException e) {
                // The learner asked for the other pack: a session that closes badly must not keep it from them.
                log().warn("closing the session over the last pack failed", e);
            }
            return openSession();
        }, opened -> {
            show(opened, ScreenRegistry.SETTINGS);
            shell.showNotice(switchedNotice(opened.progress().pack().map(Pack::info)));
        }, this::showStartupFailure);
    }

    private static String switchedNotice(Optional<PackInfo> walked) {
        return walked.map(info -> "You now walk " + info.title() + " " + info.version() + ". Progress is kept per"
                        + " pack, so switching back picks up where you left off.")
                .orElse("The active pack could not be read; Today lists its problems. Choose another pack here.");
    }

    /**
     * Queued behind the first screen's loads on the io worker, so the backup (and keeping the built-in pack's copy,
     * and removing logs an earlier version left) never delays what the learner sees.
     */
    private void backUpDaily() {
        Workbench opened = workbench;
        io.run(() -> {
            opened.keepBundledPackCopy();
            DatedLogFiles.removeExpired(opened.dataFolder().logs(), LocalDate.now(clock));
            return opened.dailyBackup();
        },
                made -> made.ifPresent(backup -> log().info("made the daily backup {}", backup.file())),
                failure -> {
                    log().warn("the daily backup failed", failure);
                    shell.showNotice(DatabaseFailures.sentence(failure).orElse("The daily backup failed; the log in "
                            + "the data folder's logs/ has the details."));
                });
    }

    private void showStartupFailure(Throwable failure) {
        if (failure instanceof DatabaseException database && database.canStartFresh()) {
            shell.showStartupProblem(new StartupProblem(database.getMessage(), true), this::setAsideAndRetry,
                    Platform::exit);
        } else {
            shell.showStartupProblem(new StartupProblem(startupSentence(failure), false), null, Platform::exit);
        }
    }

    /**
     * The store's sentence for a database failure, the data folder's own sentence, and for anything else a pointer to
     * the log, so no library's text reaches the learner.
     */
    static String startupSentence(Throwable failure) {
        if (failure instanceof DataFolderException) {
            return failure.getMessage();
        }
        log().warn("the workbench could not open", failure);
        return DatabaseFailures.sentence(failure).orElse("The workbench could not open its data because of an "
                + "unexpected error. The log in the data folder's logs/ has the details; `workbench doctor` checks the "
                + "data folder.");
    }

    private void setAsideAndRetry() {
        io.run(() -> {
            DataFolder folder = Workbench.prepareFolder(options);
            return ClosedDataFolder.setAsideDatabase(folder, clock);
        }, kept -> {
            log().info("kept the old database as {}", kept);
            shell.showNotice("The old database is kept as " + kept + ". You are starting fresh.");
            open();
        }, this::showStartupFailure);
    }

    /** Looked up when needed: starting the logging system on the main thread would hold up the toolkit and window. */
    private static Logger log() {
        return LoggerFactory.getLogger(WorkbenchApp.class);
    }

    @Override
    public void stop() {
        incoming.close();
        if (shell != null) {
            shell.flushPendingEdits();
        }
        if (models != null) {
            models.close();
        }
        io.close();
        if (workbench != null) {
            workbench.close();
        }
    }
}
