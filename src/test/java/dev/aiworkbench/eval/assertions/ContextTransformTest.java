package dev.aiworkbench.eval.assertions;

import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The contextTransform paths this runner evaluates, and the JavaScript it refuses. */
class ContextTransformTest {
    private static final String OUTPUT = "{\"answer\": \"Paris\", \"context\": \"Paris is the capital.\", "
            + "\"docs\": [{\"text\": \"one\"}, {\"text\": \"two\"}], \"chunks\": [\"a\", \"b\"], \"n\": 3}";

    private static RetrievedContext apply(String expression, String output) {
        return ContextTransform.parse(expression).apply(output, Map.of("context", "from vars", "query", "q"));
    }

    @Test
    void pathsReadTextsAndListsOfTexts() {
        assertThat(apply("output.context", OUTPUT)).isEqualTo(RetrievedContext.of("Paris is the capital."));
        assertThat(apply("output?.context", OUTPUT)).isEqualTo(RetrievedContext.of("Paris is the capital."));
        assertThat(apply("JSON.parse(output)['context']", OUTPUT)).isEqualTo(RetrievedContext.of("Paris is the capital."));
        assertThat(apply("output.docs[1].text", OUTPUT)).isEqualTo(RetrievedContext.of("two"));
        assertThat(apply("output.chunks", OUTPUT)).isEqualTo(RetrievedContext.chunks(List.of("a", "b")));
        assertThat(apply("output.chunks.join('\\n')", OUTPUT)).isEqualTo(RetrievedContext.of("a\nb"));
        assertThat(apply("output[\"chunks\"].join(\", \")", OUTPUT)).isEqualTo(RetrievedContext.of("a, b"));
        assertThat(apply("context.vars.context", OUTPUT)).isEqualTo(RetrievedContext.of("from vars"));
    }

    @Test
    void aTextOutputIsTheContextItselfUnlessItMustBeJson() {
        assertThat(apply("output", "Paris is the capital.")).isEqualTo(RetrievedContext.of("Paris is the capital."));
        assertThatThrownBy(() -> apply("JSON.parse(output).context", "Paris is the capital."))
                .isInstanceOf(InvalidAssertionException.class)
                .hasMessageStartingWith("The contextTransform 'JSON.parse(output).context' parses the output as JSON, "
                        + "but it is not JSON");
    }

    @Test
    void whatIsNotTextOrAListOfTextsIsRefusedWithWhatWasFound() {
        assertThatThrownBy(() -> apply("output.n", OUTPUT)).hasMessage("The contextTransform 'output.n' gave the "
                + "number 3, but the context must be text or a list of texts");
        assertThatThrownBy(() -> apply("output.docs", OUTPUT)).hasMessageContaining("found an object in the list");
        assertThatThrownBy(() -> apply("output.missing.text", OUTPUT)).hasMessageStartingWith("The contextTransform "
                + "'output.missing.text' found nothing at 'missing' in the output");
        assertThatThrownBy(() -> apply("output.answer.join(',')", OUTPUT)).hasMessageContaining("would join a list, but "
                + "found text");
    }

    @Test
    void javaScriptBeyondAPathIsRefusedWhenParsed() {
        for (String expression : List.of("output.docs.map(d => d.text).join('\\n')", "output.context ?? 'none'",
                "JSON.stringify(output)", "outputs.context", "output.", "output[x]", "output.chunks.join(',') + 'x'",
                "output['open", "")) {
            assertThatThrownBy(() -> ContextTransform.parse(expression)).as(expression)
                    .isInstanceOf(InvalidAssertionException.class)
                    .hasMessageContaining("it reads a path: output, JSON.parse(output) or context.vars");
        }
    }
}
