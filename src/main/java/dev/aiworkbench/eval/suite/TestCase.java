package dev.aiworkbench.eval.suite;

import dev.aiworkbench.eval.assertions.AssertionSpec;
import dev.aiworkbench.eval.scripts.Script;

import java.util.List;
import java.util.Map;

/**
 * One item of a suite, after promptfoo's merging: {@code defaultTest}'s vars under the test's own,
 * {@code defaultTest}'s assertions before the test's, its threshold and judge where the test sets
 * none, and one case per combination when a var lists several values.
 *
 * @param key         the stable item key that pairs this item with the same item of a baseline run
 *                    (see {@link ItemKeys})
 * @param description the test's {@code description}; null when it has none
 * @param vars        the values its prompt is rendered with, in the order written ({@code file://}
 *                    values already replaced by the file's text)
 * @param assertions  what its output must satisfy
 * @param threshold   the weighted score needed to pass; null means every assertion must pass
 * @param cluster     items that share a context (for clustered standard errors); null when unset
 * @param metadata    the test's {@code metadata}, as text
 * @param judge       the models that grade its model-graded assertions
 * @param origin      where the test was written, {@code file:line}
 * @param transform   what the output goes through before the assertions see it ({@code options.transform}, else
 *                    {@code options.postprocess}, the test's over {@code defaultTest}'s); null for none
 * @param transformVars what the vars go through before the prompt is rendered ({@code options.transformVars}, the
 *                    test's over {@code defaultTest}'s); null for none
 */
public record TestCase(String key, String description, Map<String, String> vars, List<AssertionSpec> assertions,
                       Double threshold, String cluster, Map<String, String> metadata, JudgeSpec judge,
                       String origin, Script transform, Script transformVars) {
    public TestCase {
        vars = java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(vars));
        assertions = List.copyOf(assertions);
        metadata = java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(metadata));
        judge = judge == null ? JudgeSpec.NONE : judge;
    }

    /** A case whose output goes to the assertions as the model wrote it. */
    public TestCase(String key, String description, Map<String, String> vars, List<AssertionSpec> assertions,
                    Double threshold, String cluster, Map<String, String> metadata, JudgeSpec judge, String origin) {
        this(key, description, vars, assertions, threshold, cluster, metadata, judge, origin, null, null);
    }

    /** The same case with the vars a {@code transformVars} gave, which it then no longer needs. */
    public TestCase withVars(Map<String, String> other) {
        return new TestCase(key, description, other, assertions, threshold, cluster, metadata, judge, origin, transform,
                null);
    }
}
