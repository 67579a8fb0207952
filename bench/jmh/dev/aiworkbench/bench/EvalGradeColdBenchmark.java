package dev.aiworkbench.bench;

import dev.aiworkbench.eval.assertions.Grader;
import dev.aiworkbench.eval.assertions.GradingContext;
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
 * For information beside issue 4's grading budget: the same 10,000 cases as {@link EvalGradeBenchmark},
 * graded once in a fresh JVM that has graded nothing before, as {@code workbench eval run} in a CI job
 * does (no warm-up: class loading, schema compilation and the JIT are in the figure). Setup only builds
 * the cases. Five forks, one shot each.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.SingleShotTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 0)
@Measurement(iterations = 1)
@Fork(value = 5, jvmArgsAppend = {"-Xmx2g", "--enable-native-access=ALL-UNNAMED"})
public class EvalGradeColdBenchmark {
    private List<GradingCases.Case> cases;

    @Setup(Level.Trial)
    public void setUp() {
        cases = GradingCases.generate(EvalGradeBenchmark.CASES, EvalGradeBenchmark.SEED);
    }

    @Benchmark
    public int firstGrade10k() {
        Grader grader = Grader.standard();
        int passed = 0;
        for (GradingCases.Case item : cases) {
            passed += grader.gradeCase(item.specs(), item.threshold(), item.output(), GradingContext.deterministic())
                    .pass() ? 1 : 0;
        }
        return passed;
    }
}
