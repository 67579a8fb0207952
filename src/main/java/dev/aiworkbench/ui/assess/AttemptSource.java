package dev.aiworkbench.ui.assess;

import dev.aiworkbench.assessment.Answer;
import dev.aiworkbench.assessment.AssessmentService;
import dev.aiworkbench.assessment.Attempt;
import dev.aiworkbench.assessment.GradedBy;
import dev.aiworkbench.assessment.ModelGrade;
import dev.aiworkbench.assessment.Response;
import dev.aiworkbench.curriculum.Assessment;
import dev.aiworkbench.curriculum.AssessmentItem;
import dev.aiworkbench.curriculum.Pack;

import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;

/** A quiz over one attempt at an assessment: answers are kept with the attempt, which finishes when all are given. */
final class AttemptSource implements QuizSource {
    private final AssessmentService service;
    private final Pack pack;
    private final Assessment assessment;
    private final boolean fresh;
    /** Replaced off the FX thread after each answer; read on it once the answer's outcome is delivered. */
    private volatile Attempt attempt;

    AttemptSource(AssessmentService service, Pack pack, Assessment assessment, Attempt attempt) {
        this.service = service;
        this.pack = pack;
        this.assessment = assessment;
        this.attempt = attempt;
        this.fresh = attempt.answers().isEmpty();
    }

    long attemptId() {
        return attempt.id();
    }

    String assessmentId() {
        return assessment.id();
    }

    @Override
    public String title() {
        return assessment.title();
    }

    @Override
    public String description() {
        return assessment.description();
    }

    @Override
    public List<AssessmentItem> items() {
        return assessment.items();
    }

    @Override
    public OptionalInt next(int after) {
        return attempt.nextItem(assessment).map(item -> OptionalInt.of(assessment.items().indexOf(item)))
                .orElse(OptionalInt.empty());
    }

    @Override
    public boolean showsRule() {
        return fresh;
    }

    @Override
    public boolean keepsPending() {
        return true;
    }

    @Override
    public Recorded record(AssessmentItem item, Response response, Optional<Integer> confidence, long seconds) {
        attempt = service.answer(pack, attempt.id(), item.id(), response, confidence, seconds);
        return recorded(item);
    }

    @Override
    public Recorded grade(AssessmentItem item, Optional<Integer> confidence, boolean right, GradedBy by,
                          Optional<ModelGrade> model) {
        attempt = service.grade(pack, attempt.id(), item.id(), right, by, model);
        return recorded(item);
    }

    private Recorded recorded(AssessmentItem item) {
        Answer answer = attempt.answer(item.id()).orElseThrow();
        return new Recorded(answer.grade(), answer.gradedBy(), answer.modelGrade(), Optional.empty(),
                attempt.finished());
    }
}
