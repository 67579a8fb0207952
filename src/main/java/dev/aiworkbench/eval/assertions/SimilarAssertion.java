package dev.aiworkbench.eval.assertions;

import com.fasterxml.jackson.databind.JsonNode;
import dev.aiworkbench.llm.Embeddings;
import dev.aiworkbench.llm.ModelServerException;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * {@code similar}: the output and the value are embedded with the context's embedding model and pass
 * when their cosine similarity is at least the threshold (0.75 by default); the score is the similarity.
 * A list value passes when the output is similar to any entry. {@code not-similar} passes when the
 * similarity is at most the threshold, for every entry of a list, and scores 1 − similarity.
 * Scores are kept within 0..1 (a negative cosine scores 0). A failing embedding call is an error.
 */
final class SimilarAssertion implements AssertionType {
    static final double DEFAULT_THRESHOLD = 0.75;

    @Override
    public String name() {
        return "similar";
    }

    @Override
    public Optional<String> problem(AssertionSpec spec) {
        return Verdicts.problemOf(spec, s -> references(s.value()));
    }

    private static List<String> references(JsonNode value) {
        List<String> out = new ArrayList<>();
        if (value != null && value.isTextual()) {
            out.add(value.asText());
        } else if (value != null && value.isArray()) {
            for (JsonNode item : value) {
                if (!item.isTextual()) {
                    throw new InvalidAssertionException("The similar assertion needs a string or a list of strings as its value");
                }
                out.add(item.asText());
            }
        }
        if (out.isEmpty()) {
            throw new InvalidAssertionException("The similar assertion needs a string, or a non-empty list of strings, as its value");
        }
        return out;
    }

    @Override
    public AssertionResult grade(AssertionSpec spec, JsonNode value, CaseOutput output, GradingContext context) {
        List<String> references = references(value);
        double threshold = spec.threshold() == null ? DEFAULT_THRESHOLD : spec.threshold();
        if (context.gateway() == null || context.embeddingModel() == null || context.embeddingModel().isBlank()) {
            return AssertionResult.error(spec, "similar needs an embedding model: name one under "
                    + "defaultTest.options.provider.embedding in the suite.");
        }
        double[] similarities;
        try {
            similarities = similarities(context, output.text(), references);
        } catch (ModelServerException e) {
            return AssertionResult.error(spec, "The embedding model " + context.embeddingModel() + " failed: "
                    + e.getMessage());
        } catch (IllegalStateException e) {
            return AssertionResult.error(spec, e.getMessage());
        }
        return spec.negated() ? dissimilar(spec, references, similarities, threshold)
                : similar(spec, references, similarities, threshold);
    }

    private static AssertionResult similar(AssertionSpec spec, List<String> references, double[] sims, double threshold) {
        int best = 0;
        for (int i = 0; i < sims.length; i++) {
            if (sims[i] >= threshold) {
                return AssertionResult.pass(spec, Verdicts.clamp01(sims[i]), "The similarity to "
                        + Verdicts.quote(references.get(i)) + " is " + Verdicts.fixed(sims[i])
                        + ", at least the threshold " + Verdicts.number(threshold) + ".");
            }
            best = sims[i] > sims[best] ? i : best;
        }
        String which = references.size() == 1 ? "The similarity to " + Verdicts.quote(references.get(best)) + " is "
                : "None of the " + references.size() + " values is similar enough; the closest, "
                        + Verdicts.quote(references.get(best)) + ", has ";
        return AssertionResult.fail(spec, Verdicts.clamp01(sims[best]), which + Verdicts.fixed(sims[best])
                + ", below the threshold " + Verdicts.number(threshold) + ".");
    }

    private static AssertionResult dissimilar(AssertionSpec spec, List<String> references, double[] sims,
                                              double threshold) {
        int closest = 0;
        for (int i = 0; i < sims.length; i++) {
            if (sims[i] > threshold) {
                return AssertionResult.fail(spec, Verdicts.clamp01(1 - sims[i]), "The similarity to "
                        + Verdicts.quote(references.get(i)) + " is " + Verdicts.fixed(sims[i])
                        + ", above the threshold " + Verdicts.number(threshold) + ", so the output is too similar.");
            }
            closest = sims[i] > sims[closest] ? i : closest;
        }
        String which = references.size() == 1 ? "The similarity to " : "The output is dissimilar to all "
                + references.size() + " values; the closest, ";
        return AssertionResult.pass(spec, Verdicts.clamp01(1 - sims[closest]), which
                + Verdicts.quote(references.get(closest)) + (references.size() == 1 ? ", is " : ", has similarity ")
                + Verdicts.fixed(sims[closest]) + ", at most the threshold " + Verdicts.number(threshold) + ".");
    }

    /** The cosine similarity of the output with each reference, from one embedding call. */
    private static double[] similarities(GradingContext context, String output, List<String> references)
            throws ModelServerException {
        List<String> inputs = new ArrayList<>(references.size() + 1);
        inputs.add(output);
        inputs.addAll(references);
        Embeddings embeddings = context.gateway().embed(context.embeddingModel(), inputs);
        if (embeddings.vectors().size() != inputs.size()) {
            throw new IllegalStateException("The embedding model " + context.embeddingModel() + " returned "
                    + embeddings.vectors().size() + " vectors for " + inputs.size() + " texts.");
        }
        float[] out = embeddings.vectors().get(0);
        double[] sims = new double[references.size()];
        for (int i = 0; i < sims.length; i++) {
            sims[i] = cosine(out, embeddings.vectors().get(i + 1), context.embeddingModel());
        }
        return sims;
    }

    static double cosine(float[] a, float[] b, String model) {
        if (a.length != b.length || a.length == 0) {
            throw new IllegalStateException("The embedding model " + model + " returned vectors of different lengths ("
                    + a.length + " and " + b.length + ").");
        }
        double dot = 0;
        double na = 0;
        double nb = 0;
        for (int i = 0; i < a.length; i++) {
            dot += (double) a[i] * b[i];
            na += (double) a[i] * a[i];
            nb += (double) b[i] * b[i];
        }
        if (na == 0 || nb == 0) {
            throw new IllegalStateException("The embedding model " + model + " returned an all-zero vector, "
                    + "so no similarity can be computed.");
        }
        return dot / (Math.sqrt(na) * Math.sqrt(nb));
    }
}
