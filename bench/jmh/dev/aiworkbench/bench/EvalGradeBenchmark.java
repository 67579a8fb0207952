package dev.aiworkbench.bench;

import com.fasterxml.jackson.databind.JsonNode;
import dev.aiworkbench.eval.assertions.AssertionResult;
import dev.aiworkbench.eval.assertions.AssertionSpec;
import dev.aiworkbench.eval.assertions.CaseVerdict;
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
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.TimeUnit;

/**
 * Issue 4, budget 2: 10,000 cases with deterministic assertions are scored (model calls excluded) in
 * under 2 s.
 *
 * <p>{@link #grade10k} grades the 10,000 cases of {@link GradingCases} (five kinds of output, 5-6
 * deterministic assertions each, 54,000 in all) with {@code Grader.standard().gradeCase(specs,
 * threshold, output, GradingContext.deterministic())}, as the runner grades a case once its answer is in:
 * {@code {{var}}} rendering, every assertion, the weighted score against the threshold. One operation is
 * all 10,000 cases, warm. {@link #containsBaseline10k} is the floor for touching the same assertions:
 * for each one, its value's text with the {@code {{var}}} slots filled by plain {@code String.replace},
 * then {@code output.contains(that)}. Setup grades every case once and fails the run if any assertion
 * errors or if the pass rate is not between 50% and 95% (both outcomes must be exercised); it also
 * pins the number of passing cases, which every operation checks.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 6, time = 2)
@Measurement(iterations = 6, time = 2)
@Fork(value = 1, jvmArgsAppend = {"-Xmx2g", "--enable-native-access=ALL-UNNAMED"})
public class EvalGradeBenchmark {
    public static final int CASES = 10_000;
    static final long SEED = 4;

    private final Grader grader = Grader.standard();
    private List<GradingCases.Case> cases;
    /** Per case, per assertion: the value as text, {{var}} slots unfilled (for the baseline). */
    private String[][] needles;
    private int expectedPasses;

    @Setup(Level.Trial)
    public void setUp() {
        cases = GradingCases.generate(CASES, SEED);
        Map<String, Integer> types = new TreeMap<>();
        int assertions = 0;
        int errors = 0;
        int failedAssertions = 0;
        needles = new String[cases.size()][];
        for (int c = 0; c < cases.size(); c++) {
            GradingCases.Case item = cases.get(c);
            needles[c] = new String[item.specs().size()];
            for (int s = 0; s < item.specs().size(); s++) {
                AssertionSpec spec = item.specs().get(s);
                grader.problem(spec).ifPresent(problem -> {
                    throw new IllegalStateException("a generated assertion is badly written: " + problem);
                });
                types.merge(spec.writtenType(), 1, Integer::sum);
                JsonNode value = spec.value();
                needles[c][s] = value == null ? "" : value.isTextual() ? value.asText() : value.toString();
                assertions++;
            }
            CaseVerdict verdict = grade(item);
            expectedPasses += verdict.pass() ? 1 : 0;
            for (AssertionResult result : verdict.assertions()) {
                errors += result.error() ? 1 : 0;
                failedAssertions += result.pass() ? 0 : 1;
                if (result.error()) {
                    System.out.println("  errored: " + result.type() + ": " + result.reason());
                }
            }
        }
        double passRate = expectedPasses / (double) cases.size();
        System.out.printf("%n%d cases, %d deterministic assertions (%d failing), %d cases pass (%.1f%%); types: %s%n",
                cases.size(), assertions, failedAssertions, expectedPasses, 100 * passRate, types);
        if (errors > 0 || passRate < 0.5 || passRate > 0.95) {
            throw new IllegalStateException(errors + " assertions errored and " + expectedPasses + " of " + cases.size()
                    + " cases passed; the generated cases must grade without errors and pass 50-95% of the time");
        }
    }

    private CaseVerdict grade(GradingCases.Case item) {
        return grader.gradeCase(item.specs(), item.threshold(), item.output(), GradingContext.deterministic());
    }

    @Benchmark
    public int grade10k() {
        int passed = 0;
        for (GradingCases.Case item : cases) {
            passed += grade(item).pass() ? 1 : 0;
        }
        if (passed != expectedPasses) {
            throw new IllegalStateException(passed + " cases passed; the first grading passed " + expectedPasses);
        }
        return passed;
    }

    @Benchmark
    public int containsBaseline10k() {
        int found = 0;
        for (int c = 0; c < cases.size(); c++) {
            GradingCases.Case item = cases.get(c);
            String text = item.output().text();
            for (String needle : needles[c]) {
                String filled = needle;
                if (filled.contains("{{")) {
                    for (Map.Entry<String, String> var : item.output().vars().entrySet()) {
                        filled = filled.replace("{{" + var.getKey() + "}}", var.getValue());
                    }
                }
                found += text.contains(filled) ? 1 : 0;
            }
        }
        return found;
    }
}
