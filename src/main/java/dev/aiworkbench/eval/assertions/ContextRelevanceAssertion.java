package dev.aiworkbench.eval.assertions;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * {@code context-relevance} (promptfoo's, after RAGAS): how much of the retrieved context is needed to answer the
 * query, a measure of retrieval precision. The context is cut into units (its chunks; else its lines when it has
 * several; else its sentences) and the judge copies out the ones needed. Score = distinct copied units (cut the
 * same way, at most all of them) / all units; "insufficient" scores 0. An answer that copies nothing from the
 * context is an error, as in promptfoo. Needs the {@code query} var and the context; threshold 0 by default.
 */
final class ContextRelevanceAssertion extends RagAssertion<ContextRelevanceAssertion.Inputs> {
    static final String SYSTEM = """
            You pick out, from a source text, the sentences someone needs in order to answer a question, and nothing \
            more. Copy each sentence you pick exactly as the source writes it, without changing a word, one list \
            entry per sentence. If nothing in the source helps to answer the question, pick nothing and set \
            insufficient to true. Reply with a JSON object {"relevant": [string, ...], "insufficient": boolean}.""";
    private static final JsonNode SCHEMA = schema();
    private static final Pattern LIST_MARKER = Pattern.compile("^\\s*(?:\\d+[.)]|[-*])\\s*");
    private static final Pattern SPACE = Pattern.compile("\\s+");

    record Inputs(String query, RetrievedContext context) {
    }

    @Override
    public String name() {
        return "context-relevance";
    }

    @Override
    double defaultThreshold() {
        return 0;
    }

    @Override
    String measureName() {
        return "Context relevance";
    }

    @Override
    Inputs inputs(AssertionSpec spec, JsonNode value, CaseOutput output, GradingContext context) {
        return new Inputs(RagInputs.query(spec, output), RagInputs.context(spec, output, context, Optional.empty()));
    }

    @Override
    String cacheText(Inputs inputs) {
        return inputs.query() + "\u0000" + (inputs.context().chunked() ? "chunks\u0000" : "") + inputs.context().text();
    }

    @Override
    RagMeasure measure(Inputs inputs, CaseOutput output, RagJudge judge) throws RagJudge.Failure {
        RetrievedContext context = inputs.context();
        List<String> units = context.units();
        JsonNode answer = judge.ask(SYSTEM, "<Question>\n" + inputs.query() + "\n</Question>\n<Source>\n"
                + context.text() + "\n</Source>", SCHEMA);
        boolean insufficient = answer.path("insufficient").asBoolean(false);
        Set<String> copied = new LinkedHashSet<>();
        if (!insufficient) {
            for (JsonNode quote : answer.path("relevant")) {
                if (quote.isTextual()) {
                    copied.addAll(context.segmented() ? Sentences.lines(quote.asText()) : Sentences.units(quote.asText()));
                }
            }
        }
        String unit = context.chunked() ? "chunk" : context.segmented() ? "line" : "sentence";
        if (!copied.isEmpty() && copied.stream().noneMatch(quote -> quotes(context.text(), quote))) {
            throw judge.malformed("it copied nothing from the context, so its choice cannot be counted", answer);
        }
        int relevant = Math.min(copied.size(), units.size());
        double score = units.isEmpty() ? 0 : (double) relevant / units.size();
        String detail = copied.isEmpty()
                ? "the judge found nothing in the context's " + units.size() + " " + unit + (units.size() == 1 ? "" : "s")
                + " that answers the question"
                : relevant + " of " + units.size() + " " + unit + (units.size() == 1 ? "" : "s")
                + " of the context " + (relevant == 1 ? "is" : "are") + " needed to answer the question";
        return new RagMeasure(score, detail);
    }

    /** Whether the context holds the quote, ignoring case, spacing and a leading list marker. */
    private static boolean quotes(String context, String quote) {
        return normal(context).contains(normal(LIST_MARKER.matcher(quote).replaceFirst("")));
    }

    private static String normal(String text) {
        return SPACE.matcher(text.toLowerCase(Locale.ROOT)).replaceAll(" ").strip();
    }

    private static JsonNode schema() {
        ObjectNode schema = RagJudge.object("relevant", "insufficient");
        RagJudge.listOf(schema, "relevant", RagJudge.type("string"));
        RagJudge.property(schema, "insufficient", "boolean");
        return schema;
    }
}
