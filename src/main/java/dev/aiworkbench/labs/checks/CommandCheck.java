package dev.aiworkbench.labs.checks;

import dev.aiworkbench.labs.definition.CheckSpec;
import dev.aiworkbench.labs.host.ProcessTree;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;

/**
 * A {@code command} check: the argument list runs in the workspace with no shell ({@code {{python}}} and the service
 * placeholders filled in each argument), stdin empty, stdout and stderr captured together (bounded by
 * {@link BoundedOutput}). The exit code must be the one expected (0 by default) and the output must match the
 * pattern, when there is one ({@code find}, with {@code ^} and {@code $} at line breaks). The environment adds
 * {@code PYTHONUNBUFFERED=1} and, for the running services, {@code FASTAPI_URL}, {@code QDRANT_URL},
 * {@code QDRANT_API_KEY} and {@code OLLAMA_HOST}. A command still running at the timeout is killed with every
 * process it started, and the check is an error.
 */
final class CommandCheck implements Check<CheckSpec.Command> {
    static final Duration KILL_WAIT = Duration.ofSeconds(1);
    private static final Duration READER_WAIT = Duration.ofSeconds(1);

    @Override
    public Outcome evaluate(CheckSpec.Command spec, CheckContext context, Deadline deadline) throws InterruptedException {
        if (spec.run() == null || spec.run().isEmpty()) {
            return Outcome.error("The check has no command to run", "This is a mistake in the lab: give run a list of "
                    + "arguments in lab.yaml.");
        }
        List<String> arguments = new ArrayList<>();
        Placeholders placeholders = context.placeholders();
        try {
            for (String argument : spec.run()) {
                arguments.add(placeholders.fill(argument));
            }
        } catch (Placeholders.Missing e) {
            return e.outcome();
        }
        Pattern pattern = null;
        if (spec.outputPattern() != null && !spec.outputPattern().isEmpty()) {
            try {
                pattern = Pattern.compile(spec.outputPattern(), Pattern.MULTILINE);
            } catch (PatternSyntaxException e) {
                return Outcome.error("The check's output pattern /" + spec.outputPattern() + "/ is not a valid regular "
                        + "expression (" + e.getDescription() + ")", "This is a mistake in the lab: correct expect.output "
                        + "in lab.yaml.");
            }
        }
        Path workspace = context.workspace().toAbsolutePath();
        if (!Files.isDirectory(workspace)) {
            return Outcome.error("The workspace " + workspace + " does not exist", "Open the lab again so that the "
                    + "workbench creates its workspace, then run the check again.");
        }
        String shown = "`" + String.join(" ", arguments) + "`";
        ProcessBuilder builder = new ProcessBuilder(arguments).directory(workspace.toFile()).redirectErrorStream(true)
                .redirectInput(ProcessBuilder.Redirect.from(nullFile()));
        environment(builder.environment(), context);
        Process process;
        try {
            process = builder.start();
        } catch (IOException e) {
            return Outcome.error("The command " + shown + " could not be started: " + Text.snippet(e.getMessage(), 160),
                    "Check that '" + arguments.get(0) + "' is installed and on the PATH, then run the check again.");
        }
        BoundedOutput output = new BoundedOutput();
        Thread reader = Thread.ofVirtual().name("check-output-" + process.pid()).start(() -> output.copy(process.getInputStream()));
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
        String text = output.text();
        if (!finished) {
            return Outcome.error("The command " + shown + " did not finish within " + Text.seconds(deadline.timeout())
                    + ", so it was stopped with the processes it started" + outputNote(text),
                    "Check that it does not wait for input or for a service that is not running, then run the check "
                            + "again.");
        }
        int exit = process.exitValue();
        if (exit != spec.exitCode()) {
            return Outcome.fail("Expected " + shown + " to exit with " + spec.exitCode() + ", but it exited with " + exit
                    + outputNote(text), "Fix what the output points to, then run the check again.");
        }
        if (pattern != null && !pattern.matcher(text).find()) {
            return Outcome.fail("Expected the output of " + shown + " to match /" + spec.outputPattern() + "/, but it "
                    + "does not" + outputNote(text), "Fix what the output points to, then run the check again.");
        }
        return Outcome.pass("The command " + shown + " exited with " + exit
                + (pattern == null ? "" : " and its output matches /" + spec.outputPattern() + "/"));
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

    private static String outputNote(String text) {
        return text.isBlank() ? " (it printed nothing)" : "; its output ended with: " + Text.tail(text, 400);
    }

    private static java.io.File nullFile() {
        return new java.io.File(System.getProperty("os.name").startsWith("Windows") ? "NUL" : "/dev/null");
    }
}
