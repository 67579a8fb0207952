package dev.aiworkbench.eval.suite;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import dev.aiworkbench.diagnostics.SourcePosition;
import dev.aiworkbench.eval.assertions.AssertionSpec;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** Turns the tests as written into the cases a run executes, as promptfoo does. */
final class TestExpansion {
    static final int MAX_CASES = 100_000;

    private final Problems problems;

    TestExpansion(Problems problems) {
        this.problems = problems;
    }

    /**
     * Merges {@code defaultTest} into each test as promptfoo does (vars: the test's over the default's;
     * assertions: the default's first; threshold, judge and disableVarExpansion: the test's, else the
     * default's; metadata: merged), then expands each var that lists several values into one case per
     * combination, the first var varying slowest.
     */
    List<TestCase> expand(List<RawTest> tests, RawTest defaults) {
        RawTest base = defaults == null ? RawTest.EMPTY : defaults;
        List<TestCase> cases = new ArrayList<>();
        Map<String, String> firstAt = new HashMap<>();
        Map<String, Integer> counts = new HashMap<>();
        Set<String> judgeChecked = new HashSet<>();
        for (RawTest test : tests) {
            LinkedHashMap<String, RawTest.RawVar> vars = new LinkedHashMap<>(base.vars());
            vars.putAll(test.vars());
            List<AssertionSpec> asserts = new ArrayList<>(base.assertions());
            asserts.addAll(test.assertions());
            Double threshold = test.threshold() != null ? test.threshold() : base.threshold();
            JudgeSpec judge = test.judge() != null ? test.judge() : base.judge() != null ? base.judge() : JudgeSpec.NONE;
            Map<String, String> metadata = new LinkedHashMap<>(base.metadata());
            metadata.putAll(test.metadata());
            boolean expand = !Boolean.TRUE.equals(test.disableVarExpansion() != null ? test.disableVarExpansion()
                    : base.disableVarExpansion());
            checkJudge(asserts, judge, judgeChecked);
            String origin = test.at().file() + ":" + test.at().line();
            List<Map<String, String>> combinations = combinations(vars, expand);
            if (cases.size() + combinations.size() > MAX_CASES) {
                problems.error(test.at(), "the suite expands into more than " + MAX_CASES + " cases; split it");
                return cases;
            }
            for (Map<String, String> combination : combinations) {
                String key = ItemKeys.of(test.description(), combination);
                int count = counts.merge(key, 1, Integer::sum);
                if (count > 1) {
                    problems.warning(test.at(), "a test with the same description and vars comes earlier (at "
                            + firstAt.get(key) + "); both run, and this one's item key gets the suffix ~" + count);
                    key = key + "~" + count;
                } else {
                    firstAt.put(key, origin);
                }
                cases.add(new TestCase(key, test.description(), combination, asserts, threshold, test.cluster(),
                        metadata, judge, origin));
            }
        }
        return cases;
    }

    private static List<Map<String, String>> combinations(LinkedHashMap<String, RawTest.RawVar> vars, boolean expand) {
        List<Map<String, String>> combinations = new ArrayList<>();
        combinations.add(new LinkedHashMap<>());
        for (Map.Entry<String, RawTest.RawVar> var : vars.entrySet()) {
            List<String> values = switch (var.getValue()) {
                case RawTest.RawVar.One one -> List.of(one.value());
                case RawTest.RawVar.Many many -> expand ? many.values() : List.of(asJson(many.values()));
            };
            List<Map<String, String>> next = new ArrayList<>();
            for (Map<String, String> combination : combinations) {
                for (String value : values) {
                    Map<String, String> grown = new LinkedHashMap<>(combination);
                    grown.put(var.getKey(), value);
                    next.add(grown);
                    if (next.size() > MAX_CASES) {
                        return next;
                    }
                }
            }
            combinations = next;
        }
        return combinations;
    }

    private static String asJson(List<String> values) {
        ArrayNode array = JsonNodeFactory.instance.arrayNode();
        values.forEach(array::add);
        return Checks.json(array);
    }

    /** Model-graded assertions need a judge; each such assertion is reported once, where it is written. */
    private void checkJudge(List<AssertionSpec> asserts, JudgeSpec judge, Set<String> checked) {
        for (AssertionSpec spec : asserts) {
            boolean rubric = spec.type().equals("llm-rubric") && !judge.hasText();
            boolean similar = spec.type().equals("similar") && !judge.hasEmbedding();
            if ((rubric || similar) && checked.add(spec.origin())) {
                problems.error(position(spec.origin()), rubric
                        ? spec.writtenType() + " needs a judge model: set defaultTest.options.provider (or the test's "
                        + "options.provider) to an Ollama model, e.g. ollama:chat:qwen2.5:1.5b"
                        : spec.writtenType() + " needs an embedding model: set defaultTest.options.provider.embedding "
                        + "to one, e.g. ollama:embeddings:nomic-embed-text");
            }
        }
    }

    /** Reads back {@code file:line:col}. */
    private static SourcePosition position(String origin) {
        int second = origin.lastIndexOf(':');
        int first = origin.lastIndexOf(':', second - 1);
        return new SourcePosition(origin.substring(0, first), Integer.parseInt(origin.substring(first + 1, second)),
                Integer.parseInt(origin.substring(second + 1)));
    }
}
