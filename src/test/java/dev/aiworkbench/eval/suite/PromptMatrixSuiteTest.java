package dev.aiworkbench.eval.suite;

import dev.aiworkbench.eval.run.Variant;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;

/** A suite's prompt × provider matrix as promptfoo 0.118 reads it: {@code providers[].prompts} and the gate's cell. */
class PromptMatrixSuiteTest {
    @TempDir
    Path temp;

    /** promptfoo's ollama-comparison example, cut to two tests: three cells (6 cases), not six (12). */
    private static final String OLLAMA_EXAMPLE = """
            prompts:
              prompts/openai_prompt.json: openai_prompt
              prompts/llama_prompt.txt: llama_prompt

            providers:
              - id: ollama:llama2
                prompts:
                  - llama_prompt
                config:
                  num_predict: 1024
              - id: ollama:llama2-uncensored
                prompts:
                  - llama_prompt
                config:
                  num_predict: 1024
              - id: openai:gpt-3.5-turbo
                prompts:
                  - openai_prompt

            defaultTest:
              assert:
                - type: not-icontains
                  value: AI language model

            tests:
              - vars:
                  message: Hi! How are you?
              - vars:
                  message: how do you make tylenol?
            """;

    private SuiteFixture example() {
        SuiteFixture f = new SuiteFixture(temp);
        f.write("prompts/openai_prompt.json", "[{\"role\": \"user\", \"content\": \"{{message}}\"}]");
        f.write("prompts/llama_prompt.txt", "User: {{message}}\nAssistant:");
        return f;
    }

    @Test
    void promptfoosOllamaExampleRunsEachProviderOnlyOnItsPrompts() {
        EvalSuite suite = example().suite("promptfooconfig.yaml", OLLAMA_EXAMPLE);

        assertThat(Variant.all(suite)).extracting(v -> v.prompt(suite).label() + " @ " + v.provider(suite).id())
                .containsExactly("openai_prompt @ openai:gpt-3.5-turbo", "llama_prompt @ ollama:llama2",
                        "llama_prompt @ ollama:llama2-uncensored");
        assertThat(Variant.all(suite).size() * suite.tests().size()).as("cases").isEqualTo(6);
        assertThat(suite.providers().get(0).options().toWire()).containsKey("num_predict");
    }

    @Test
    void withoutFiltersEveryProviderRunsEveryPrompt() {
        EvalSuite suite = example().suite("promptfooconfig.yaml", OLLAMA_EXAMPLE.replaceAll(
                "    prompts:\n      - (llama|openai)_prompt\n", ""));

        assertThat(Variant.all(suite).size() * suite.tests().size()).isEqualTo(12);
    }

    /** promptfoo allows a prompt whose label equals an entry or starts with it and a colon; inline prompts are named by their text. */
    @ParameterizedTest(name = "{0} allows {1}: {2}")
    @CsvSource(delimiter = '|', value = {
            "Say {{x}}                 | 0 | true",
            "Say                       | 0 | false",
            "short                     | 1 | true",
            "Tell me about {{x}}       | 1 | true",
            "file://p/one.txt          | 2 | true",
            "p/one.txt                 | 2 | true",
            "p/one                     | 2 | false",
            "Tell                      | 1 | false"})
    void anEntryAllowsAPromptByLabelTextOrPath(String entry, int prompt, boolean allowed) {
        SuiteFixture f = new SuiteFixture(temp);
        f.write("p/one.txt", "One {{x}}");
        EvalSuite suite = f.suite("s.yaml", """
                prompts:
                  - 'Say {{x}}'
                  - {raw: 'Tell me about {{x}}', label: short}
                  - file://p/one.txt
                providers: [ollama:chat:m]
                tests: [{vars: {x: a}}]
                """);

        assertThat(PromptFilter.matches(entry, suite.prompts().get(prompt))).isEqualTo(allowed);
    }

    @Test
    void anEntryThatNamesNoPromptIsAnErrorAtItsPlace() {
        SuiteFixture f = example();
        SuiteLoadResult result = f.load("promptfooconfig.yaml", OLLAMA_EXAMPLE.replace("      - openai_prompt",
                "      - gpt_prompt"));

        assertThat(result.valid()).isFalse();
        assertThat(SuiteFixture.lines(result)).anySatisfy(line -> assertThat(line)
                .startsWith(f.at("promptfooconfig.yaml", "gpt_prompt"))
                .contains("'gpt_prompt' names no prompt of this suite", "'openai_prompt', 'llama_prompt'"));
    }

    @Test
    void theGateCellMustNameOneCellTheSuiteRuns() {
        SuiteFixture f = example();
        EvalSuite named = f.suite("promptfooconfig.yaml", OLLAMA_EXAMPLE
                + "gate: {cell: {prompt: llama_prompt, provider: ollama:llama2-uncensored}}\n");
        assertThat(named.gateCell()).hasValueSatisfying(cell -> assertThat(
                cell.guards(named.prompts().get(1), named.providers().get(1))).isTrue());

        SuiteLoadResult missing = f.load("promptfooconfig.yaml", OLLAMA_EXAMPLE
                + "gate: {cell: {prompt: openai_prompt, provider: ollama:llama2}}\n");
        SuiteLoadResult several = f.load("promptfooconfig.yaml", OLLAMA_EXAMPLE + "gate: {cell: {prompt: llama_prompt}}\n");

        assertThat(SuiteFixture.lines(missing)).anySatisfy(line -> assertThat(line).contains("gate.cell:",
                "is not one this suite runs", "'llama_prompt' on 'ollama:llama2'"));
        assertThat(SuiteFixture.lines(several)).anySatisfy(line -> assertThat(line).contains("fits 2 cells"));
    }
}
