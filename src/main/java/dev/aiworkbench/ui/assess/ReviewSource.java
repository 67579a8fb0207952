package dev.aiworkbench.ui.assess;

import dev.aiworkbench.assessment.AnswerKey;
import dev.aiworkbench.assessment.AssessmentService;
import dev.aiworkbench.assessment.DueItem;
import dev.aiworkbench.assessment.Grade;
import dev.aiworkbench.assessment.GradedBy;
import dev.aiworkbench.assessment.ModelGrade;
import dev.aiworkbench.assessment.Response;
import dev.aiworkbench.assessment.ReviewCard;
import dev.aiworkbench.curriculum.AssessmentItem;
import dev.aiworkbench.curriculum.Pack;
import dev.aiworkbench.curriculum.ItemType;

import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;

/**
 * A quiz over the items due for review: each answer moves the item's schedule. A short answer is recorded once
 * the learner grades it, since the schedule needs to know whether it was recalled.
 */
final class ReviewSource implements QuizSource {
    private final AssessmentService service;
    private final Pack pack;
    private final List<AssessmentItem> items;

    ReviewSource(AssessmentService service, Pack pack, List<DueItem> due) {
        this.service = service;
        this.pack = pack;
        this.items = due.stream().map(DueItem::item).toList();
    }

    @Override
    public String title() {
        return "Review";
    }

    @Override
    public String description() {
        return "";
    }

    @Override
    public List<AssessmentItem> items() {
        return items;
    }

    @Override
    public OptionalInt next(int after) {
        return after + 1 < items.size() ? OptionalInt.of(after + 1) : OptionalInt.empty();
    }

    @Override
    public boolean showsRule() {
        return false;
    }

    @Override
    public boolean keepsPending() {
        return false;
    }

    @Override
    public Recorded record(AssessmentItem item, Response response, Optional<Integer> confidence, long seconds) {
        Grade grade = AnswerKey.grade(item, response, confidence);
        if (item.type() == ItemType.SHORT) {
            return new Recorded(grade, GradedBy.NONE, Optional.empty(), Optional.empty(), false);
        }
        ReviewCard card = service.review(pack, item.id(), grade == Grade.RIGHT, confidence.orElseThrow());
        return new Recorded(grade, GradedBy.KEY, Optional.empty(), Optional.of(card.memory().due()), false);
    }

    @Override
    public Recorded grade(AssessmentItem item, Optional<Integer> confidence, boolean right, GradedBy by,
                          Optional<ModelGrade> model) {
        ReviewCard card = service.review(pack, item.id(), right, confidence.orElseThrow());
        return new Recorded(right ? Grade.RIGHT : Grade.WRONG, by, model, Optional.of(card.memory().due()), false);
    }
}
