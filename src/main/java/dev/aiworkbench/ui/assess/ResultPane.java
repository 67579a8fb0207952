package dev.aiworkbench.ui.assess;

import atlantafx.base.theme.Styles;
import dev.aiworkbench.assessment.AttemptScore;
import dev.aiworkbench.assessment.Calibration;
import dev.aiworkbench.curriculum.Pack;
import dev.aiworkbench.ui.common.Labels;
import dev.aiworkbench.ui.common.LinkOpener;
import dev.aiworkbench.ui.common.ReadinessCard;
import dev.aiworkbench.ui.assess.ResultSummary.PendingAnswer;
import dev.aiworkbench.ui.assess.ResultSummary.WeekLink;
import dev.aiworkbench.ui.markdown.MarkdownView;
import javafx.geometry.Insets;
import javafx.scene.control.Button;
import javafx.scene.control.Hyperlink;
import javafx.scene.control.Label;
import javafx.scene.control.ScrollPane;
import javafx.scene.input.KeyCode;
import javafx.scene.input.KeyEvent;
import javafx.scene.layout.FlowPane;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.VBox;
import org.kordamp.ikonli.feather.Feather;
import org.kordamp.ikonli.javafx.FontIcon;

import java.util.Optional;

/**
 * An attempt's result: the score, the short answers still to grade, the reliability chart of this attempt and of
 * all attempts with the calibration verdict, readiness for the milestone, and the weak weeks as links.
 */
final class ResultPane extends ScrollPane {
    private final ResultViewModel model;
    private final Pack pack;
    private final LinkOpener links;
    private final VBox body = new VBox(20);
    private final Runnable back;
    private final Runnable again;
    private Button backButton;

    /**
     * @param links opens links in the prompts and model answers
     * @param back  returns to the overview (also Esc)
     * @param again starts a new attempt at the same assessment
     */
    ResultPane(ResultViewModel model, Pack pack, LinkOpener links, Runnable back, Runnable again) {
        this.model = model;
        this.pack = pack;
        this.links = links;
        this.back = back;
        this.again = again;
        setId("result");
        setFitToWidth(true);
        setFocusTraversable(true);
        body.setPadding(new Insets(24, 32, 32, 32));
        body.setMaxWidth(900);
        setContent(body);
        // A filter, so Esc goes back whichever control has the keyboard (a focused button would swallow it).
        addEventFilter(KeyEvent.KEY_PRESSED, e -> {
            if (e.getCode() == KeyCode.ESCAPE) {
                back.run();
                e.consume();
            }
        });
        model.summaryProperty().addListener((obs, was, now) -> render());
        model.statusProperty().addListener((obs, was, now) -> render());
        render();
    }

    void takeFocus() {
        if (backButton != null) {
            backButton.requestFocus();
        } else {
            requestFocus();
        }
    }

    private void render() {
        // Asked before the controls are replaced: the focused one is about to leave the scene.
        boolean hadFocus = isFocusWithin();
        body.getChildren().clear();
        backButton = null;
        if (!model.status().isEmpty()) {
            Label status = Labels.wrapped(model.status(), Styles.TEXT_MUTED);
            status.setId("result-status");
            body.getChildren().add(status);
        }
        ResultSummary summary = model.summary();
        if (summary == null) {
            return;
        }
        Label title = Labels.wrapped("Result · " + summary.assessment().title(), Styles.TITLE_2);
        title.setId("result-title");
        body.getChildren().addAll(title, figures(summary.score(), summary.assessment().items().size()));
        if (!summary.pending().isEmpty()) {
            body.getChildren().add(pending(summary));
        }
        body.getChildren().add(calibration(summary));
        summary.readiness().ifPresent(readiness -> body.getChildren().add(
                new ReadinessCard(pack, readiness, model::openWeek, Optional.empty())));
        // The readiness card links the weak weeks of the attempt it counts; another attempt's are linked here.
        boolean linkedByCard = summary.readiness().flatMap(r -> r.quiz())
                .filter(q -> q.attemptId() == summary.attempt().id()).isPresent();
        if (!summary.weakWeeks().isEmpty() && !linkedByCard) {
            body.getChildren().add(weakWeeks(summary));
        }
        backButton = new Button("Back to the assessments", new FontIcon(Feather.ARROW_LEFT));
        backButton.setId("result-back");
        backButton.setOnAction(e -> back.run());
        Button retake = new Button("Take it again", new FontIcon(Feather.REFRESH_CW));
        retake.setId("result-again");
        retake.setOnAction(e -> again.run());
        body.getChildren().add(new HBox(8, backButton, retake));
        if (hadFocus) {
            takeFocus();
        }
    }

    private static GridPane figures(AttemptScore score, int items) {
        GridPane grid = new GridPane();
        grid.setId("result-figures");
        grid.setHgap(24);
        grid.setVgap(6);
        addFigure(grid, 0, "Answered", "result-answered", score.answered() + " of " + items);
        addFigure(grid, 1, "Right", "result-correct", String.valueOf(score.correct()));
        addFigure(grid, 2, "Certainty-based marks", "result-cbm", score.cbmTotal() + " in all, "
                + Figures.mean(score.cbmMean()) + " per graded answer");
        addFigure(grid, 3, "Waiting for a grade", "result-pending", score.pending().isEmpty() ? "none"
                : score.pending().size() + " short " + (score.pending().size() == 1 ? "answer" : "answers"));
        return grid;
    }

    private static void addFigure(GridPane grid, int row, String name, String id, String value) {
        Label label = new Label(name);
        label.getStyleClass().add(Styles.TEXT_MUTED);
        Label figure = new Label(value);
        figure.setId(id);
        figure.getStyleClass().add(Styles.TEXT_BOLD);
        grid.addRow(row, label, figure);
    }

    private MarkdownView markdown(String text) {
        MarkdownView view = new MarkdownView(links);
        view.setMarkdown(text);
        return view;
    }

    private VBox pending(ResultSummary summary) {
        VBox box = new VBox(12);
        box.setId("result-pending-answers");
        Label heading = new Label("Grade your short answers");
        heading.getStyleClass().add(Styles.TITLE_4);
        box.getChildren().add(heading);
        for (PendingAnswer answer : summary.pending()) {
            String id = answer.item().id();
            VBox card = new VBox(6);
            card.getStyleClass().add("tile");
            card.getChildren().add(markdown(answer.item().prompt()));
            card.getChildren().add(Labels.wrapped("Your answer: " + answer.text()));
            card.getChildren().add(Labels.wrapped("A model answer:", Styles.TEXT_MUTED));
            card.getChildren().add(markdown(answer.item().answer()));
            answer.item().rubric().forEach(point -> card.getChildren().add(Labels.wrapped("• " + point,
                    Styles.TEXT_MUTED)));
            Button yes = new Button("It made the points");
            yes.setId("pending-yes-" + id);
            yes.setOnAction(e -> model.grade(id, true));
            Button no = new Button("It did not");
            no.setId("pending-no-" + id);
            no.setOnAction(e -> model.grade(id, false));
            card.getChildren().add(new HBox(8, yes, no));
            box.getChildren().add(card);
        }
        return box;
    }

    private static VBox calibration(ResultSummary summary) {
        Label heading = new Label("Calibration");
        heading.getStyleClass().add(Styles.TITLE_4);
        Calibration attempt = summary.thisAttempt();
        Calibration overall = summary.overall();
        Label verdict = Labels.wrapped("This attempt: " + CalibrationTexts.verdict(attempt) + ". All attempts: "
                + CalibrationTexts.verdict(overall) + ".");
        verdict.setId("result-calibration");
        Label advice = Labels.wrapped(overall.advice(), Styles.TEXT_MUTED);
        advice.setId("result-advice");
        ReliabilityChart chart = new ReliabilityChart(Optional.of(attempt), overall);
        chart.setId("result-chart");
        return new VBox(8, heading, verdict, advice, chart);
    }

    private FlowPane weakWeeks(ResultSummary summary) {
        FlowPane links = new FlowPane(6, 4);
        links.setId("result-weak-weeks");
        Label label = Labels.wrapped("Weeks to go over again:", Styles.TEXT_BOLD);
        links.getChildren().add(label);
        for (WeekLink week : summary.weakWeeks()) {
            Hyperlink link = new Hyperlink(week.label());
            link.setId("weak-week-" + week.weekId());
            link.setOnAction(e -> model.openWeek(week.weekId()));
            links.getChildren().add(link);
        }
        return links;
    }
}
