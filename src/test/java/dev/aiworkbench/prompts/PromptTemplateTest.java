package dev.aiworkbench.prompts;

import org.junit.jupiter.api.Test;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Slots, variables, escapes and rendering of {@code {{variable}}} templates. */
class PromptTemplateTest {

    private static Map<String, String> values(String... pairs) {
        Map<String, String> values = new LinkedHashMap<>();
        for (int i = 0; i < pairs.length; i += 2) {
            values.put(pairs[i], pairs[i + 1]);
        }
        return values;
    }

    @Test
    void variablesAreListedInFirstAppearanceOrderWithoutDuplicates() {
        PromptTemplate template = PromptTemplate.parse("{{tone}} summary of {{topic}} for {{ audience }}, "
                + "again {{topic}} in a {{tone}} voice");

        assertThat(template.variables()).containsExactly("tone", "topic", "audience");
        assertThat(template.slots()).extracting(TemplateSlot::name)
                .containsExactly("tone", "topic", "audience", "topic", "tone");
        assertThat(template.problems()).isEmpty();
    }

    @Test
    void slotOffsetsCoverTheBracesAndTheSpacesInside() {
        String text = "Hi {{ name }}!\n{{x}}";
        PromptTemplate template = PromptTemplate.parse(text);

        assertThat(template.slots()).containsExactly(new TemplateSlot("name", 3, 13), new TemplateSlot("x", 15, 20));
        assertThat(text.substring(3, 13)).isEqualTo("{{ name }}");
        assertThat(text.substring(15, 20)).isEqualTo("{{x}}");
    }

    @Test
    void namesMayUseLettersDigitsUnderscoreDotAndHyphenAfterALetterOrUnderscore() {
        PromptTemplate template = PromptTemplate.parse("{{_a}} {{user.name}} {{top-k}} {{A9}} {{\tpad\t}}");

        assertThat(template.variables()).containsExactly("_a", "user.name", "top-k", "A9", "pad");
        assertThat(template.problems()).isEmpty();
    }

    @Test
    void renderFillsEverySlotIncludingRepeats() {
        PromptTemplate template = PromptTemplate.parse("Write about {{topic}}. Again: {{ topic }}; tone {{tone}}.");

        assertThat(template.render(values("topic", "SLOs", "tone", "dry")))
                .isEqualTo("Write about SLOs. Again: SLOs; tone dry.");
    }

    @Test
    void anEmptyStringIsAValueAndValuesAreNotExpandedAgain() {
        PromptTemplate template = PromptTemplate.parse("[{{a}}][{{b}}]");

        assertThat(template.render(values("a", "", "b", "{{a}}"))).isEqualTo("[][{{a}}]");
    }

    @Test
    void aTemplateWithoutSlotsRendersAsItIs() {
        PromptTemplate template = PromptTemplate.parse("Just text } and { and }} here");

        assertThat(template.variables()).isEmpty();
        assertThat(template.render(Map.of())).isEqualTo("Just text } and { and }} here");
    }

    @Test
    void aMissingValueIsRefusedNamingTheVariable() {
        PromptTemplate template = PromptTemplate.parse("Explain {{topic}} to a {{audience}}");

        assertThatThrownBy(() -> template.render(values("audience", "SRE")))
                .isInstanceOfSatisfying(TemplateException.class, e -> {
                    assertThat(e).hasMessage("the template uses {{topic}} but no value was given");
                    assertThat(e.missing()).containsExactly("topic");
                    assertThat(e.unknown()).isEmpty();
                });
    }

    @Test
    void aNullValueCountsAsMissingAndSeveralAreNamedTogether() {
        PromptTemplate template = PromptTemplate.parse("{{a}} {{b}} {{c}}");
        Map<String, String> values = values("b", "x");
        values.put("a", null);

        assertThatThrownBy(() -> template.render(values)).isInstanceOfSatisfying(TemplateException.class, e -> {
            assertThat(e).hasMessage("the template uses {{a}} and {{c}} but no value was given for them");
            assertThat(e.missing()).containsExactly("a", "c");
        });
    }

    @Test
    void aValueForANameTheTemplateDoesNotUseIsRefusedWithASuggestion() {
        PromptTemplate template = PromptTemplate.parse("Explain {{topic}} in a {{tone}} tone");

        assertThatThrownBy(() -> template.render(values("topic", "x", "tone", "calm", "topc", "y")))
                .isInstanceOfSatisfying(TemplateException.class, e -> {
                    assertThat(e.unknown()).containsExactly("topc");
                    assertThat(e.missing()).isEmpty();
                    assertThat(e).hasMessage("there is no {{topc}} in the template (its variables are {{topic}} and "
                            + "{{tone}}); did you mean {{topic}}?");
                });
    }

    @Test
    void missingAndUnknownAreReportedTogether() {
        PromptTemplate template = PromptTemplate.parse("{{topic}}");

        assertThatThrownBy(() -> template.render(values("subject", "x")))
                .isInstanceOfSatisfying(TemplateException.class, e -> {
                    assertThat(e.missing()).containsExactly("topic");
                    assertThat(e.unknown()).containsExactly("subject");
                    assertThat(e.getMessage()).startsWith("the template uses {{topic}} but no value was given; "
                            + "there is no {{subject}} in the template");
                });
    }

    @Test
    void aTemplateWithNoVariablesSaysSoWhenGivenOne() {
        assertThatThrownBy(() -> PromptTemplate.parse("plain").render(values("x", "1")))
                .hasMessage("there is no {{x}} in the template (it has no variables)");
    }

    @Test
    void aBackslashMakesTheBracesLiteral() {
        PromptTemplate template = PromptTemplate.parse("Use \\{{name}} for {{what}}");

        assertThat(template.variables()).containsExactly("what");
        assertThat(template.slots()).containsExactly(new TemplateSlot("what", 18, 26));
        assertThat(template.render(values("what", "slots"))).isEqualTo("Use {{name}} for slots");
    }

    @Test
    void backslashesBeforeBracesPairUpAndOthersStayAsTheyAre() {
        PromptTemplate template = PromptTemplate.parse("C:\\dir\\\\{{a}} \\\\\\{{b}} \\n");

        // two backslashes before {{a}} are one literal backslash and a slot; three before {{b}} are one
        // literal backslash and literal braces
        assertThat(template.variables()).containsExactly("a");
        assertThat(template.render(values("a", "x"))).isEqualTo("C:\\dir\\x \\{{b}} \\n");
    }

    @Test
    void escapeTurnsAnyTextIntoATemplateThatRendersBackToIt() {
        for (String literal : List.of("{{x}}", "\\{{x}}", "a\\\\{{{{b}}}}\\", "no braces \\ here", "{{", "\\")) {
            PromptTemplate template = PromptTemplate.parse(PromptTemplate.escape(literal));
            assertThat(template.variables()).as(literal).isEmpty();
            assertThat(template.problems()).as(literal).isEmpty();
            assertThat(template.render(Map.of())).as(literal).isEqualTo(literal);
        }
    }

    @Test
    void braceLookalikesAreProblemsWithTheirPlaceAndRenderingRefusesThem() {
        PromptTemplate template = PromptTemplate.parse("ok {{a}}\n  {{my topic}} {{}} {{9x}}\nend {{open");

        assertThat(template.variables()).containsExactly("a");
        assertThat(template.problems()).extracting(TemplateProblem::line, TemplateProblem::column)
                .containsExactly(org.assertj.core.groups.Tuple.tuple(2, 3), org.assertj.core.groups.Tuple.tuple(2, 16),
                        org.assertj.core.groups.Tuple.tuple(2, 21), org.assertj.core.groups.Tuple.tuple(3, 5));
        assertThat(template.problems().get(0).message()).startsWith("{{my topic}} is not a variable")
                .endsWith("write \\{{ for literal braces");
        assertThat(template.problems().get(1).message()).startsWith("{{}} has no variable name");
        assertThat(template.problems().get(3).message()).startsWith("{{ is never closed");
        assertThat(template.problems().get(0)).extracting(TemplateProblem::start, TemplateProblem::end)
                .containsExactly(11, 23);

        assertThatThrownBy(() -> template.render(values("a", "1"))).isInstanceOfSatisfying(TemplateException.class,
                e -> {
                    assertThat(e.problems()).hasSize(4);
                    assertThat(e.getMessage()).startsWith("the template has a slot that is not a variable at line 2, "
                            + "column 3: {{my topic}}").endsWith("(and 3 more like it)");
                });
    }

    @Test
    void anUnclosedOpeningDoesNotSwallowTheNextSlot() {
        PromptTemplate template = PromptTemplate.parse("{{ oops {{name}}");

        assertThat(template.variables()).containsExactly("name");
        assertThat(template.problems()).singleElement().extracting(TemplateProblem::start).isEqualTo(0);
    }

    @Test
    void parsingIsLinearAndFastEnoughForEveryKeystroke() {
        StringBuilder big = new StringBuilder();
        for (int i = 0; i < 20_000; i++) {
            big.append("line ").append(i).append(" about {{ topic").append(i % 50).append(" }} and \\{{not}} {\n");
        }
        String text = big.toString();
        for (int i = 0; i < 5; i++) {
            PromptTemplate.parse(text); // warm up the JIT
        }
        long start = System.nanoTime();
        PromptTemplate template = PromptTemplate.parse(text);
        long millis = (System.nanoTime() - start) / 1_000_000;

        assertThat(template.slots()).hasSize(20_000);
        assertThat(template.variables()).hasSize(50);
        // ~1 MB of template with 20,000 slots; a typical prompt is a thousand times smaller
        assertThat(millis).as("parse time in ms for %d chars", text.length()).isLessThan(250);
    }
}
