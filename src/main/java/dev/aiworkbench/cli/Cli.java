package dev.aiworkbench.cli;

import picocli.CommandLine;

import java.io.PrintWriter;

/** Entry to the command line: parses, runs one verb, returns its exit code. */
public final class Cli {
    public static final int OK = 0;
    public static final int FAILED = 1;
    public static final int USAGE = 2;
    public static final int SERVER_UNAVAILABLE = 3;
    public static final int GENERATION_FAILED = 4;

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
}
