package dev.aiworkbench.eval.suite;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import dev.aiworkbench.diagnostics.SourcePosition;
import dev.aiworkbench.eval.assertions.AssertionSpec;
import dev.aiworkbench.eval.scripts.Script;

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
    /** Types a judge model grades. */
    private static final Set<String> JUDGED = Set.of("llm-rubric", "context-faithfulness", "context-recall",
            "context-relevance", "answer-relevance");
    /** Types an embedding model serves. */
    private static final Set<String> EMBEDDED = Set.of("similar", "answer-relevance");
    /** Types that need the user's question in the {@code query} var. */
    private static final Set<String> NEED_QUERY = Set.of("context-faithfulness", "context-relevance");
    /** Types that need a {@code context} var unless a contextTransform takes the context from the output. */
    private static final Set<String> NEED_CONTEXT = Set.of("context-faithfulness", "context-relevance");

    private final Problems problems;

    TestExpansion(Problems problems) {
        this.problems = problems;
    }

    /**
     * Merges {@code defaultTest} into each test as promptfoo does (vars: the test's over the default's;
     * assertions: the default's first; threshold, judge, disableVarExpansion, transform, postprocess and
     * transformVars: the test's, else the default's; metadata: merged), then expands each var that lists several values into one case per
     * combination, the first var varying slowest.
     */
    List<TestCase> expand(List<RawTest> tests, RawTest defaults) {
        RawTest base = defaults == null ? RawTest.EMPTY : defaults;
        List<TestCase> cases = new ArrayList<>();
        Map<String, String> firstAt = new HashMap<>();
        Map<String, Integer> counts = new HashMap<>();
        Set<String> judgeChecked = new HashSet<>();
        Set<String> inputsChecked = new HashSet<>();
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
            // promptfoo merges options key by key, the test's over the default's, then takes transform || postprocess
            Script transform = first(first(test.transform(), base.transform()), first(test.postprocess(),
                    base.postprocess()));
            Script transformVars = first(test.transformVars(), base.transformVars());
            checkJudge(asserts, judge, judgeChecked);
            String origin = test.at().file() + ":" + test.at().line();
            List<Map<String, String>> combinations = combinations(vars, expand);
            if (cases.size() + combinations.size() > MAX_CASES) {
                problems.error(test.at(), "the suite expands into more than " + MAX_CASES + " cases; split it");
                return cases;
            }
            for (Map<String, String> combination : combinations) {
                checkRagInputs(asserts, combination, test.at(), inputsChecked);
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
                        metadata, judge, origin, transform, transformVars));
            }
        }
        return cases;
    }

    private static Script first(Script preferred, Script otherwise) {
        return preferred != null ? preferred : otherwise;
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
            boolean text = JUDGED.contains(spec.type()) && !judge.hasText();
            boolean embedding = EMBEDDED.contains(spec.type()) && !judge.hasEmbedding();
            if ((text || embedding) && checked.add(spec.origin())) {
                String judgeModel = "set defaultTest.options.provider (or the test's options.provider) to an Ollama "
                        + "model, e.g. ollama:chat:qwen2.5:1.5b";
                String embedder = "set defaultTest.options.provider.embedding to one, e.g. "
                        + "ollama:embeddings:nomic-embed-text";
                problems.error(position(spec.origin()), spec.writtenType() + (text && embedding
                        ? " needs a judge model and an embedding model: give defaultTest.options.provider a text and "
                        + "an embedding provider, e.g. {text: ollama:chat:qwen2.5:1.5b, embedding: "
                        + "ollama:embeddings:nomic-embed-text}"
                        : text ? " needs a judge model: " + judgeModel : " needs an embedding model: " + embedder));
            }
        }
    }

    /**
     * promptfoo's RAG assertions read the question from the {@code query} var and the context from the
     * {@code context} var (or a contextTransform): a case without them could only error, so the suite does not
     * load. Each missing var is reported once per test and assertion.
     */
    private void checkRagInputs(List<AssertionSpec> asserts, Map<String, String> vars, SourcePosition test,
                                Set<String> checked) {
        for (AssertionSpec spec : asserts) {
            if (NEED_QUERY.contains(spec.type()) && blank(vars.get("query"))
                    && checked.add(test + "\u0000" + spec.origin() + "\u0000query")) {
                problems.error(test, spec.writtenType() + " (at " + spec.origin() + ") needs the user's question in a "
                        + "var named 'query'; add query: to this test's vars or to defaultTest.vars");
            }
            if (NEED_CONTEXT.contains(spec.type()) && spec.contextTransform() == null && blank(vars.get("context"))
                    && checked.add(test + "\u0000" + spec.origin() + "\u0000context")) {
                problems.error(test, spec.writtenType() + " (at " + spec.origin() + ") needs the retrieved context in a "
                        + "var named 'context'; add context: to this test's vars, or set contextTransform on the "
                        + "assertion to take it from the output");
            }
        }
    }

    private static boolean blank(String value) {
        return value == null || value.isBlank();
    }

    /** Reads back {@code file:line:col}. */
    private static SourcePosition position(String origin) {
        int second = origin.lastIndexOf(':');
        int first = origin.lastIndexOf(':', second - 1);
        return new SourcePosition(origin.substring(0, first), Integer.parseInt(origin.substring(first + 1, second)),
                Integer.parseInt(origin.substring(second + 1)));
    }
}
