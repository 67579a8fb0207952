package dev.aiworkbench.eval.run;

import dev.aiworkbench.eval.assertions.AssertionSpec;
import dev.aiworkbench.eval.assertions.ScriptAssertionValue;
import dev.aiworkbench.eval.scripts.Script;
import dev.aiworkbench.eval.suite.EvalSuite;
import dev.aiworkbench.eval.suite.TestCase;

/** Whether a suite runs any JavaScript (a javascript assertion or a transform), so a run can warm the sandbox up. */
final class JavascriptUse {
    private JavascriptUse() {
    }

    static boolean in(EvalSuite suite) {
        for (TestCase test : suite.tests()) {
            if (test.transform() != null && test.transform().language() == Script.Language.JAVASCRIPT) {
                return true;
            }
            for (AssertionSpec spec : test.assertions()) {
                if (ScriptAssertionValue.isScript(spec.value())
                        && ScriptAssertionValue.of(spec.value()).script().language() == Script.Language.JAVASCRIPT) {
                    return true;
                }
            }
        }
        return false;
    }
}
