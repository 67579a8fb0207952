package dev.aiworkbench.eval.assertions;

import com.fasterxml.jackson.databind.JsonNode;

import java.util.Optional;

/**
 * What promptfoo's four RAG assertions share: inputs found in the case ({@link RagInputs}), a measure taken by the
 * local judge (and, for answer-relevance, the embedding model), cached like {@code llm-rubric}'s verdicts, and
 * the rule: it passes when the score reaches the threshold. {@code not-<type>} passes when it does not and scores
 * 1 − score. A judge that fails or answers out of shape makes the assertion an error, never a pass.
 *
 * @param <Q> the inputs the measure depends on, resolved from the case
 */
abstract class RagAssertion<Q> implements AssertionType {
    /** promptfoo compares with {@code score >= threshold - Number.EPSILON}. */
    private static final double EPSILON = Math.ulp(1.0);

    /** The threshold when the assertion sets none. */
    abstract double defaultThreshold();

    /** What the score is called in reasons, e.g. "Faithfulness". */
    abstract String measureName();

    /** The inputs of this case. A missing one throws {@link InvalidAssertionException} naming where to put it. */
    abstract Q inputs(AssertionSpec spec, JsonNode value, CaseOutput output, GradingContext context);

    /** Everything of the inputs the measure depends on besides the output, for the verdict cache's key. */
    abstract String cacheText(Q inputs);

    abstract RagMeasure measure(Q inputs, CaseOutput output, RagJudge judge) throws RagJudge.Failure;

    /** Whether the measure also needs the embedding model. */
    boolean needsEmbeddings() {
        return false;
    }

    @Override
    public Optional<String> problem(AssertionSpec spec) {
        return Verdicts.problemOf(spec, s -> {
            if (s.contextTransform() != null && s.contextScript() == null) {
                ContextTransform.parse(s.contextTransform());
            }
        });
    }

    @Override
    public final AssertionResult grade(AssertionSpec spec, JsonNode value, CaseOutput output, GradingContext context) {
        String judge = context.judgeModel();
        if (context.gateway() == null || judge == null || judge.isBlank()) {
            return AssertionResult.error(spec, spec.type() + " needs a judge model: name one under "
                    + "defaultTest.options.provider in the suite.");
        }
        String embedder = context.embeddingModel();
        if (needsEmbeddings() && (embedder == null || embedder.isBlank())) {
            return AssertionResult.error(spec, spec.type() + " needs an embedding model: name one under "
                    + "defaultTest.options.provider.embedding in the suite.");
        }
        Q inputs = inputs(spec, value, output, context);
        VerdictKey key = new VerdictKey(needsEmbeddings() ? judge + " + " + embedder : judge,
                name() + "\n" + cacheText(inputs), output.text());
        Optional<JudgeVerdict> cached = context.verdicts().get(key);
        RagMeasure measure;
        if (cached.isPresent()) {
            measure = RagMeasure.of(cached.get());
        } else {
            try {
                measure = measure(inputs, output, new RagJudge(context));
            } catch (RagJudge.Failure e) {
                return AssertionResult.error(spec, e.getMessage());
            }
            context.verdicts().put(key, measure.asVerdict());
        }
        return decide(spec, measure);
    }

    private AssertionResult decide(AssertionSpec spec, RagMeasure measure) {
        double threshold = spec.threshold() == null ? defaultThreshold() : spec.threshold();
        boolean met = measure.score() >= threshold - EPSILON;
        boolean pass = met != spec.negated();
        String reason = measureName() + " " + Verdicts.fixed(measure.score()) + (met ? " reaches" : " is below")
                + " the threshold " + Verdicts.number(threshold) + (spec.negated()
                ? (met ? ", which " + spec.writtenType() + " forbids" : ", as " + spec.writtenType() + " requires") : "")
                + ": " + measure.detail() + ".";
        double score = spec.negated() ? 1 - measure.score() : measure.score();
        return pass ? AssertionResult.pass(spec, score, reason) : AssertionResult.fail(spec, score, reason);
    }
}
