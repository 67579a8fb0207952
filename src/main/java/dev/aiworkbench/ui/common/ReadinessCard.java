package dev.aiworkbench.ui.common;

import atlantafx.base.theme.Styles;
import dev.aiworkbench.assessment.AttemptScore;
import dev.aiworkbench.assessment.CheckTally;
import dev.aiworkbench.assessment.Readiness;
import dev.aiworkbench.curriculum.EvidenceLevels;
import dev.aiworkbench.curriculum.Pack;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.control.Button;
import javafx.scene.control.Hyperlink;
import javafx.scene.control.Label;
import javafx.scene.layout.FlowPane;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;
import org.kordamp.ikonli.feather.Feather;
import org.kordamp.ikonli.javafx.FontIcon;

import java.util.Optional;
import java.util.function.Consumer;

/**
 * How ready the evidence says the learner is for one milestone project: the verdict, the quiz, lab and checklist
 * shares against the ready threshold, the weak weeks as links, and the action that takes (or resumes) the quiz.
 * A view only: it is handed a readiness already worked out.
 */
public final class ReadinessCard extends VBox {

    /** The card's button: what it says ("Take the quiz" or "Resume") and what it does. */
    public record QuizAction(String label, Runnable run) {
        public static QuizAction take(Runnable run) {
            return new QuizAction("Take the quiz", run);
        }

        public static QuizAction resume(Runnable run) {
            return new QuizAction("Resume the quiz", run);
        }
    }

    /**
     * @param pack     names the weak weeks
     * @param openWeek opens a week's page by its id
     * @param quiz     the button under the card; empty where the quiz is already on screen
     */
    public ReadinessCard(Pack pack, Readiness readiness, Consumer<String> openWeek, Optional<QuizAction> quiz) {
        super(10);
        setId("readiness-card");
        getStyleClass().addAll("tile", "readiness-card");
        setMaxWidth(Double.MAX_VALUE);
        getChildren().add(header(readiness));
        getChildren().add(evidence(readiness));
        if (!readiness.weakWeeks().isEmpty()) {
            getChildren().add(weakWeeks(pack, readiness, openWeek));
        }
        quiz.ifPresent(action -> getChildren().add(button(action)));
    }

    private static HBox header(Readiness readiness) {
        Label title = Labels.wrapped("Readiness for " + readiness.milestoneTitle(), Styles.TITLE_4);
        Label verdict = new Label(readiness.verdict().label());
        verdict.setId("readiness-verdict");
        verdict.getStyleClass().addAll("badge", "readiness-" + readiness.verdict().id());
        verdict.setMinWidth(Region.USE_PREF_SIZE);
        Region gap = new Region();
        HBox.setHgrow(title, Priority.SOMETIMES);
        HBox.setHgrow(gap, Priority.ALWAYS);
        HBox header = new HBox(12, title, gap, verdict);
        header.setAlignment(Pos.CENTER_LEFT);
        return header;
    }

    private static GridPane evidence(Readiness readiness) {
        EvidenceLevels measured = readiness.measured();
        EvidenceLevels ready = readiness.thresholds().ready();
        EvidenceLevels nearly = readiness.thresholds().nearly();
        GridPane grid = new GridPane();
        grid.setHgap(12);
        grid.setVgap(6);
        grid.getStyleClass().add("readiness-evidence");
        addRow(grid, 0, "quiz", "Quiz", measured.quiz(), ready.quiz(), nearly.quiz(), quizText(readiness.quiz(),
                measured.quiz(), ready.quiz()));
        addRow(grid, 1, "labs", "Labs", measured.labs(), ready.labs(), nearly.labs(),
                tallyText(readiness.labs(), "lab checks pass", "no lab checks in this phase", ready.labs()));
        addRow(grid, 2, "checklist", "Checklist", measured.checklist(), ready.checklist(), nearly.checklist(),
                tallyText(readiness.checklist(), "done", "no checklist", ready.checklist()));
        return grid;
    }

    private static void addRow(GridPane grid, int row, String id, String name, double measured, double ready,
                               double nearly, String text) {
        String reached = measured >= ready ? "reached-ready" : measured >= nearly ? "reached-nearly" : "reached-none";
        ThresholdBar bar = new ThresholdBar(measured, ready, reached);
        bar.setId("readiness-" + id + "-bar");
        bar.setAccessibleText(name + ": " + text);
        Label figures = new Label(text);
        figures.setId("readiness-" + id);
        figures.getStyleClass().add(Styles.TEXT_MUTED);
        Labels.wrap(figures);
        GridPane.setHgrow(figures, Priority.ALWAYS);
        grid.addRow(row, new Label(name), bar, figures);
    }

    private static String quizText(Optional<AttemptScore> quiz, double measured, double ready) {
        return quiz.map(score -> percent(measured) + " of the marks · " + score.answered() + " answered · ready at "
                + percent(ready)).orElse("no attempt yet · ready at " + percent(ready));
    }

    private static String tallyText(CheckTally tally, String what, String none, double ready) {
        if (tally.total() == 0) {
            return none;
        }
        return tally.met() + " of " + tally.total() + " " + what + " · ready at " + percent(ready);
    }

    private static FlowPane weakWeeks(Pack pack, Readiness readiness, Consumer<String> openWeek) {
        FlowPane links = new FlowPane(4, 2);
        links.setId("readiness-weak-weeks");
        Label label = new Label("Weak weeks:");
        label.getStyleClass().add(Styles.TEXT_MUTED);
        links.getChildren().add(label);
        for (String weekId : readiness.weakWeeks()) {
            Hyperlink link = new Hyperlink(pack.week(weekId).map(w -> "Week " + w.number() + " · " + w.title())
                    .orElse(weekId));
            link.setOnAction(e -> openWeek.accept(weekId));
            links.getChildren().add(link);
        }
        return links;
    }

    private static HBox button(QuizAction action) {
        Button button = new Button(action.label(), new FontIcon(Feather.EDIT_3));
        button.setId("readiness-take-quiz");
        button.setOnAction(e -> action.run().run());
        HBox row = new HBox(button);
        row.setPadding(new Insets(4, 0, 0, 0));
        return row;
    }

    private static String percent(double share) {
        return Math.round(share * 100) + "%";
    }
}
