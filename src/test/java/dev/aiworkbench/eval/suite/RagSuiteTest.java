package dev.aiworkbench.eval.suite;

import dev.aiworkbench.eval.assertions.AssertionSpec;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;

/** A promptfoo RAG suite, written as promptfoo's guide writes one, loads; what it lacks is named where it lacks it. */
class RagSuiteTest {
    @TempDir
    Path temp;

    /** The shape of promptfoo's context-based example (docs: model-graded metrics, "Context-based"). */
    static final String RAG_SUITE = """
            prompts:
              - |
                You are an internal corporate chatbot.
                Respond to this query: {{query}}
                Here is some context that you can use to write your response: {{context}}
            providers:
              - ollama:chat:qwen2.5:0.5b
            defaultTest:
              options:
                provider:
                  text: ollama:chat:qwen2.5:1.5b
                  embedding: ollama:embeddings:nomic-embed-text
            tests:
              - vars:
                  query: What is the max purchase that doesn't require approval?
                  context: file://docs/reimbursement.md
                assert:
                  - type: contains
                    value: '$500'
                  - type: answer-relevance
                    threshold: 0.9
                  - type: context-recall
                    threshold: 0.9
                    value: max purchase price without approval is $500. Talk to Fred before submitting anything.
                  - type: context-relevance
                    threshold: 0.9
                  - type: context-faithfulness
                    threshold: 0.9
                    metric: faithfulness
              - vars:
                  query: What is the return policy?
                assert:
                  - type: context-faithfulness
                    contextTransform: 'JSON.parse(output).sources.join(". ")'
                    threshold: 0.9
                  - type: not-context-relevance
                    contextTransform: output.sources
                    threshold: 0.2
            """;

    @Test
    void promptfoosRagExampleLoadsWithItsContextsThresholdsAndTransforms() {
        SuiteFixture f = new SuiteFixture(temp);
        f.write("docs/reimbursement.md", "Maximum purchase without approval: $500\nAbove that, ask your manager.\n");

        SuiteLoadResult result = f.load("promptfooconfig.yaml", RAG_SUITE);

        assertThat(SuiteFixture.lines(result)).isEmpty();
        EvalSuite suite = result.suite().orElseThrow();
        TestCase policy = suite.tests().get(0);
        assertThat(policy.vars().get("context")).startsWith("Maximum purchase without approval: $500");
        assertThat(policy.assertions()).extracting(AssertionSpec::type).containsExactly("contains", "answer-relevance",
                "context-recall", "context-relevance", "context-faithfulness");
        AssertionSpec recall = policy.assertions().get(2);
        assertThat(recall.value().asText()).startsWith("max purchase price without approval is $500.");
        assertThat(recall.threshold()).isEqualTo(0.9);
        assertThat(policy.assertions().get(4).metric()).isEqualTo("faithfulness");
        assertThat(policy.judge().text().model()).isEqualTo("qwen2.5:1.5b");
        assertThat(policy.judge().embedding().model()).isEqualTo("nomic-embed-text");
        TestCase returns = suite.tests().get(1);
        assertThat(returns.assertions()).extracting(AssertionSpec::writtenType, AssertionSpec::contextTransform)
                .containsExactly(org.assertj.core.groups.Tuple.tuple("context-faithfulness",
                                "JSON.parse(output).sources.join(\". \")"),
                        org.assertj.core.groups.Tuple.tuple("not-context-relevance", "output.sources"));
    }

    @Test
    void aTestWithoutTheQueryOrContextItsAssertionsReadIsAnErrorNamingTheVar() {
        SuiteFixture f = new SuiteFixture(temp);
        SuiteLoadResult result = f.load("suite.yaml", """
                prompts: "Answer: {{question}}"
                providers: ollama:chat:qwen2.5:0.5b
                defaultTest:
                  options: {provider: ollama:chat:qwen2.5:1.5b}
                  assert:
                    - type: context-faithfulness
                tests:
                  - vars: {question: 'What broke?', query: 'What broke?'}
                  - vars: {question: 'Why?', context: The disk is full.}
                    assert:
                      - type: context-recall
                        value: the disk is full
                """);

        String faithfulness = f.at("suite.yaml", "- |type: context-faithfulness");
        assertThat(SuiteFixture.lines(result)).containsExactly(
                f.at("suite.yaml", "- |vars: {question: 'What broke?'") + ": context-faithfulness (at " + faithfulness
                        + ") needs the retrieved context in a var named 'context'; add context: to this test's vars, "
                        + "or set contextTransform on the assertion to take it from the output",
                f.at("suite.yaml", "- |vars: {question: 'Why?'") + ": context-faithfulness (at " + faithfulness
                        + ") needs the user's question in a var named 'query'; add query: to this test's vars or to "
                        + "defaultTest.vars");
        assertThat(result.valid()).isFalse();
    }

    @Test
    void writtenWrongTheRagAssertionsSayWhatIsWrongWhereItIs() {
        SuiteFixture f = new SuiteFixture(temp);
        SuiteLoadResult result = f.load("suite.yaml", """
                prompts: "Answer: {{query}}"
                providers: ollama:chat:qwen2.5:0.5b
                defaultTest:
                  options: {provider: ollama:chat:qwen2.5:1.5b}
                tests:
                  - vars: {query: 'What broke?', context: The disk is full.}
                    assert:
                      - type: context-recall
                        threshold: 0.5
                      - type: context-relevance
                        threshold: 30
                      - type: context-faithfulness
                        contextTransform: output.docs.map(d => d.text
                      - type: contains
                        value: disk
                        contextTransform: output.context
                      - type: context-relevance
                        value: ignored
                """);

        assertThat(SuiteFixture.lines(result)).containsExactly(
                f.at("suite.yaml", "- |type: context-recall") + ": tests[0].assert[0].value: context-recall needs a "
                        + "value: the ground truth the retrieved context should contain",
                f.at("suite.yaml", "|30") + ": tests[0].assert[1].threshold: context-relevance's threshold is a score "
                        + "from 0 to 1, found 30",
                f.at("suite.yaml", "|output.docs.map") + ": tests[0].assert[2].contextTransform: the JavaScript "
                        + "does not compile: missing ) after argument list" + ScriptReader.JAVASCRIPT_LIMITS,
                f.at("suite.yaml", "|output.context") + ": warning: tests[0].assert[3].contextTransform: only "
                        + "context-faithfulness, context-recall and context-relevance read a contextTransform; contains "
                        + "ignores it",
                f.at("suite.yaml", "|ignored") + ": warning: tests[0].assert[4].value: context-relevance takes no value "
                        + "and this one is ignored; it reads the query and context from the test's vars");
    }

    @Test
    void answerRelevanceAlsoNeedsAnEmbeddingModel() {
        SuiteFixture f = new SuiteFixture(temp);
        SuiteLoadResult result = f.load("suite.yaml", """
                prompts: "Answer: {{query}}"
                providers: ollama:chat:qwen2.5:0.5b
                defaultTest:
                  options: {provider: ollama:chat:qwen2.5:1.5b}
                tests:
                  - vars: {query: 'What broke?'}
                    assert:
                      - type: answer-relevance
                """);

        assertThat(SuiteFixture.lines(result)).containsExactly(f.at("suite.yaml", "- |type: answer-relevance")
                + ": answer-relevance needs an embedding model: set defaultTest.options.provider.embedding to one, e.g. "
                + "ollama:embeddings:nomic-embed-text");
    }

    @Test
    void withoutAnyJudgeARagAssertionAsksForOne() {
        SuiteFixture f = new SuiteFixture(temp);
        SuiteLoadResult result = f.load("suite.yaml", """
                prompts: "Answer: {{query}}"
                providers: ollama:chat:qwen2.5:0.5b
                tests:
                  - vars: {query: 'What broke?', context: The disk is full.}
                    assert:
                      - type: context-relevance
                      - type: answer-relevance
                """);

        assertThat(SuiteFixture.lines(result)).containsExactly(
                f.at("suite.yaml", "- |type: context-relevance") + ": context-relevance needs a judge model: set "
                        + "defaultTest.options.provider (or the test's options.provider) to an Ollama model, e.g. "
                        + "ollama:chat:qwen2.5:1.5b",
                f.at("suite.yaml", "- |type: answer-relevance") + ": answer-relevance needs a judge model and an "
                        + "embedding model: give defaultTest.options.provider a text and an embedding provider, e.g. "
                        + "{text: ollama:chat:qwen2.5:1.5b, embedding: ollama:embeddings:nomic-embed-text}");
    }
}
