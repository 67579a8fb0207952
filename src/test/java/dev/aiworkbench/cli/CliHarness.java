package dev.aiworkbench.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.aiworkbench.app.ProviderSetup;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.nio.charset.Charset;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;

/** Runs the command line in-process over one data folder and keeps what it printed. */
final class CliHarness {
    private static final ObjectMapper JSON = new ObjectMapper();
    private final Path dataDir;
    private final Clock clock;
    private final ProviderSetup providers;

    CliHarness(Path dataDir) {
        this(dataDir, Clock.systemDefaultZone());
    }

    /** @param clock the time the verbs see (and date their records with) */
    CliHarness(Path dataDir, Clock clock) {
        this(dataDir, clock, ProviderSetup.system());
    }

    /** @param providers the environment, keychain and gateways the model providers are made from */
    CliHarness(Path dataDir, Clock clock, ProviderSetup providers) {
        this.dataDir = dataDir;
        this.clock = clock;
        this.providers = providers;
    }

    record Run(int exitCode, String out, String err) {
        JsonNode json() {
            try {
                return JSON.readTree(out);
            } catch (IOException e) {
                throw new UncheckedIOException("not JSON: " + out, e);
            }
        }

        List<String> outLines() {
            return out.lines().toList();
        }

        @Override
        public String toString() {
            return "exit " + exitCode + "\n--- out\n" + out + "--- err\n" + err;
        }
    }

    /** Runs {@code workbench --data-dir <folder> args...} with nothing on standard input, on the harness's clock. */
    Run run(String... args) {
        return runTyping("", args);
    }

    /** Runs {@code workbench --data-dir <folder> args...} with {@code input} as standard input, on the harness's clock. */
    Run runTyping(String input, String... args) {
        List<String> all = new ArrayList<>(List.of("--data-dir", dataDir.toString()));
        all.addAll(List.of(args));
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        int exit = Cli.run(all.toArray(String[]::new), new ByteArrayInputStream(input.getBytes(Charset.defaultCharset())),
                new PrintWriter(out), new PrintWriter(err), clock, providers);
        return new Run(exit, out.toString(), err.toString());
    }

    static Run runRaw(String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        int exit = Cli.run(args, new PrintWriter(out), new PrintWriter(err));
        return new Run(exit, out.toString(), err.toString());
    }
}
