package dev.aiworkbench.eval.assertions;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Where promptfoo's RAG assertions find their inputs in a case: the question in the {@code query} var, the
 * retrieved context in the {@code context} var or through {@code contextTransform}. A missing input is an
 * {@link InvalidAssertionException} that names the var to add.
 */
final class RagInputs {
    static final String QUERY_VAR = "query";
    static final String CONTEXT_VAR = "context";

    private RagInputs() {
    }

    /** The {@code query} var; its absence is an error naming it. */
    static String query(AssertionSpec spec, CaseOutput output) {
        String query = output.vars().get(QUERY_VAR);
        if (query == null || query.isBlank()) {
            throw new InvalidAssertionException("The " + spec.writtenType() + " assertion needs the user's question in a "
                    + "var named '"
                    + QUERY_VAR + "'; add " + QUERY_VAR + ": to the test's vars");
        }
        return query;
    }

    /**
     * The context: what {@code contextTransform} takes from the output when the assertion has one, else the
     * {@code context} var, else the fallback (context-recall falls back to the prompt, as in promptfoo).
     */
    static RetrievedContext context(AssertionSpec spec, CaseOutput output, GradingContext grading,
                                    Optional<String> fallback) {
        RetrievedContext context;
        if (spec.contextTransform() != null) {
            context = spec.contextScript() != null ? AssertionTransforms.context(spec, output, grading.scripts())
                    : ContextTransform.parse(spec.contextTransform()).apply(output.modelText(), output.vars());
            if (context.isEmpty()) {
                throw new InvalidAssertionException("The contextTransform '" + spec.contextTransform() + "' gave an empty "
                        + "context; " + spec.writtenType() + " needs the text the answer was based on");
            }
            return context;
        }
        String var = output.vars().get(CONTEXT_VAR);
        if (var != null && !var.isBlank()) {
            context = fromVar(var);
        } else if (fallback.isPresent() && !fallback.get().isBlank()) {
            context = RetrievedContext.of(fallback.get());
        } else {
            throw new InvalidAssertionException("The " + spec.writtenType() + " assertion needs the retrieved context in a "
                    + "var named '"
                    + CONTEXT_VAR + "'; add " + CONTEXT_VAR + ": to the test's vars (text, or a list of chunks with "
                    + "disableVarExpansion), or set contextTransform to take it from the output");
        }
        return context;
    }

    /**
     * A var written as a list reaches a case as the list's JSON when var expansion is off; then its strings
     * are the chunks. Any other text is the context itself.
     */
    private static RetrievedContext fromVar(String var) {
        String text = var.strip();
        if (text.startsWith("[") && text.endsWith("]")) {
            try {
                JsonNode list = JsValues.parseJson(text);
                List<String> chunks = new ArrayList<>();
                for (JsonNode item : list) {
                    if (!item.isTextual()) {
                        return RetrievedContext.of(var);
                    }
                    chunks.add(item.asText());
                }
                if (!chunks.isEmpty() && chunks.stream().noneMatch(String::isBlank)) {
                    return RetrievedContext.chunks(chunks);
                }
            } catch (JsonProcessingException e) {
                return RetrievedContext.of(var);
            }
        }
        return RetrievedContext.of(var);
    }
}
