package dev.aiworkbench.cli;

import dev.aiworkbench.app.WorkbenchOptions;
import picocli.CommandLine;

import java.io.PrintWriter;
import java.util.Optional;

/** Entry to the command line: parses, runs one verb, returns its exit code. */
public final class Cli {
    public static final int OK = 0;
    public static final int FAILED = 1;
    public static final int USAGE = 2;

    private Cli() {
    }

    public static CommandLine commandLine(PrintWriter out, PrintWriter err) {
        CommandLine commandLine = new CommandLine(new RootCommand());
        commandLine.setOut(out);
        commandLine.setErr(err);
        commandLine.setExecutionExceptionHandler(new FriendlyErrors());
        return commandLine;
    }

    public static int run(String[] args, PrintWriter out, PrintWriter err) {
        try {
            return commandLine(out, err).execute(args);
        } finally {
            out.flush();
            err.flush();
        }
    }

    /**
     * The GUI options when the arguments ask for no verb (only global options such as --data-dir),
     * or empty when the command line should handle them.
     */
    public static Optional<WorkbenchOptions> guiOptions(String[] args) {
        RootCommand root = new RootCommand();
        try {
            CommandLine.ParseResult result = new CommandLine(root).parseArgs(args);
            if (result.hasSubcommand() || result.isUsageHelpRequested() || result.isVersionHelpRequested()) {
                return Optional.empty();
            }
            return Optional.of(root.global.options());
        } catch (CommandLine.ParameterException e) {
            return Optional.empty();
        }
    }
}
