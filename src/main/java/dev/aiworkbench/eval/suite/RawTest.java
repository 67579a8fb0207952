package dev.aiworkbench.eval.suite;

import dev.aiworkbench.diagnostics.SourcePosition;
import dev.aiworkbench.eval.assertions.AssertionSpec;
import dev.aiworkbench.eval.scripts.Script;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A test or {@code defaultTest} as written, before merging and var expansion.
 *
 * @param judge               null when the test sets no {@code options.provider}
 * @param disableVarExpansion null when unset
 * @param transform           {@code options.transform}; null when unset
 * @param postprocess         {@code options.postprocess}, promptfoo's older name, used when no transform is set;
 *                            null when unset
 * @param transformVars       {@code options.transformVars}; null when unset
 */
record RawTest(String description, LinkedHashMap<String, RawVar> vars, List<AssertionSpec> assertions,
               Double threshold, String cluster, Map<String, String> metadata, JudgeSpec judge,
               Boolean disableVarExpansion, Script transform, Script postprocess, Script transformVars,
               SourcePosition at) {

    static final RawTest EMPTY = new RawTest(null, new LinkedHashMap<>(), List.of(), null, null, Map.of(), null, null,
            null, null, null, null);

    /** A var's value: one text, or a list of texts that expands into one case per value. */
    sealed interface RawVar {
        record One(String value) implements RawVar {
        }

        record Many(List<String> values) implements RawVar {
        }
    }
}
