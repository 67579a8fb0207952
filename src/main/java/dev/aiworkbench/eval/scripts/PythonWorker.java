package dev.aiworkbench.eval.scripts;

import com.fasterxml.jackson.core.json.JsonReadFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * One long-lived Python process answering every python assertion and transform of a run, over JSON lines on its
 * standard input and output (the worker script is a resource beside this class, standard library only). It starts
 * on the first call; calls take turns. A call that runs past its limit kills the process, and the next call starts
 * a new one; {@link #close()} kills it at the end of the run, or on cancel.
 */
public final class PythonWorker implements AutoCloseable {
    private static final ObjectMapper JSON = JsonMapper.builder()
            .enable(JsonReadFeature.ALLOW_NON_NUMERIC_NUMBERS).build();
    private static final String SCRIPT = workerScript();
    private static final String END = "\u0000end";
    private static final int STDERR_KEPT = 4_000;
    /** How long Python may take to start (a pyenv shim on a busy machine takes seconds), apart from any call's limit. */
    private static final Duration START_LIMIT = Duration.ofSeconds(60);

    private final String python;
    private final AtomicInteger starts = new AtomicInteger();
    /** Volatile: {@link #close()} kills it from another thread while a call waits for its answer. */
    private volatile Process process;
    private Writer requests;
    private BlockingQueue<String> answers;
    private StringBuilder errors;
    private long nextId;
    private volatile boolean closed;

    /** @param python the interpreter to start ({@link PythonCommand#find()}) */
    public PythonWorker(String python) {
        this.python = python;
    }

    /**
     * Calls the script's function ({@code get_assert} or the named one for a file; the inline code's {@code main},
     * built as promptfoo builds it) with the arguments.
     *
     * @throws ScriptFailure the code raised (its type and message), ran past the limit, or Python could not start
     */
    public synchronized JsonNode call(Script script, String defaultFunction, List<JsonNode> arguments, Duration limit)
            throws ScriptFailure {
        if (closed) {
            throw new ScriptFailure(ScriptFailure.Kind.UNAVAILABLE, "The run has ended, so Python is no longer running.");
        }
        ensureStarted();
        long id = ++nextId;
        ObjectNode request = JSON.createObjectNode();
        request.put("id", id);
        request.put("code", script.isFile() ? script.code() : PythonInline.module(script.code()));
        request.put("file", script.file());
        request.put("folder", script.folder());
        request.put("function", script.isFile() ? (script.function() != null ? script.function() : defaultFunction)
                : PythonInline.FUNCTION);
        ArrayNode args = request.putArray("args");
        arguments.forEach(a -> args.add(a == null || a.isMissingNode() ? JSON.nullNode() : a));
        try {
            requests.write(JSON.writeValueAsString(request));
            requests.write('\n');
            requests.flush();
        } catch (IOException e) {
            throw died("could not be sent a request");
        }
        String line;
        try {
            line = answers.poll(limit.toNanos(), TimeUnit.NANOSECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            stop();
            throw new ScriptFailure(ScriptFailure.Kind.UNAVAILABLE, "The run was stopped while Python was running.");
        }
        if (line == null) {
            stop();
            throw new ScriptFailure(ScriptFailure.Kind.TIME_LIMIT, "It ran longer than its limit of "
                    + (limit.toMillis() % 1000 == 0 ? limit.toSeconds() + " s" : limit.toMillis() + " ms")
                    + ", so its Python process was stopped (the next call starts a new one).");
        }
        if (line.equals(END)) {
            throw died("stopped");
        }
        try {
            JsonNode answer = JSON.readTree(line);
            if (answer.path("ok").asBoolean()) {
                return answer.path("value");
            }
            throw new ScriptFailure(ScriptFailure.Kind.THREW, "It raised " + answer.path("error").asText() + ".");
        } catch (IOException e) {
            throw died("answered something that is not JSON");
        }
    }

    /** How many Python processes this worker has started: one for a whole run unless a call timed out. */
    public int starts() {
        return starts.get();
    }

    /**
     * Kills the process at once, without waiting for a call in progress: that call then fails, and so does any
     * later one.
     */
    @Override
    public void close() {
        closed = true;
        Process running = process;
        if (running != null) {
            running.descendants().forEach(ProcessHandle::destroyForcibly);
            running.destroyForcibly();
        }
    }

    private void ensureStarted() throws ScriptFailure {
        if (process != null && process.isAlive()) {
            return;
        }
        stop();
        try {
            process = new ProcessBuilder(python, "-u", "-c", SCRIPT).redirectErrorStream(false).start();
        } catch (IOException e) {
            throw new ScriptFailure(ScriptFailure.Kind.UNAVAILABLE, "Python could not be started as '" + python
                    + "' (" + e.getMessage() + "); " + PythonCommand.MISSING + ".");
        }
        starts.incrementAndGet();
        if (closed) {
            // close() came while this one started: it must not outlive the run
            process.destroyForcibly();
            throw new ScriptFailure(ScriptFailure.Kind.UNAVAILABLE, "The run has ended, so Python is no longer running.");
        }
        requests = new java.io.OutputStreamWriter(process.getOutputStream(), StandardCharsets.UTF_8);
        answers = new LinkedBlockingQueue<>();
        errors = new StringBuilder();
        BlockingQueue<String> lines = answers;
        StringBuilder stderr = errors;
        Thread.ofVirtual().name("python-worker-out").start(() -> readLines(process.getInputStream(), lines));
        Thread.ofVirtual().name("python-worker-err").start(() -> keepTail(process.getErrorStream(), stderr));
        String ready;
        try {
            ready = answers.poll(START_LIMIT.toSeconds(), TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            stop();
            throw new ScriptFailure(ScriptFailure.Kind.UNAVAILABLE, "The run was stopped while Python was starting.");
        }
        if (ready == null || ready.equals(END)) {
            throw died(ready == null ? "did not start within " + START_LIMIT.toSeconds() + " s" : "stopped as it started");
        }
    }

    private static void readLines(InputStream out, BlockingQueue<String> lines) {
        try (BufferedReader reader = new BufferedReader(new InputStreamReader(out, StandardCharsets.UTF_8))) {
            String line;
            while ((line = reader.readLine()) != null) {
                lines.add(line);
            }
        } catch (IOException e) {
            // the process went away; END below tells the caller
        } finally {
            lines.add(END);
        }
    }

    private static void keepTail(InputStream err, StringBuilder kept) {
        try (BufferedReader reader = new BufferedReader(new InputStreamReader(err, StandardCharsets.UTF_8))) {
            String line;
            while ((line = reader.readLine()) != null) {
                synchronized (kept) {
                    kept.append(line).append('\n');
                    if (kept.length() > STDERR_KEPT) {
                        kept.delete(0, kept.length() - STDERR_KEPT);
                    }
                }
            }
        } catch (IOException e) {
            // the process went away
        }
    }

    private ScriptFailure died(String what) {
        String tail;
        synchronized (errors) {
            tail = errors.toString().strip();
        }
        stop();
        return new ScriptFailure(ScriptFailure.Kind.UNAVAILABLE, "The Python worker " + what
                + (tail.isEmpty() ? "" : "; it said: " + lastLine(tail)) + ".");
    }

    private static String lastLine(String text) {
        return text.substring(text.lastIndexOf('\n') + 1);
    }

    private void stop() {
        if (process == null) {
            return;
        }
        Process stopping = process;
        process = null;
        stopping.descendants().forEach(ProcessHandle::destroyForcibly);
        stopping.destroyForcibly();
        try {
            requests.close();
        } catch (IOException e) {
            // it is being killed anyway
        }
    }

    private static String workerScript() {
        try (InputStream in = PythonWorker.class.getResourceAsStream("python_worker.py")) {
            if (in == null) {
                throw new IllegalStateException("python_worker.py is missing from the application");
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
