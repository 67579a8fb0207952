package dev.aiworkbench.eval.scripts;

import dev.aiworkbench.eval.assertions.AssertionSpec;
import dev.aiworkbench.eval.assertions.CaseOutput;
import dev.aiworkbench.eval.assertions.Grader;
import dev.aiworkbench.eval.assertions.GradingContext;
import dev.aiworkbench.eval.assertions.ScriptAssertionValue;
import dev.aiworkbench.eval.suite.EvalSuite;
import dev.aiworkbench.eval.suite.PromptResolver;
import dev.aiworkbench.eval.suite.SuiteLoadResult;
import dev.aiworkbench.eval.suite.SuiteLoader;
import dev.aiworkbench.eval.suite.TestCase;
import org.junit.jupiter.api.Test;

import java.nio.file.Path;
import java.util.List;
import java.util.OptionalDouble;
import java.util.OptionalLong;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The AOT cache's training suite (packaging/aot/suite) loads without a problem, holds what should ship in the cache
 * (a javascript transform and javascript assertions, inline and a file), and passes on the answers the packaging's
 * fake server gives, so the training run goes down the sandbox's whole path rather than a failure's.
 */
class AotTrainingSuiteTest {
    private static final Path SUITE = Path.of("packaging", "aot", "suite", "promptfooconfig.yaml");

    private static EvalSuite suite() {
        SuiteLoadResult result = new SuiteLoader(PromptResolver.none()).load(SUITE);
        assertThat(result.problems()).isEmpty();
        return result.suite().orElseThrow();
    }

    @Test
    void everyCaseHasAJavascriptTransformAndBothFormsOfJavascriptAssertion() {
        assertThat(suite().tests()).hasSize(10).allSatisfy(test -> {
            assertThat(test.transform()).isNotNull();
            assertThat(test.transform().language()).isEqualTo(Script.Language.JAVASCRIPT);
            List<Script> scripts = test.assertions().stream().filter(a -> a.type().equals("javascript"))
                    .map(a -> ScriptAssertionValue.of(a.value()).script()).toList();
            assertThat(scripts).extracting(Script::isFile).containsExactlyInAnyOrder(false, true);
        });
    }

    @Test
    void everyCasePassesOnTheFakeServersEcho() {
        Grader grader = Grader.standard();
        GradingContext context = new GradingContext(null, null, null, null, ScriptRuntime.withoutPython());
        for (TestCase test : suite().tests()) {
            String prompt = "Answer in one line: " + test.vars().get("question");
            // packaging/smoke/fake_ollama.py answers with the last user message after "You asked: ".
            CaseOutput output = new CaseOutput("You asked: " + prompt, prompt, test.vars(), OptionalLong.empty(),
                    OptionalDouble.empty());
            List<AssertionSpec> assertions = test.assertions();
            assertThat(grader.gradeCase(assertions, test.threshold(), output, context).pass()).as(test.key()).isTrue();
        }
    }
}
