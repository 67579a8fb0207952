package dev.aiworkbench.bench;

import com.fasterxml.jackson.databind.JsonNode;
import dev.aiworkbench.eval.assertions.AssertionSpec;
import dev.aiworkbench.eval.assertions.CaseOutput;
import dev.aiworkbench.eval.assertions.Grader;
import dev.aiworkbench.eval.assertions.GradingContext;
import dev.aiworkbench.eval.assertions.ScriptAssertionValue;
import dev.aiworkbench.eval.scripts.Script;
import dev.aiworkbench.eval.scripts.ScriptRuntime;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;

import java.util.List;
import java.util.Map;
import java.util.OptionalDouble;
import java.util.OptionalLong;
import java.util.concurrent.TimeUnit;

/**
 * Issue 17: what one javascript assertion costs a case, warm. One operation grades one case, as the runner does
 * once the answer is in ({@code Grader.gradeCase} with the run's script runtime), taking the next of 1,024
 * prepared cases (outputs and vars differ, so nothing is cached per case). {@code inline}: promptfoo's commonest
 * form, an expression over {@code output} and {@code context.vars}. {@code file}: a CommonJS file returning a
 * {@code {pass, score, reason}} object, which the sandbox loads for every call. Baseline: the same cases with one
 * {@code contains} assertion. Setup checks each form passes some cases and fails others.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Warmup(iterations = 5, time = 1)
@Measurement(iterations = 6, time = 1)
@Fork(value = 1, jvmArgsAppend = {"-Xmx2g", "--enable-native-access=ALL-UNNAMED"})
public class ScriptAssertionBenchmark {
    static final int CASES = 1024;
    static final String INLINE = "output.includes(context.vars.word) && output.length < 400";
    static final String FILE = """
            module.exports = (output, context) => {
              const found = output.split(' ').filter(w => w === context.vars.word).length;
              return {pass: found > 0, score: Math.min(1, found / 2), reason: 'found ' + found};
            };
            """;

    private final Grader grader = Grader.standard();
    private ScriptRuntime scripts;
    private GradingContext context;
    private List<CaseOutput> outputs;
    private List<AssertionSpec> inline;
    private List<AssertionSpec> file;
    private List<AssertionSpec> contains;
    private int next;

    @Setup(Level.Trial)
    public void setUp() {
        scripts = ScriptRuntime.withoutPython();
        context = new GradingContext(null, null, null, null, scripts);
        outputs = outputs();
        inline = List.of(spec(Script.inline(Script.Language.JAVASCRIPT, INLINE)));
        file = List.of(spec(Script.file(Script.Language.JAVASCRIPT, FILE, "check.js", null, null)));
        contains = List.of(AssertionSpec.of("contains", com.fasterxml.jackson.databind.node.TextNode.valueOf("{{word}}")));
        for (List<AssertionSpec> specs : List.of(inline, file, contains)) {
            int passed = 0;
            for (CaseOutput output : outputs) {
                var verdict = grader.gradeCase(specs, null, output, context);
                if (verdict.error()) {
                    throw new IllegalStateException("a case errored: " + verdict.errorMessage());
                }
                passed += verdict.pass() ? 1 : 0;
            }
            if (passed == 0 || passed == CASES) {
                throw new IllegalStateException(specs.get(0).type() + " passed " + passed + " of " + CASES);
            }
        }
    }

    @TearDown(Level.Trial)
    public void tearDown() {
        scripts.close();
    }

    static List<CaseOutput> outputs() {
        String[] words = {"disk", "memory", "network", "certificate", "queue", "latency"};
        java.util.ArrayList<CaseOutput> list = new java.util.ArrayList<>(CASES);
        for (int i = 0; i < CASES; i++) {
            String word = words[i % words.length];
            String text = "P" + (1 + i % 4) + " incident " + i + ": the " + words[(i * 5) % words.length]
                    + " on host-" + i + " needs attention, see runbook " + (i % 13);
            list.add(new CaseOutput(text, "Triage alert " + i, Map.of("word", word, "alert", "alert " + i),
                    OptionalLong.of(120), OptionalDouble.empty()));
        }
        return List.copyOf(list);
    }

    static AssertionSpec spec(Script script) {
        JsonNode value = new ScriptAssertionValue(script, null).toJson();
        return AssertionSpec.of("javascript", value);
    }

    private CaseOutput nextOutput() {
        next = (next + 1) & (CASES - 1);
        return outputs.get(next);
    }

    @Benchmark
    public boolean inline() {
        return grader.gradeCase(inline, null, nextOutput(), context).pass();
    }

    @Benchmark
    public boolean file() {
        return grader.gradeCase(file, null, nextOutput(), context).pass();
    }

    @Benchmark
    public boolean containsBaseline() {
        return grader.gradeCase(contains, null, nextOutput(), context).pass();
    }
}
