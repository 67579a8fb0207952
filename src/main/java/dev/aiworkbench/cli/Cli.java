package dev.aiworkbench.cli;

import dev.aiworkbench.app.ProviderSetup;
import picocli.CommandLine;

import java.io.InputStream;
import java.io.PrintWriter;
import java.time.Clock;
import java.util.Collection;

/** Entry to the command line: parses, runs one verb, returns its exit code. */
public final class Cli {
    public static final int OK = 0;
    public static final int FAILED = 1;
    public static final int USAGE = 2;
    public static final int SERVER_UNAVAILABLE = 3;
    public static final int GENERATION_FAILED = 4;

    private Cli() {
    }

    /** The whole command line, every verb in it. */
    public static CommandLine commandLine(PrintWriter out, PrintWriter err) {
        return commandLine(new RootCommand(Clock.systemDefaultZone(), System.in), Verbs.all().values(), out, err);
    }

    private static CommandLine commandLine(RootCommand root, Collection<Class<?>> verbs, PrintWriter out,
                                           PrintWriter err) {
        CommandLine commandLine = new CommandLine(root);
        verbs.forEach(commandLine::addSubcommand);
        commandLine.setOut(out);
        commandLine.setErr(err);
        commandLine.setExecutionExceptionHandler(new FriendlyErrors());
        return commandLine;
    }

    public static int run(String[] args, PrintWriter out, PrintWriter err) {
        return run(args, System.in, out, err, Clock.systemDefaultZone());
    }

    /** Runs with the given standard input and clock: what the interactive verbs read and what dates their records. */
    static int run(String[] args, InputStream in, PrintWriter out, PrintWriter err, Clock clock) {
        return run(args, in, out, err, clock, ProviderSetup.system());
    }

    /** Runs with the given providers' environment, keychain and gateways as well. */
    static int run(String[] args, InputStream in, PrintWriter out, PrintWriter err, Clock clock, ProviderSetup providers) {
        try {
            // Only the verbs the arguments name are built: see Verbs.
            return commandLine(new RootCommand(clock, in, providers), Verbs.namedIn(args), out, err).execute(args);
        } finally {
            out.flush();
            err.flush();
        }
    }
}
