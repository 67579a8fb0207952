import dev.aiworkbench.Main;
import dev.aiworkbench.app.Workbench;
import dev.aiworkbench.app.WorkbenchOptions;
import dev.aiworkbench.cli.Cli;
import dev.aiworkbench.curriculum.Pack;
import dev.aiworkbench.progress.TaskState;
import javafx.application.Platform;
import javafx.scene.Scene;
import javafx.stage.Window;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * The AOT caches' training run (packaging/package.sh): one JVM that runs the command-line verbs a CI pipeline and a
 * learner start most (--version, doctor, progress show, a small eval run with a transform and javascript assertions,
 * so that Rhino's classes and the sandbox's first use are in the cache) and then opens the app until its Today
 * screen is filled, and exits. The window opens a data folder as a learner's is after a first session (made, with a
 * task done), as most starts find it. The JDK records the classes all of them load and link into the cache at exit.
 * {@code --no-gui} trains the command line's cache (workbench-cli), {@code --gui-only} the window's (workbench): the
 * JVM loads every class of its cache at start, so each launcher's cache holds only what that launcher runs.
 * It ships in the image as lib/aot-training.jar only because a cache matches a class path that begins with the
 * training run's; the launcher never calls it, and it only drives the app's own entry points.
 *
 * <pre>AotTraining DATA_DIR OLLAMA_URL SUITE [--no-gui | --gui-only]</pre>
 */
public final class AotTraining {
    private static final long GUI_TIMEOUT_MS = 120_000;
    private static final long POLL_MS = 20;
    private static final AtomicBoolean ENDING = new AtomicBoolean();

    private AotTraining() {
    }

    public static void main(String[] args) throws Exception {
        String dataDir = args[0];
        String ollamaUrl = args[1];
        String suite = args[2];
        boolean gui = !List.of(args).contains("--no-gui");
        if (!List.of(args).contains("--gui-only")) {
            verb("--version");
            verb("doctor", "--data-dir", dataDir, "--ollama-url", ollamaUrl);
            verb("progress", "show", "--data-dir", dataDir);
            verb("eval", "run", "--data-dir", dataDir, "--ollama-url", ollamaUrl, suite);
        }
        if (!gui) {
            System.exit(0);
        }
        useOnce(dataDir);
        Thread watcher = new Thread(AotTraining::exitWhenTodayShows, "aot-training-watcher");
        watcher.setDaemon(true);
        watcher.start();
        Main.main(new String[]{"--data-dir", dataDir, "--ollama-url", ollamaUrl});
    }

    /**
     * Makes the data folder (the first start's work: the database and the dated plan) and marks the first task done,
     * through the app's own classes and not the command line's, whose classes the window's cache does not want. The
     * window then reads progress rows, and the lambdas and string joins that reading needs are spun here, once, and
     * not at every start (round 8 of bench/README.md).
     */
    private static void useOnce(String dataDir) throws Exception {
        WorkbenchOptions options = new WorkbenchOptions(Optional.of(Path.of(dataDir)), Optional.empty());
        try (Workbench workbench = Workbench.open(options, Clock.systemDefaultZone())) {
            Pack pack = workbench.pack().pack().orElseThrow();
            workbench.progress().plan(pack);
            String firstTask = pack.weeks().get(0).tasks().get(0).id();
            workbench.progress().mark(pack, firstTask, TaskState.DONE);
            System.out.println("aot-training: marked " + firstTask + " done before the window opens");
        }
    }

    /** Runs one verb as Main would, keeping its output short in the build log. */
    private static void verb(String... args) {
        StringWriter out = new StringWriter();
        int status = Cli.run(args, new PrintWriter(out, true), new PrintWriter(out, true));
        String first = out.toString().lines().findFirst().orElse("");
        System.out.println("aot-training: workbench " + String.join(" ", args) + " -> exit " + status + ": " + first);
    }

    /**
     * Polls the FX thread until the Today screen is in a window, then ends the run once a pulse has laid it out (the
     * classes of its skins and CSS are then loaded), so the JDK writes the cache. Nothing after that: the JVM loads
     * every class of its cache at each start, and a class the first screen does not need (the first model server
     * check's HTTP and TLS, say) costs every start more there than it saves the moment it is first used.
     */
    private static void exitWhenTodayShows() {
        long deadline = System.currentTimeMillis() + GUI_TIMEOUT_MS;
        while (System.currentTimeMillis() < deadline) {
            sleep();
            try {
                Platform.runLater(() -> Window.getWindows().stream()
                        .map(Window::getScene)
                        .filter(scene -> scene != null && scene.lookup("#today") != null)
                        .findFirst()
                        .filter(scene -> ENDING.compareAndSet(false, true))
                        .ifPresent(AotTraining::exitAfterNextLayout));
            } catch (IllegalStateException toolkitNotStartedYet) {
                // the toolkit starts on the main thread; ask again on the next round
            }
        }
        System.out.println("aot-training: the Today screen did not show within " + GUI_TIMEOUT_MS / 1000 + " s");
        System.exit(1);
    }

    private static void exitAfterNextLayout(Scene scene) {
        Runnable[] once = new Runnable[1];
        once[0] = () -> {
            scene.removePostLayoutPulseListener(once[0]);
            System.out.println("aot-training: the Today screen showed");
            // Off the FX thread, so that a shutdown hook that waits for it cannot hold up the exit.
            new Thread(() -> System.exit(0)).start();
        };
        scene.addPostLayoutPulseListener(once[0]);
        Platform.requestNextPulse();
    }

    private static void sleep() {
        try {
            Thread.sleep(POLL_MS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
