package dev.aiworkbench.prompts;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Prompt names and {@code name@version} references as the learner types them. */
class PromptRefTest {
    @Test
    void validNamesUseLowercaseLettersDigitsHyphensAndDots() {
        for (String name : new String[] {"summarise", "triage-v2", "rag.answer", "a", "9lives", "x".repeat(64)}) {
            assertThat(PromptNames.isValid(name)).as(name).isTrue();
            assertThat(PromptNames.check(name)).isEqualTo(name);
        }
    }

    @Test
    void invalidNamesAreRefusedWithTheReasonAndASuggestion() {
        assertThatThrownBy(() -> PromptNames.check("Summarise"))
                .hasMessage("'Summarise' cannot be a prompt name: it has an uppercase letter, and names use lowercase "
                        + "letters, digits, hyphens and dots (try 'summarise')");
        assertThatThrownBy(() -> PromptNames.check("my prompt"))
                .hasMessageContaining("it has ' '").hasMessageEndingWith("(try 'my-prompt')");
        assertThatThrownBy(() -> PromptNames.check("a_b")).hasMessageContaining("it has '_'");
        assertThatThrownBy(() -> PromptNames.check("x@1")).hasMessageContaining("it has '@'");
        assertThatThrownBy(() -> PromptNames.check("-lead")).hasMessageContaining("start and end with a letter or digit");
        assertThatThrownBy(() -> PromptNames.check("trail.")).hasMessageContaining("start and end with a letter or digit");
        assertThatThrownBy(() -> PromptNames.check("")).hasMessageContaining("a prompt needs a name");
        assertThatThrownBy(() -> PromptNames.check("x".repeat(65))).hasMessageContaining("at most 64");
    }

    @Test
    void aReferenceIsANameOrANameAtAVersion() {
        assertThat(PromptRef.parse("summarise")).isEqualTo(PromptRef.latest("summarise"));
        assertThat(PromptRef.parse(" summarise@12 ")).isEqualTo(PromptRef.of("summarise", 12));
        assertThat(PromptRef.parse("rag.answer@3").toString()).isEqualTo("rag.answer@3");
        assertThat(PromptRef.latest("x").isLatest()).isTrue();
    }

    @Test
    void aBadVersionIsRefusedWithAnExample() {
        assertThatThrownBy(() -> PromptRef.parse("summarise@latest"))
                .hasMessage("'summarise@latest' is not name@version: the version is a number, for example summarise@1");
        assertThatThrownBy(() -> PromptRef.parse("summarise@")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> PromptRef.parse("summarise@0")).hasMessageContaining("versions count from 1");
        assertThatThrownBy(() -> PromptRef.parse("Bad@1")).hasMessageContaining("cannot be a prompt name");
        assertThatThrownBy(() -> PromptRef.parse(" ")).hasMessageContaining("name@version");
    }
}
