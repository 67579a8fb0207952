package dev.aiworkbench.eval.assertions;

import com.fasterxml.jackson.databind.JsonNode;
import dev.aiworkbench.llm.GenerationResult;
import dev.aiworkbench.llm.ModelServerException;

import java.util.Optional;

/**
 * {@code llm-rubric}: a local judge model reads the output and the rubric (the value) and answers
 * {@code {reason, score, pass}} in JSON, held to that shape by Ollama's format schema, at temperature 0
 * with a fixed seed. It passes when the judge says pass; with a threshold, the score must also reach it.
 * Unlike promptfoo, a score of 0 never passes. {@code not-llm-rubric} passes when that fails and scores
 * 1 − score. A judge that fails or answers something unreadable makes the assertion an error.
 * Verdicts are cached by (judge model, rubric, output).
 */
final class LlmRubricAssertion implements AssertionType {

    @Override
    public String name() {
        return "llm-rubric";
    }

    @Override
    public Optional<String> problem(AssertionSpec spec) {
        return Verdicts.problemOf(spec, s -> rubric(s.value()));
    }

    private static String rubric(JsonNode value) {
        if (value == null || value.isNull() || (value.isTextual() && value.asText().isBlank())) {
            throw new InvalidAssertionException("The llm-rubric assertion needs a rubric (what a good output does) as its value");
        }
        return value.isTextual() ? value.asText() : value.toString();
    }

    @Override
    public AssertionResult grade(AssertionSpec spec, JsonNode value, CaseOutput output, GradingContext context) {
        String rubric = rubric(value);
        String judge = context.judgeModel();
        if (context.gateway() == null || judge == null || judge.isBlank()) {
            return AssertionResult.error(spec, "llm-rubric needs a judge model: name one under "
                    + "defaultTest.options.provider in the suite.");
        }
        VerdictKey key = new VerdictKey(judge, rubric, output.text());
        Optional<JudgeVerdict> cached = context.verdicts().get(key);
        JudgeVerdict verdict;
        if (cached.isPresent()) {
            verdict = cached.get();
        } else {
            GenerationResult answer;
            try {
                answer = context.gateway().generate(JudgePrompt.request(judge, rubric, output.text()));
            } catch (ModelServerException e) {
                return AssertionResult.error(spec, "The judge model " + judge + " failed: " + e.getMessage());
            }
            try {
                verdict = JudgePrompt.parse(answer.text());
            } catch (IllegalArgumentException e) {
                return AssertionResult.error(spec, "The judge model " + judge + " did not answer with a verdict: "
                        + e.getMessage() + ". It answered " + Verdicts.quote(answer.text()) + ".");
            }
            context.verdicts().put(key, verdict);
        }
        return decide(spec, judge, verdict);
    }

    private static AssertionResult decide(AssertionSpec spec, String judge, JudgeVerdict verdict) {
        Double threshold = spec.threshold();
        boolean zero = verdict.score() == 0;
        boolean below = threshold != null && verdict.score() < threshold;
        boolean met = verdict.pass() && !zero && !below;
        StringBuilder reason = new StringBuilder("The judge (" + judge + ") scored " + Verdicts.number(verdict.score())
                + " and said " + (verdict.pass() ? "pass" : "fail"));
        if (verdict.pass() && zero) {
            reason.append(", but a score of 0 never passes");
        } else if (verdict.pass() && below) {
            reason.append(", but the score is below the threshold ").append(Verdicts.number(threshold));
        } else if (threshold != null) {
            reason.append(" (threshold ").append(Verdicts.number(threshold)).append(")");
        }
        if (spec.negated()) {
            reason.append(met ? "; the rubric is met, which it must not be" : "; the rubric is not met, as required");
        }
        reason.append(verdict.reason().isBlank() ? ". It gave no reason." : ": " + verdict.reason().strip());
        if (!reason.toString().matches("(?s).*[.!?]$")) {
            reason.append('.');
        }
        boolean pass = met != spec.negated();
        double score = spec.negated() ? Verdicts.clamp01(1 - verdict.score()) : verdict.score();
        return pass ? AssertionResult.pass(spec, score, reason.toString())
                : AssertionResult.fail(spec, score, reason.toString());
    }
}
