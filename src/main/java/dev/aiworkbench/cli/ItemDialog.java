package dev.aiworkbench.cli;

import dev.aiworkbench.assessment.CertaintyMarks;
import dev.aiworkbench.assessment.GradedBy;
import dev.aiworkbench.assessment.ModelGrade;
import dev.aiworkbench.assessment.Response;
import dev.aiworkbench.curriculum.AssessmentItem;
import dev.aiworkbench.curriculum.Choice;

import java.io.PrintWriter;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * One item on the terminal: shows it, takes the answer and confidence, and afterwards shows what was right and
 * why. Choices are numbered from 1 on screen (the answers file counts from 0, like the pack).
 */
final class ItemDialog {
    private final TerminalInput input;
    private final PrintWriter out;
    private final Clock clock;

    /** What the learner gave for an item, and how long it took. */
    record Reply(Response response, Optional<Integer> confidence, long seconds) {
    }

    /** The grade of a short answer and who gave it. */
    record ShortGrade(boolean right, GradedBy by, Optional<ModelGrade> model) {
    }

    ItemDialog(TerminalInput input, Clock clock) {
        this.input = input;
        this.out = input.out();
        this.clock = clock;
    }

    /** Shows the item and asks for the answer and, for scored items, the confidence. */
    Reply ask(AssessmentItem item, String heading) {
        out.println();
        out.println(heading + " · " + item.type().id() + " · " + String.join(", ", item.weeks()) + " · " + item.id());
        out.println(item.prompt().strip());
        Instant shown = clock.instant();
        Response response = switch (item.type()) {
            case SINGLE -> {
                printChoices(item);
                yield new Response.Choices(List.of(input.number("Your answer (the choice's number): ", 1,
                        item.choices().size()) - 1));
            }
            case MULTIPLE -> {
                printChoices(item);
                yield new Response.Choices(input.ask("Your answers (the choices' numbers, separated by spaces): ",
                        line -> picks(line, item.choices().size()), "Please type one or more numbers from 1 to "
                                + item.choices().size() + ", separated by spaces (or q to stop)."));
            }
            case SHORT -> new Response.Text(input.text("Your answer (end it with an empty line):\n"));
            case CAPABILITY -> {
                if (!item.evidence().isEmpty()) {
                    out.println("Evidence that would prove it: " + String.join(", ", item.evidence()));
                }
                yield new Response.Level(input.number("How well can you do this, from 1 (not yet) to 5 (with "
                        + "confidence)? ", 1, 5));
            }
        };
        Optional<Integer> confidence = item.type().scored()
                ? Optional.of(input.number("Confidence: 1 a guess, 2 fairly sure, 3 sure? ", 1, 3))
                : Optional.empty();
        long seconds = Math.max(0, Duration.between(shown, clock.instant()).toSeconds());
        return new Reply(response, confidence, seconds);
    }

    /** Right or wrong with the marks, then every choice with why it is right or wrong. */
    void showChoices(AssessmentItem item, List<Integer> picked, boolean right, int confidence) {
        List<Integer> key = item.correctChoices();
        out.println((right ? "Right" : "Wrong") + ": " + marks(right, confidence)
                + (right ? "." : ". The answer is " + key.stream().map(i -> String.valueOf(i + 1))
                .collect(Collectors.joining(" and ")) + "."));
        for (int i = 0; i < item.choices().size(); i++) {
            Choice choice = item.choices().get(i);
            out.println("  " + (i + 1) + ". " + choice.text().strip() + " [" + (choice.correct() ? "right" : "wrong")
                    + (picked.contains(i) ? ", your pick" : "") + "]");
            if (!choice.why().isBlank()) {
                out.println("     " + choice.why().strip());
            }
        }
        showExplanation(item);
    }

    /**
     * Shows the model answer and rubric, then lets the learner grade the answer, or accept or overrule the
     * model's verdict when a model gave one.
     */
    ShortGrade gradeShort(AssessmentItem item, String answer, int confidence, Optional<ModelGrading> grading) {
        out.println("A model answer:");
        out.println("  " + item.answer().strip());
        out.println("A good answer makes these points:");
        item.rubric().forEach(point -> out.println("  - " + point));
        Optional<ModelGrade> verdict = Optional.empty();
        if (grading.isPresent() && grading.get().model().isPresent()) {
            out.println("Asking " + grading.get().model().get() + " to grade your answer…");
            out.flush();
            verdict = grading.get().grade(item, answer);
        }
        ShortGrade grade;
        if (verdict.isPresent()) {
            ModelGrade model = verdict.get();
            out.println("The model (" + model.model() + ") says " + (model.pass() ? "right" : "wrong") + ": "
                    + model.reason());
            grade = input.yesOrNo("Accept its verdict (n marks it " + (model.pass() ? "wrong" : "right") + ")?")
                    ? new ShortGrade(model.pass(), GradedBy.MODEL, verdict)
                    : new ShortGrade(!model.pass(), GradedBy.LEARNER, verdict);
        } else {
            grade = new ShortGrade(input.yesOrNo("Did your answer make most of these points, and nothing wrong?"),
                    GradedBy.LEARNER, Optional.empty());
        }
        out.println("Marked " + (grade.right() ? "right" : "wrong") + ": " + marks(grade.right(), confidence) + ".");
        showExplanation(item);
        return grade;
    }

    void showRating(AssessmentItem item, int level) {
        out.println("Rated " + level + " of 5." + (level <= 2 && !item.evidence().isEmpty()
                ? " The evidence above is where to start." : ""));
        showExplanation(item);
    }

    private void showExplanation(AssessmentItem item) {
        if (!item.explanation().isBlank()) {
            out.println(item.explanation().strip());
        }
        item.source().ifPresent(source -> out.println("Read more: " + source));
    }

    private void printChoices(AssessmentItem item) {
        for (int i = 0; i < item.choices().size(); i++) {
            out.println("  " + (i + 1) + ". " + item.choices().get(i).text().strip());
        }
    }

    private static String marks(boolean right, int confidence) {
        int marks = CertaintyMarks.score(right, confidence);
        return (marks > 0 ? "+" : "") + marks + " at confidence " + confidence;
    }

    /** Choice numbers from 1 as indexes from 0; empty unless every number is a choice. */
    private static Optional<List<Integer>> picks(String line, int choices) {
        List<Integer> picked = new ArrayList<>();
        for (String part : line.split("[\\s,]+")) {
            if (part.isEmpty()) {
                continue;
            }
            Optional<Integer> number = TerminalInput.wholeNumber(part).filter(n -> n >= 1 && n <= choices);
            if (number.isEmpty()) {
                return Optional.empty();
            }
            picked.add(number.get() - 1);
        }
        return picked.isEmpty() ? Optional.empty() : Optional.of(picked);
    }
}
