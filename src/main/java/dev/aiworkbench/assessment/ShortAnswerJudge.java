package dev.aiworkbench.assessment;

import dev.aiworkbench.curriculum.AssessmentItem;
import dev.aiworkbench.eval.assertions.JudgeVerdict;
import dev.aiworkbench.eval.assertions.RubricJudge;
import dev.aiworkbench.llm.LocalModel;
import dev.aiworkbench.llm.ModelGateway;
import dev.aiworkbench.llm.ModelServerException;

import java.util.List;
import java.util.Optional;
import java.util.function.Supplier;

/**
 * Grades a short answer against its item's rubric with a local model, through the eval runner's judge. A model is
 * a help, never a requirement: without a server or a model, grading is the learner's, and nothing fails.
 */
public final class ShortAnswerJudge {
    private final Supplier<ModelGateway> gateway;

    public ShortAnswerJudge(Supplier<ModelGateway> gateway) {
        this.gateway = gateway;
    }

    /** The models the server has, or empty when no server answers. */
    public List<String> models() {
        try {
            return gateway.get().listModels().stream().map(LocalModel::name).toList();
        } catch (ModelServerException e) {
            return List.of();
        }
    }

    /**
     * The model to grade with: the one asked for if the server has it (as Ollama resolves names, so "judge" finds
     * "judge:latest"), else the server's first.
     */
    public Optional<String> pick(Optional<String> wanted) {
        List<String> models = models();
        return wanted.flatMap(w -> models.stream()
                        .filter(m -> LocalModel.canonicalName(m).equals(LocalModel.canonicalName(w))).findFirst())
                .or(() -> models.stream().findFirst());
    }

    /**
     * @throws ModelServerException     the server failed or went away
     * @throws IllegalArgumentException the model answered something that is not a verdict
     */
    public ModelGrade grade(String model, AssessmentItem item, String answer) throws ModelServerException {
        JudgeVerdict verdict = RubricJudge.judge(gateway.get(), model, rubric(item), answer);
        return new ModelGrade(model, verdict.pass(), verdict.reason());
    }

    /** The rubric the judge reads: the question, the points a good answer makes, and the model answer. */
    static String rubric(AssessmentItem item) {
        StringBuilder text = new StringBuilder("The output is a learner's answer to this question:\n")
                .append(item.prompt()).append("\n\nA good answer makes these points:\n");
        item.rubric().forEach(point -> text.append("- ").append(point).append('\n'));
        text.append("\nA model answer, for reference:\n").append(item.answer()).append("\n\n")
                .append("The output passes when it makes most of these points correctly in its own words and states "
                        + "nothing wrong; wording and length do not matter.");
        return text.toString();
    }
}
