package dev.aiworkbench.cli;

import dev.aiworkbench.assessment.AnswerKey;
import dev.aiworkbench.assessment.AssessmentService;
import dev.aiworkbench.assessment.Attempt;
import dev.aiworkbench.assessment.DueItem;
import dev.aiworkbench.assessment.Grade;
import dev.aiworkbench.assessment.ReviewCard;
import dev.aiworkbench.assessment.Response;
import dev.aiworkbench.curriculum.Assessment;
import dev.aiworkbench.curriculum.AssessmentItem;
import dev.aiworkbench.curriculum.Pack;

import java.io.PrintWriter;
import java.time.Clock;
import java.util.List;
import java.util.Optional;

/**
 * A quiz or a review on the terminal. Every answer is recorded as soon as it is given, so stopping ({@code q} or
 * the end of input) loses nothing and the next {@code assess take} goes on at the first unanswered item.
 */
final class TerminalQuiz {
    private final AssessmentService service;
    private final Pack pack;
    private final TerminalInput input;
    private final PrintWriter out;
    private final ItemDialog dialog;
    private final Optional<ModelGrading> grading;

    /** @param grading the model that grades short answers, if the learner asked for one */
    TerminalQuiz(AssessmentService service, Pack pack, TerminalInput input, Clock clock,
                 Optional<ModelGrading> grading) {
        this.service = service;
        this.pack = pack;
        this.input = input;
        this.out = input.out();
        this.dialog = new ItemDialog(input, clock);
        this.grading = grading;
    }

    /** Takes or resumes the assessment; returns the attempt as it stands when the learner finished or stopped. */
    Attempt take(Assessment assessment) {
        out.println(assessment.title() + " (" + assessment.id() + "), " + assessment.items().size() + " items.");
        if (!assessment.description().isBlank()) {
            out.println(assessment.description().strip());
        }
        printMarkingRule();
        Attempt attempt = service.resumeOrStart(pack, assessment.id());
        int total = assessment.items().size();
        if (!attempt.answers().isEmpty()) {
            out.println("Going on with attempt " + attempt.id() + ": " + attempt.answersIn(assessment).size() + " of "
                    + total + " answered.");
        }
        try {
            Optional<AssessmentItem> next = attempt.nextItem(assessment);
            while (next.isPresent()) {
                AssessmentItem item = next.get();
                attempt = answer(attempt, item, "Item " + (assessment.items().indexOf(item) + 1) + " of " + total);
                next = attempt.nextItem(assessment);
            }
            out.println();
            out.println("All " + total + " items answered.");
        } catch (TerminalInput.Stopped stopped) {
            out.println("Stopped with " + service.attempt(pack, attempt.id()).answersIn(assessment).size() + " of "
                    + total + " answered. Your answers are kept: `workbench assess take " + assessment.id()
                    + "` goes on where you stopped.");
        }
        return service.attempt(pack, attempt.id());
    }

    /** Reviews the due items one by one, moving each one's schedule; returns how many were reviewed. */
    int review(List<DueItem> due) {
        if (due.isEmpty()) {
            out.println("Nothing is due for review today.");
            return 0;
        }
        out.println(due.size() + " item(s) due for review. Type q to stop; what you reviewed is kept.");
        printMarkingRule();
        int reviewed = 0;
        try {
            for (DueItem dueItem : due) {
                AssessmentItem item = dueItem.item();
                ItemDialog.Reply reply = dialog.ask(item, "Review " + (reviewed + 1) + " of " + due.size() + " ("
                        + dueItem.assessment().id() + ")");
                int confidence = reply.confidence().orElseThrow();
                boolean right = switch (reply.response()) {
                    case Response.Choices choices -> {
                        boolean correct = AnswerKey.grade(item, choices, reply.confidence()) == Grade.RIGHT;
                        dialog.showChoices(item, choices.picked(), correct, confidence);
                        yield correct;
                    }
                    case Response.Text text -> dialog.gradeShort(item, text.text(), confidence, grading).right();
                    case Response.Level level -> throw new IllegalStateException("a capability is never reviewed");
                };
                ReviewCard card = service.review(pack, item.id(), right, confidence);
                out.println("Next review: " + card.memory().due() + ".");
                reviewed++;
            }
        } catch (TerminalInput.Stopped stopped) {
            out.println("Stopped.");
        }
        out.println("Reviewed " + reviewed + " of " + due.size() + " due item(s).");
        return reviewed;
    }

    private Attempt answer(Attempt attempt, AssessmentItem item, String heading) {
        ItemDialog.Reply reply = dialog.ask(item, heading);
        Attempt updated = service.answer(pack, attempt.id(), item.id(), reply.response(), reply.confidence(),
                reply.seconds());
        switch (reply.response()) {
            case Response.Choices choices -> dialog.showChoices(item, choices.picked(),
                    updated.answer(item.id()).orElseThrow().grade() == Grade.RIGHT, reply.confidence().orElseThrow());
            case Response.Text text -> {
                ItemDialog.ShortGrade grade = dialog.gradeShort(item, text.text(), reply.confidence().orElseThrow(),
                        grading);
                updated = service.grade(pack, updated.id(), item.id(), grade.right(), grade.by(), grade.model());
            }
            case Response.Level level -> dialog.showRating(item, level.level());
        }
        return updated;
    }

    private void printMarkingRule() {
        out.println();
        out.println("How answers are marked: give each answer a confidence of 1 (a guess), 2 (fairly sure) or 3 (sure).");
        out.println("  confidence 1: right +1, wrong  0");
        out.println("  confidence 2: right +2, wrong -2");
        out.println("  confidence 3: right +3, wrong -6");
        out.println("Choose 1 when your chance of being right is below 2/3, 2 between 2/3 and 0.8, and 3 only above 0.8:");
        out.println("then saying how sure you really are scores best. Type q at any question to stop; your answers are kept.");
    }
}
