package dev.aiworkbench.eval.scripts;

import com.fasterxml.jackson.databind.JsonNode;

import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.function.Supplier;

/**
 * What one eval run runs its scripts with: the JVM's JavaScript sandbox, and a Python worker started on the run's
 * first Python call and killed when the run ends or is cancelled ({@link #close()}).
 */
public final class ScriptRuntime implements AutoCloseable {
    /** The time each call may take unless the suite or the command line says otherwise ({@link #within}). */
    public static final Duration JAVASCRIPT_LIMIT = Duration.ofSeconds(5);
    public static final Duration PYTHON_LIMIT = Duration.ofSeconds(30);

    /** Asked on the first JavaScript call, so a run without JavaScript never builds Rhino's sandbox. */
    private final Supplier<JsSandbox> javascript;
    private final Supplier<Optional<String>> python;
    private final Duration javascriptLimit;
    private final Duration pythonLimit;
    private PythonWorker worker;
    private boolean closed;

    /**
     * @param python where the Python interpreter is, asked on the first Python call ({@link PythonCommand#find()})
     */
    public ScriptRuntime(JsSandbox javascript, Supplier<Optional<String>> python, Duration javascriptLimit,
                         Duration pythonLimit) {
        this(() -> javascript, python, javascriptLimit, pythonLimit);
    }

    ScriptRuntime(Supplier<JsSandbox> javascript, Supplier<Optional<String>> python, Duration javascriptLimit,
                          Duration pythonLimit) {
        this.javascript = javascript;
        this.python = python;
        this.javascriptLimit = javascriptLimit;
        this.pythonLimit = pythonLimit;
    }

    /**
     * The same runtime with both limits set to {@code limit} (the suite's {@code evaluateOptions.scriptTimeoutMs} or
     * {@code eval run --script-timeout}); this runtime itself when none is set. Call it before the first Python call.
     */
    public ScriptRuntime within(Optional<Duration> limit) {
        return limit.map(l -> new ScriptRuntime(javascript, python, l, l)).orElse(this);
    }

    /** The runtime a run uses: the shared sandbox, the Python on PATH, the default limits. */
    public static ScriptRuntime forRun() {
        return new ScriptRuntime(JsSandbox::shared, PythonCommand::find, JAVASCRIPT_LIMIT, PYTHON_LIMIT);
    }

    /**
     * JavaScript only, for grading outside a run (benchmarks, one-off checks): a Python call fails, since no run
     * would stop its worker.
     */
    public static ScriptRuntime withoutPython() {
        return new ScriptRuntime(JsSandbox::shared, Optional::empty, JAVASCRIPT_LIMIT, PYTHON_LIMIT);
    }

    /**
     * Runs the script with the arguments and returns what it returned, as JSON (a missing node for nothing).
     *
     * @param pythonFunction the function a Python file is called by when the suite names none ({@code get_assert},
     *                       {@code get_transform})
     */
    public JsonNode call(Script script, String pythonFunction, List<JsonNode> arguments) throws ScriptFailure {
        if (script.language() == Script.Language.JAVASCRIPT) {
            return javascript.get().call(script, arguments, javascriptLimit);
        }
        return python().call(script, pythonFunction, arguments, pythonLimit);
    }

    private synchronized PythonWorker python() throws ScriptFailure {
        if (closed) {
            throw new ScriptFailure(ScriptFailure.Kind.UNAVAILABLE, "The run has ended, so Python is no longer running.");
        }
        if (worker == null) {
            String command = python.get().orElseThrow(() -> new ScriptFailure(ScriptFailure.Kind.UNAVAILABLE,
                    "Python assertions need Python 3, but " + PythonCommand.MISSING + "."));
            worker = new PythonWorker(command);
        }
        return worker;
    }

    /** How many Python processes this run started (0 when it ran no Python). */
    public synchronized int pythonStarts() {
        return worker == null ? 0 : worker.starts();
    }

    /** Kills the Python worker, if one runs; later Python calls fail. */
    @Override
    public void close() {
        PythonWorker running;
        synchronized (this) {
            closed = true;
            running = worker;
        }
        if (running != null) {
            running.close();
        }
    }
}
