package dev.aiworkbench.eval.suite;

import dev.aiworkbench.eval.run.Variant;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * An inline prompt without a label is labelled by its whole raw text, as promptfoo 0.118's processString does
 * ({@code label: prompt.label ?? `${prompt.raw}`}): not shortened, its line breaks and spaces kept.
 */
class InlinePromptLabelTest {
    @TempDir
    Path temp;

    @Test
    void anUnlabelledInlinePromptIsLabelledByItsWholeText() {
        String longer = "You are the on-call assistant for a platform team; answer the page below in one line: {{x}}";
        EvalSuite suite = new SuiteFixture(temp).suite("s.yaml", """
                prompts:
                  - '%s'
                  - |
                    Triage:  {{x}}
                    Severity?
                  - {raw: 'Say {{x}}', label: short}
                providers:
                  - ollama:chat:m
                  - id: ollama:chat:n
                    prompts: ['%s']
                tests: [{vars: {x: a}}]
                """.formatted(longer, longer));

        assertThat(suite.prompts()).extracting(PromptSource::label)
                .containsExactly(longer, "Triage:  {{x}}\nSeverity?\n", "short");
        assertThat(Variant.all(suite)).extracting(v -> v.prompt(suite).label() + " @ " + v.provider(suite).id())
                .as("a provider's prompts entry names the long prompt by its whole text, as promptfoo's does")
                .containsExactly(longer + " @ ollama:chat:m", longer + " @ ollama:chat:n",
                        "Triage:  {{x}}\nSeverity?\n @ ollama:chat:m", "short @ ollama:chat:m");
    }
}
