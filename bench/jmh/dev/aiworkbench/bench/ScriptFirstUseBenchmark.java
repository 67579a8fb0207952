package dev.aiworkbench.bench;

import dev.aiworkbench.eval.assertions.AssertionSpec;
import dev.aiworkbench.eval.assertions.CaseOutput;
import dev.aiworkbench.eval.assertions.Grader;
import dev.aiworkbench.eval.assertions.GradingContext;
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
import org.openjdk.jmh.annotations.Warmup;

import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * Issue 17: what the first javascript assertion adds to a run. Each fork is a fresh JVM that grades 20 cases with
 * a fresh {@code Grader.standard()}, as {@code workbench eval run} does after loading a suite: {@code javascript}
 * grades them with one inline javascript assertion (so Rhino's classes, its standard objects and the first
 * compile are in the figure), {@code baseline} with one {@code contains} assertion. The budget is the difference
 * of the medians over the forks. Eight forks each, one shot each; setup only builds the cases.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.SingleShotTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 0)
@Measurement(iterations = 1)
@Fork(value = 8, jvmArgsAppend = {"-Xmx2g", "--enable-native-access=ALL-UNNAMED"})
public class ScriptFirstUseBenchmark {
    private List<CaseOutput> outputs;

    @Setup(Level.Trial)
    public void setUp() {
        outputs = ScriptAssertionBenchmark.outputs().subList(0, 20);
    }

    private int grade(List<AssertionSpec> specs) {
        Grader grader = Grader.standard();
        GradingContext context = new GradingContext(null, null, null, null, ScriptRuntime.withoutPython());
        int passed = 0;
        for (CaseOutput output : outputs) {
            passed += grader.gradeCase(specs, null, output, context).pass() ? 1 : 0;
        }
        return passed;
    }

    @Benchmark
    public int javascript() {
        return grade(List.of(ScriptAssertionBenchmark.spec(Script.inline(Script.Language.JAVASCRIPT,
                ScriptAssertionBenchmark.INLINE))));
    }

    @Benchmark
    public int baseline() {
        return grade(List.of(AssertionSpec.of("contains",
                com.fasterxml.jackson.databind.node.TextNode.valueOf("{{word}}"))));
    }
}
