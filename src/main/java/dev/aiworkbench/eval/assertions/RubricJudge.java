package dev.aiworkbench.eval.assertions;

import dev.aiworkbench.llm.GenerationResult;
import dev.aiworkbench.llm.ModelGateway;
import dev.aiworkbench.llm.ModelServerException;

/**
 * The eval runner's {@code llm-rubric} judge for other features (self-assessment grades short answers with it):
 * the same prompt, temperature 0 and fixed seed, so a judge gives the same verdict for the same input.
 */
public final class RubricJudge {
    private RubricJudge() {
    }

    /**
     * @throws ModelServerException     the model server failed or cannot be reached
     * @throws IllegalArgumentException the judge answered something that is not a verdict; the message says why
     */
    public static JudgeVerdict judge(ModelGateway gateway, String model, String rubric, String output)
            throws ModelServerException {
        GenerationResult answer = gateway.generate(JudgePrompt.request(model, rubric, output));
        try {
            return JudgePrompt.parse(answer.text());
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("The judge model " + model + " did not answer with a verdict: "
                    + e.getMessage() + ". It answered " + Verdicts.quote(answer.text()) + ".", e);
        }
    }
}
