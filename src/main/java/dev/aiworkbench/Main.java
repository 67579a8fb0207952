package dev.aiworkbench;

import dev.aiworkbench.app.LaunchArguments;
import dev.aiworkbench.app.WorkbenchOptions;
import dev.aiworkbench.cli.Cli;
import dev.aiworkbench.ui.WorkbenchApp;

import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.util.Optional;

/** One entry: no verb opens the app, a verb runs the command line. */
public final class Main {
    private Main() {
    }

    public static void main(String[] args) {
        Optional<WorkbenchOptions> gui = LaunchArguments.gui(args);
        if (gui.isPresent()) {
            WorkbenchApp.launch(gui.get());
            return;
        }
        PrintWriter out = new PrintWriter(System.out, true, StandardCharsets.UTF_8);
        PrintWriter err = new PrintWriter(System.err, true, StandardCharsets.UTF_8);
        System.exit(Cli.run(args, out, err));
    }
}
