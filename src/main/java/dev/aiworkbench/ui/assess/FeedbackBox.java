package dev.aiworkbench.ui.assess;

import atlantafx.base.theme.Styles;
import dev.aiworkbench.assessment.Response;
import dev.aiworkbench.curriculum.ItemType;
import dev.aiworkbench.ui.common.Labels;
import dev.aiworkbench.ui.common.LinkOpener;
import dev.aiworkbench.ui.markdown.MarkdownView;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.layout.HBox;
import javafx.scene.layout.VBox;

import java.util.function.Consumer;

/**
 * What the quiz shows after an answer: right or wrong with its marks (or that a short answer waits for a grade,
 * with the model's verdict and Y/N), the next review day, and the item's explanation and source.
 */
final class FeedbackBox extends VBox {

    /**
     * @param modelVerdict what the local model said of a short answer, or why the grade is the learner's
     * @param grade        the learner's grade of a short answer: it made the points, or not
     */
    FeedbackBox(Feedback feedback, String modelVerdict, LinkOpener links, Consumer<Boolean> grade) {
        super(10);
        setId("quiz-feedback");
        getStyleClass().addAll("tile", "quiz-feedback", "feedback-" + feedback.grade().id());
        Label verdict = Labels.wrapped(verdict(feedback), Styles.TITLE_4);
        verdict.setId("quiz-verdict");
        getChildren().add(verdict);
        if (feedback.item().type() == ItemType.SHORT) {
            Label judged = Labels.wrapped(modelVerdict, Styles.TEXT_MUTED);
            judged.setId("quiz-model-verdict");
            Button yes = new Button("Y · it made the points");
            yes.setId("grade-yes");
            yes.setOnAction(e -> grade.accept(true));
            Button no = new Button("N · it did not");
            no.setId("grade-no");
            no.setOnAction(e -> grade.accept(false));
            getChildren().addAll(judged, new HBox(8, yes, no));
        }
        feedback.recorded().nextDue().ifPresent(day -> {
            Label due = Labels.wrapped("This item comes back for review on " + day + ".", Styles.TEXT_MUTED);
            due.setId("quiz-next-due");
            getChildren().add(due);
        });
        if (!feedback.item().explanation().isBlank()) {
            MarkdownView explanation = new MarkdownView(links);
            explanation.setId("quiz-explanation");
            explanation.setMarkdown(feedback.item().explanation());
            getChildren().add(explanation);
        }
        feedback.item().source().ifPresent(uri -> {
            Label source = Labels.wrapped("Read more: " + uri, Styles.TEXT_SMALL, Styles.TEXT_MUTED);
            getChildren().add(source);
        });
    }

    private static String verdict(Feedback feedback) {
        String marks = feedback.marks().map(m -> " · " + (m > 0 ? "+" + m : m < 0 ? "−" + -m : "0")
                + (Math.abs(m) == 1 ? " mark" : " marks")).orElse("");
        return switch (feedback.grade()) {
            case RIGHT -> "Right" + marks;
            case WRONG -> "Wrong" + marks;
            case PENDING -> "Compare your answer with the model answer and the points above.";
            case RATED -> "Rated " + ((Response.Level) feedback.response()).level()
                    + " of 5: set it beside the evidence above.";
        };
    }
}
