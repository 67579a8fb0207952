package dev.aiworkbench.eval.assertions;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * {@code context-faithfulness} (promptfoo's, after RAGAS): does the output claim only what the retrieved context
 * says? The judge first breaks the output into standalone statements, then checks each against the context.
 * Score = supported statements / all statements (a statement the judge gave no verdict for counts as unsupported).
 * Needs the {@code query} var and the context; threshold 0 by default. An output with no statement to check is
 * an error, as in promptfoo. Its complement is the hallucination rate.
 */
final class ContextFaithfulnessAssertion extends RagAssertion<ContextFaithfulnessAssertion.Inputs> {
    static final String STATEMENTS_SYSTEM = """
            You turn an answer into the list of factual claims it makes. Read the question and the answer given \
            to it. Write each claim the answer makes as one short sentence that can be understood on its own: name \
            things instead of using pronouns, and put one fact in each sentence. Leave out greetings, hedges, \
            advice and repetitions of the question. Reply with a JSON object {"statements": [string, ...]}.""";
    static final String VERDICTS_SYSTEM = """
            You check numbered claims against a source text. For each claim, decide whether the source text states \
            it, or lets it be concluded without outside knowledge. A claim the source does not mention, or \
            contradicts, is not supported, even if you know it to be true. Reply with a JSON object {"verdicts": \
            [{"statement": string, "reason": string, "supported": boolean}, ...]} with one verdict per claim, in \
            the order of the claims.""";
    private static final JsonNode STATEMENTS_SCHEMA = statementsSchema();
    private static final JsonNode VERDICTS_SCHEMA = verdictsSchema();

    record Inputs(String query, RetrievedContext context) {
    }

    @Override
    public String name() {
        return "context-faithfulness";
    }

    @Override
    double defaultThreshold() {
        return 0;
    }

    @Override
    String measureName() {
        return "Faithfulness";
    }

    @Override
    Inputs inputs(AssertionSpec spec, JsonNode value, CaseOutput output, GradingContext context) {
        return new Inputs(RagInputs.query(spec, output), RagInputs.context(spec, output, context, Optional.empty()));
    }

    @Override
    String cacheText(Inputs inputs) {
        return inputs.query() + "\u0000" + inputs.context().text();
    }

    @Override
    RagMeasure measure(Inputs inputs, CaseOutput output, RagJudge judge) throws RagJudge.Failure {
        List<String> statements = statements(judge, inputs.query(), output.text());
        StringBuilder claims = new StringBuilder();
        for (int i = 0; i < statements.size(); i++) {
            claims.append(i + 1).append(". ").append(statements.get(i)).append('\n');
        }
        JsonNode answer = judge.ask(VERDICTS_SYSTEM, "<Source>\n" + inputs.context().text() + "\n</Source>\n<Claims>\n"
                + claims + "</Claims>", VERDICTS_SCHEMA);
        JsonNode verdicts = answer.path("verdicts");
        if (!verdicts.isArray() || verdicts.isEmpty()) {
            throw judge.malformed("it has no verdicts", answer);
        }
        List<String> unsupported = new ArrayList<>();
        for (int i = 0; i < statements.size(); i++) {
            JsonNode supported = verdicts.path(i).path("supported");
            if (i < verdicts.size() && !supported.isBoolean()) {
                throw judge.malformed("verdict " + (i + 1) + " has no supported: true or false", answer);
            }
            if (!supported.asBoolean(false)) {
                unsupported.add(statements.get(i));
            }
        }
        int supportedCount = statements.size() - unsupported.size();
        String detail = supportedCount + " of " + statements.size() + " statement" + (statements.size() == 1 ? " is" : "s are")
                + " supported by the context" + (unsupported.isEmpty() ? "" : "; not supported: "
                + String.join(", ", unsupported.stream().map(Verdicts::quote).toList()));
        if (verdicts.size() < statements.size()) {
            detail += " (the judge gave " + verdicts.size() + " verdicts for " + statements.size()
                    + " statements; the rest count as unsupported)";
        }
        return new RagMeasure((double) supportedCount / statements.size(), detail);
    }

    private static List<String> statements(RagJudge judge, String query, String output) throws RagJudge.Failure {
        JsonNode answer = judge.ask(STATEMENTS_SYSTEM, "<Question>\n" + query + "\n</Question>\n<Answer>\n" + output
                + "\n</Answer>", STATEMENTS_SCHEMA);
        JsonNode list = answer.path("statements");
        List<String> statements = new ArrayList<>();
        for (JsonNode item : list) {
            if (item.isTextual() && !item.asText().isBlank()) {
                statements.add(item.asText().strip());
            }
        }
        if (statements.isEmpty()) {
            throw judge.malformed("it found no statement in the output to check", answer);
        }
        return statements;
    }

    private static JsonNode statementsSchema() {
        ObjectNode schema = RagJudge.object("statements");
        RagJudge.listOf(schema, "statements", RagJudge.type("string"));
        return schema;
    }

    private static JsonNode verdictsSchema() {
        ObjectNode verdict = RagJudge.object("statement", "reason", "supported");
        RagJudge.property(verdict, "statement", "string");
        RagJudge.property(verdict, "reason", "string");
        RagJudge.property(verdict, "supported", "boolean");
        ObjectNode schema = RagJudge.object("verdicts");
        RagJudge.listOf(schema, "verdicts", verdict);
        return schema;
    }
}
