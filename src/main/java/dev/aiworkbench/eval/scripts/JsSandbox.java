package dev.aiworkbench.eval.scripts;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.TextNode;
import org.mozilla.javascript.Context;
import org.mozilla.javascript.ContextFactory;
import org.mozilla.javascript.EcmaError;
import org.mozilla.javascript.EvaluatorException;
import org.mozilla.javascript.Function;
import org.mozilla.javascript.NativeObject;
import org.mozilla.javascript.RhinoException;
import org.mozilla.javascript.Scriptable;
import org.mozilla.javascript.ScriptableObject;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Runs JavaScript in Rhino, sandboxed: only the standard ECMAScript objects (no {@code Packages}, {@code java},
 * {@code require}, {@code load} or {@code print}), no Java class reachable (a class shutter that admits none), a
 * deadline and an allocation budget checked every thousand instructions, and a bounded stack. Rhino runs interpreted: each inline
 * expression is compiled once to interpreter code rather than to a Java class, which starts faster and leaves
 * nothing in the class space however many distinct expressions a suite renders. One sandbox serves every run of
 * the JVM; each call gets a fresh global object over the sealed standard objects, so cases share nothing.
 */
public final class JsSandbox {
    /** Often enough that a script allocating megabytes per instruction is stopped near its budget, not past the heap. */
    private static final int OBSERVE_EVERY = 1_000;
    /** What one call may allocate unless its runtime says otherwise ({@link ScriptRuntime}). */
    public static final long MEMORY_LIMIT = 256L << 20;
    private static final int MAX_STACK = 2_000;
    private static final int MAX_CACHED = 2_048;
    private static final String DEADLINE = "aiworkbench.deadline";
    private static final String MEMORY = "aiworkbench.memory";
    /** Settles a returned Promise into a box once the microtasks have run. */
    private static final String SETTLE = "(function(p, box){ Promise.resolve(p).then("
            + "function(v){ box.value = v; box.done = true; }, function(e){ box.error = e; box.failed = true; }); })";

    /** The warm-up's call: a typical assertion's shape (a text, an object of vars, a method call, a comparison). */
    private static final Script REHEARSAL = Script.inline(Script.Language.JAVASCRIPT,
            "output.includes('w') && Object.keys(context).length >= 0");
    private static final Duration REHEARSAL_LIMIT = Duration.ofSeconds(5);

    private static final class Holder {
        static final JsSandbox SHARED = new JsSandbox();
    }

    /** Shared by every sandbox use; making it builds nothing heavy, so a syntax check needs no standard objects. */
    private static final ContextFactory FACTORY = new SandboxFactory();

    private final ContextFactory factory = FACTORY;
    private final ScriptableObject standard;
    private final org.mozilla.javascript.Script settle;
    private final Map<String, org.mozilla.javascript.Script> compiled = new ConcurrentHashMap<>();
    /**
     * Each thread's loaded files, by their code: a file is evaluated once per thread and its function kept, as
     * Node's require cache keeps a module (promptfoo's behaviour), but never shared between threads, since Rhino's
     * objects are not safe to mutate from two at once. A run's workers are its threads, so this lives for the run.
     */
    private final ThreadLocal<Map<String, Function>> modules = ThreadLocal.withInitial(java.util.HashMap::new);

    private JsSandbox() {
        try (Context cx = factory.enterContext()) {
            standard = cx.initSafeStandardObjects(null, true);
            settle = cx.compileString(SETTLE, "settle", 1, null);
        }
    }

    /** The JVM's sandbox, built on first use (about half a second: Rhino's classes and standard objects). */
    public static JsSandbox shared() {
        return Holder.SHARED;
    }

    /**
     * Builds the shared sandbox on a background thread and makes one call through it, so a run that will need it
     * pays for Rhino's classes, its standard objects and its interpreter's call path while its first model calls are
     * out rather than when its first answer is graded.
     */
    public static void warmUp() {
        Thread.ofVirtual().name("javascript-sandbox-warm-up").start(() -> shared().rehearse());
    }

    void rehearse() {
        try {
            call(REHEARSAL, List.of(TextNode.valueOf("warm"), JsonNodeFactory.instance.objectNode()), REHEARSAL_LIMIT);
        } catch (ScriptFailure e) {
            throw new IllegalStateException("The JavaScript sandbox failed its warm-up call: " + e.getMessage(), e);
        }
    }

    /** Where code does not compile: its line and column within the code, and Rhino's words. */
    public record SyntaxProblem(int line, int column, String message) {
    }

    /**
     * Compiles without running, for the suite loader: the first syntax error, if any. It needs only Rhino's parser,
     * not the sandbox's standard objects, so loading a suite does not build the sandbox.
     */
    public static Optional<SyntaxProblem> check(Script script) {
        try (Context cx = FACTORY.enterContext()) {
            cx.compileString(source(script), script.isFile() ? script.file() : "inline", 0, null);
            return Optional.empty();
        } catch (EvaluatorException e) {
            // An error at the end of the input is reported on the wrapper's closing line: keep it in the user's code.
            int lines = (int) script.code().stripTrailing().lines().count();
            int line = Math.max(1, Math.min(e.lineNumber(), Math.max(1, lines)));
            return Optional.of(new SyntaxProblem(line, Math.max(1, e.columnNumber()), e.details()));
        }
    }

    /**
     * Calls the script with the arguments (JSON values; a missing node is {@code undefined}) and returns what it
     * returned as JSON: a missing node for {@code undefined}, a text, number, boolean, list or object.
     *
     * @throws ScriptFailure it threw, did not compile, ran past the limit, or returned a function
     */
    public JsonNode call(Script script, List<JsonNode> arguments, Duration limit) throws ScriptFailure {
        return call(script, arguments, limit, MEMORY_LIMIT);
    }

    /** As {@link #call(Script, List, Duration)}, stopping the script once it allocated more than {@code memoryLimit} bytes. */
    public JsonNode call(Script script, List<JsonNode> arguments, Duration limit, long memoryLimit) throws ScriptFailure {
        try (Context cx = factory.enterContext()) {
            cx.putThreadLocal(DEADLINE, System.nanoTime() + limit.toNanos());
            cx.putThreadLocal(MEMORY, new AllocationBudget(memoryLimit));
            NativeObject global = new NativeObject();
            global.setPrototype(standard);
            global.setParentScope(null);
            Function function = function(cx, global, script);
            Object[] args = new Object[arguments.size()];
            for (int i = 0; i < args.length; i++) {
                args[i] = RhinoValues.toJs(cx, global, arguments.get(i));
            }
            Object result = function.call(cx, global, global, args);
            if (result instanceof Scriptable promise && "Promise".equals(promise.getClassName())) {
                result = settled(cx, global, promise);
            }
            if (result instanceof Function) {
                throw new ScriptFailure(ScriptFailure.Kind.THREW, "It returned a function, not a value.");
            }
            return RhinoValues.toJson(result);
        } catch (TimeLimit e) {
            throw new ScriptFailure(ScriptFailure.Kind.TIME_LIMIT, "It ran longer than its limit of "
                    + seconds(limit) + " and was stopped.");
        } catch (MemoryLimit e) {
            throw new ScriptFailure(ScriptFailure.Kind.MEMORY_LIMIT, "It allocated more than its memory limit of "
                    + (memoryLimit >> 20) + " MB and was stopped.");
        } catch (EcmaError e) {
            throw threw(e.getName() + ": " + e.getErrorMessage(), e);
        } catch (RhinoException e) {
            throw threw(e.details(), e);
        } catch (StackOverflowError e) {
            throw new ScriptFailure(ScriptFailure.Kind.THREW, "It recursed too deeply and was stopped.");
        } catch (OutOfMemoryError e) {
            // What it built is garbage once its stack is gone; the run goes on, and the assertion fails.
            throw new ScriptFailure(ScriptFailure.Kind.THREW, "It used more memory than the JVM has and was stopped.");
        }
    }

    private Function function(Context cx, Scriptable global, Script script) throws ScriptFailure {
        if (!script.isFile()) {
            return (Function) compile(cx, script).exec(cx, global);
        }
        String key = script.function() + "\u0000" + script.code();
        Map<String, Function> loaded = modules.get();
        Function known = loaded.get(key);
        if (known == null) {
            known = load(cx, global, script);
            if (loaded.size() >= MAX_CACHED) {
                loaded.clear();
            }
            loaded.put(key, known);
        }
        return known;
    }

    private Function load(Context cx, Scriptable global, Script script) throws ScriptFailure {
        Object made = compile(cx, script).exec(cx, global);
        Scriptable module = cx.newObject(global);
        Scriptable exports = cx.newObject(global);
        module.put("exports", module, exports);
        ((Function) made).call(cx, global, global, new Object[] {module, exports});
        Object exported = ScriptableObject.getProperty(module, "exports");
        String name = script.function();
        if (name != null && exported instanceof Scriptable object
                && ScriptableObject.getProperty(object, name) instanceof Function named) {
            return named;
        }
        if (exported instanceof Function whole) {
            return whole;
        }
        if (exported instanceof Scriptable object && ScriptableObject.getProperty(object, "default") instanceof Function d) {
            return d;
        }
        throw new ScriptFailure(ScriptFailure.Kind.THREW, script.describe() + " must export a function"
                + (name == null ? " (module.exports = …) or have a default export that is one"
                : " named " + name + ", or a default one"));
    }

    private static String source(Script script) {
        return script.isFile() ? JsModules.asFunction(script.code()) : inline(script);
    }

    private org.mozilla.javascript.Script compile(Context cx, Script script) {
        String source = source(script);
        org.mozilla.javascript.Script found = compiled.get(source);
        if (found == null) {
            // Line 0 for the wrapper's own first line, so the user's first line is line 1 in messages.
            found = cx.compileString(source, script.isFile() ? script.file() : "inline", 0, null);
            if (compiled.size() >= MAX_CACHED) {
                compiled.clear();
            }
            compiled.put(source, found);
        }
        return found;
    }

    /** promptfoo's rule: one line is an expression to return; several lines are a function body with its own return. */
    private static String inline(Script script) {
        String code = script.code().stripTrailing();
        String body = code.contains("\n") ? code : "return " + code;
        return "(function(" + String.join(", ", script.parameters()) + ") {\n" + body + "\n})";
    }

    private Object settled(Context cx, Scriptable global, Scriptable promise) throws ScriptFailure {
        Scriptable box = cx.newObject(global);
        ((Function) settle.exec(cx, global)).call(cx, global, global, new Object[] {promise, box});
        cx.processMicrotasks();
        if (Boolean.TRUE.equals(ScriptableObject.getProperty(box, "failed"))) {
            Object error = ScriptableObject.getProperty(box, "error");
            throw new ScriptFailure(ScriptFailure.Kind.THREW, "It threw " + Context.toString(error) + ".");
        }
        if (!Boolean.TRUE.equals(ScriptableObject.getProperty(box, "done"))) {
            throw new ScriptFailure(ScriptFailure.Kind.THREW, "It returned a Promise that never settled; the "
                    + "sandbox has no timers or I/O to settle it.");
        }
        return ScriptableObject.getProperty(box, "value");
    }

    private static ScriptFailure threw(String details, RhinoException e) {
        String where = e.lineNumber() > 0 ? " (line " + e.lineNumber() + ")" : "";
        return new ScriptFailure(ScriptFailure.Kind.THREW, "It threw " + details + where + ".");
    }

    private static String seconds(Duration limit) {
        return limit.toMillis() % 1000 == 0 ? limit.toSeconds() + " s" : limit.toMillis() + " ms";
    }

    /** Thrown from the instruction observer: an Error, so that no JavaScript catch or finally can hold it. */
    private static final class TimeLimit extends Error {
        TimeLimit() {
            super(null, null, false, false);
        }
    }

    /** Thrown from the instruction observer once the call allocated past its budget; an Error for the same reason. */
    private static final class MemoryLimit extends Error {
        MemoryLimit() {
            super(null, null, false, false);
        }
    }

    private static final class SandboxFactory extends ContextFactory {
        @Override
        protected Context makeContext() {
            Context cx = super.makeContext();
            cx.setLanguageVersion(Context.VERSION_ECMASCRIPT);
            cx.setInterpretedMode(true);
            cx.setClassShutter(className -> false);
            cx.setInstructionObserverThreshold(OBSERVE_EVERY);
            cx.setMaximumInterpreterStackDepth(MAX_STACK);
            return cx;
        }

        @Override
        protected void observeInstructionCount(Context cx, int instructionCount) {
            Object deadline = cx.getThreadLocal(DEADLINE);
            if (deadline instanceof Long at && System.nanoTime() - at > 0) {
                throw new TimeLimit();
            }
            if (cx.getThreadLocal(MEMORY) instanceof AllocationBudget budget && budget.exceeded()) {
                throw new MemoryLimit();
            }
        }

        @Override
        protected boolean hasFeature(Context cx, int featureIndex) {
            // No JavaScript catch may hold a Java error (the deadline above) or reach a Java exception's object.
            // No E4X: Node reads no XML literals, and without it Rhino neither looks for its XML library (a class
            // that is not there: a search of every jar on the class path) nor loads the DOM's classes at start-up.
            if (featureIndex == Context.FEATURE_ENHANCED_JAVA_ACCESS || featureIndex == Context.FEATURE_E4X) {
                return false;
            }
            return super.hasFeature(cx, featureIndex);
        }
    }
}
