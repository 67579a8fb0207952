package dev.aiworkbench;

import dev.aiworkbench.app.DataFolder;
import dev.aiworkbench.app.GuiLaunch;
import dev.aiworkbench.app.LaunchArguments;
import dev.aiworkbench.app.PackHandoff;
import dev.aiworkbench.cli.Cli;
import dev.aiworkbench.ui.WorkbenchApp;

import org.slf4j.LoggerFactory;

import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Optional;

/** One entry: no verb (or only a pack file to install) opens the app, a verb runs the command line. */
public final class Main {
    private Main() {
    }

    public static void main(String[] args) {
        // A failure on a worker thread (a case that could not be written to a full disk, say) goes to the log, not
        // as a library's stack report onto the learner's terminal; what the learner needs is said by the verb.
        Thread.setDefaultUncaughtExceptionHandler((thread, failure) -> LoggerFactory.getLogger(Main.class)
                .error("uncaught failure on thread {}", thread.getName(), failure));
        Optional<GuiLaunch> gui = LaunchArguments.gui(args);
        if (gui.isPresent()) {
            if (!handedOver(gui.get())) {
                WorkbenchApp.launch(gui.get());
            }
            return;
        }
        PrintWriter out = new PrintWriter(System.out, true, StandardCharsets.UTF_8);
        PrintWriter err = new PrintWriter(System.err, true, StandardCharsets.UTF_8);
        System.exit(Cli.run(args, out, err));
    }

    /** Whether the app already open on the data folder took the pack file this start was given (see PackHandoff). */
    private static boolean handedOver(GuiLaunch launch) {
        if (launch.packToInstall().isEmpty()) {
            return false;
        }
        Path packFile = launch.packToInstall().get();
        if (!PackHandoff.handOver(DataFolder.fromEnvironment(launch.options().dataDir()), packFile)) {
            return false;
        }
        System.out.println("The workbench already open on this data folder asks whether to install " + packFile + ".");
        return true;
    }
}
