package dev.aiworkbench.cli;

import dev.aiworkbench.assessment.ModelGrade;
import dev.aiworkbench.assessment.ShortAnswerJudge;
import dev.aiworkbench.curriculum.AssessmentItem;
import dev.aiworkbench.llm.LocalModel;
import dev.aiworkbench.llm.ModelServerException;

import java.io.PrintWriter;
import java.util.Optional;

/**
 * A local model grading short answers for {@code assess take} and {@code review}. A model is a help, never a
 * requirement: when none answers, or it fails, a note goes to stderr and the answer is left to the learner.
 */
final class ModelGrading {
    private final ShortAnswerJudge judge;
    private final PrintWriter err;
    private Optional<String> model;

    private ModelGrading(ShortAnswerJudge judge, Optional<String> model, PrintWriter err) {
        this.judge = judge;
        this.model = model;
        this.err = err;
    }

    /**
     * Picks the model: the one asked for if the server has it, else the server's first.
     *
     * @param server    the server's address, for the note when no model answers
     * @param otherwise what happens to short answers without a model, for that note
     */
    static ModelGrading pick(ShortAnswerJudge judge, Optional<String> wanted, String server, String otherwise,
                             PrintWriter err) {
        Optional<String> model = judge.pick(wanted);
        if (model.isEmpty()) {
            err.println("Note: no model server with a model answers at " + server + ", so " + otherwise
                    + ". Start Ollama and pull a model (`workbench models pull <name>`) to have short answers graded.");
        } else if (wanted.isPresent()
                && !LocalModel.canonicalName(model.get()).equals(LocalModel.canonicalName(wanted.get()))) {
            err.println("Note: the model server has no model '" + wanted.get() + "'; grading with " + model.get() + ".");
        }
        return new ModelGrading(judge, model, err);
    }

    Optional<String> model() {
        return model;
    }

    /**
     * The model's verdict on an answer, or empty with a note on stderr. After a server failure the model is not
     * asked again, so one outage costs one wait, not one per answer.
     */
    Optional<ModelGrade> grade(AssessmentItem item, String answer) {
        if (model.isEmpty()) {
            return Optional.empty();
        }
        try {
            return Optional.of(judge.grade(model.get(), item, answer));
        } catch (ModelServerException e) {
            err.println("Note: the model server failed while grading " + item.id() + " (" + e.getMessage()
                    + "); the remaining short answers are not graded by a model.");
            model = Optional.empty();
        } catch (IllegalArgumentException e) {
            err.println("Note: " + e.getMessage() + " Item " + item.id() + " is not graded by the model.");
        }
        return Optional.empty();
    }
}
