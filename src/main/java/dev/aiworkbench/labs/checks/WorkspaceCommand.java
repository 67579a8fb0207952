package dev.aiworkbench.labs.checks;

import dev.aiworkbench.labs.host.ProcessTree;

import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * An argument list run in the learner's workspace, as the checks that run one run it: no shell ({@code {{python}}} and
 * the service placeholders filled in each argument), stdin empty, stdout and stderr captured together (bounded by
 * {@link BoundedOutput}). The environment adds {@code PYTHONUNBUFFERED=1} and, for the running services,
 * {@code FASTAPI_URL}, {@code QDRANT_URL}, {@code QDRANT_API_KEY} and {@code OLLAMA_HOST}. A command still running at
 * the deadline is killed with every process it started.
 */
final class WorkspaceCommand {
    static final Duration KILL_WAIT = Duration.ofSeconds(1);
    private static final Duration READER_WAIT = Duration.ofSeconds(1);

    private WorkspaceCommand() {
    }

    /**
     * A command that ran to its end.
     *
     * @param shown the filled-in command as messages quote it, in backticks
     */
    record Ran(String shown, int exitCode, String output) {
        /** The end of the output, for a message: "(it printed nothing)" or "; its output ended with: …". */
        String outputNote() {
            return output.isBlank() ? " (it printed nothing)" : "; its output ended with: " + Text.tail(output, 400);
        }
    }

    /** The command could not be run to its end; the outcome says why and what to do. */
    static final class NotRun extends Exception {
        private final transient Outcome outcome;

        NotRun(Outcome outcome) {
            super(outcome.finding(), null, false, false);
            this.outcome = outcome;
        }

        Outcome outcome() {
            return outcome;
        }
    }

    static Ran run(List<String> run, CheckContext context, Deadline deadline) throws NotRun, InterruptedException {
        if (run == null || run.isEmpty()) {
            throw new NotRun(Outcome.error("The check has no command to run", "This is a mistake in the lab: give"
                    + " the check a list of arguments in lab.yaml."));
        }
        List<String> arguments = new ArrayList<>();
        Placeholders placeholders = context.placeholders();
        try {
            for (String argument : run) {
                arguments.add(placeholders.fill(argument));
            }
        } catch (Placeholders.Missing e) {
            throw new NotRun(e.outcome());
        }
        Path workspace = context.workspace().toAbsolutePath();
        if (!Files.isDirectory(workspace)) {
            throw new NotRun(Outcome.error("The workspace " + workspace + " does not exist", "Open the lab again so"
                    + " that the workbench creates its workspace, then run the check again."));
        }
        String shown = "`" + String.join(" ", arguments) + "`";
        ProcessBuilder builder = new ProcessBuilder(arguments).directory(workspace.toFile()).redirectErrorStream(true)
                .redirectInput(ProcessBuilder.Redirect.from(nullFile()));
        environment(builder.environment(), context);
        Process process;
        try {
            process = builder.start();
        } catch (IOException e) {
            throw new NotRun(Outcome.error("The command " + shown + " could not be started: "
                    + Text.snippet(e.getMessage(), 160), "Check that '" + arguments.get(0) + "' is installed and on"
                    + " the PATH, then run the check again."));
        }
        BoundedOutput output = new BoundedOutput();
        Thread reader = Thread.ofVirtual().name("check-output-" + process.pid())
                .start(() -> output.copy(process.getInputStream()));
        boolean finished = false;
        try {
            finished = process.waitFor(deadline.remainingMillis(), TimeUnit.MILLISECONDS);
        } finally {
            if (!finished) {
                ProcessTree.kill(process.toHandle(), KILL_WAIT, ProcessTree.Zombies.COUNT_AS_ENDED);
            }
        }
        reader.join(READER_WAIT);
        if (reader.isAlive()) {
            // a process the command left behind still holds the output open: stop reading it
            try {
                process.getInputStream().close();
            } catch (IOException ignored) {
                // nothing more to read anyway
            }
        }
        Ran ran = new Ran(shown, finished ? process.exitValue() : -1, output.text());
        if (!finished) {
            throw new NotRun(Outcome.error("The command " + shown + " did not finish within "
                    + Text.seconds(deadline.timeout()) + ", so it was stopped with the processes it started"
                    + ran.outputNote(), "Check that it does not wait for input or for a service that is not running,"
                    + " then run the check again."));
        }
        return ran;
    }

    private static void environment(Map<String, String> environment, CheckContext context) {
        environment.put("PYTHONUNBUFFERED", "1");
        ServiceEndpoints endpoints = context.endpoints();
        Map<String, String> values = endpoints.placeholders();
        if (values.containsKey("fastapi.url")) {
            environment.put("FASTAPI_URL", values.get("fastapi.url"));
        }
        if (values.containsKey("qdrant.url")) {
            environment.put("QDRANT_URL", values.get("qdrant.url"));
        }
        endpoints.qdrantApiKey().filter(k -> !k.isBlank()).ifPresent(k -> environment.put("QDRANT_API_KEY", k));
        if (values.containsKey("ollama.url")) {
            environment.put("OLLAMA_HOST", values.get("ollama.url"));
        }
    }

    private static File nullFile() {
        return new File(System.getProperty("os.name").startsWith("Windows") ? "NUL" : "/dev/null");
    }
}
