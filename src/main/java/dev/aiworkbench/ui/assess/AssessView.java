package dev.aiworkbench.ui.assess;

import dev.aiworkbench.curriculum.Pack;
import dev.aiworkbench.ui.common.FocusableScreen;
import dev.aiworkbench.ui.common.LinkOpener;
import javafx.application.Platform;
import javafx.scene.control.ButtonBase;
import javafx.scene.input.KeyCode;
import javafx.scene.input.KeyEvent;
import javafx.scene.layout.StackPane;

/** The Assess screen: shows the overview, a quiz or a result, as {@link AssessViewModel} says. */
public final class AssessView extends StackPane implements FocusableScreen {
    private final AssessViewModel model;
    private final Pack pack;
    private final LinkOpener links;
    private final OverviewPane overview;
    private QuizViewModel shownQuiz;
    private ResultViewModel shownResult;

    public AssessView(AssessViewModel model, Pack pack, LinkOpener links) {
        this.model = model;
        this.pack = pack;
        this.links = links;
        this.overview = new OverviewPane(model);
        setId("assess");
        model.pageProperty().addListener((obs, was, now) -> show());
        model.quizProperty().addListener((obs, was, now) -> show());
        model.resultProperty().addListener((obs, was, now) -> show());
        // Enter presses the focused button or link too (JavaFX leaves Enter to a default button), so Start, Review
        // now and Back answer the same key as the quiz; the quiz consumes its own Enter before it gets here.
        addEventHandler(KeyEvent.KEY_PRESSED, e -> {
            if (e.getCode() == KeyCode.ENTER && !e.isShortcutDown() && getScene() != null
                    && getScene().getFocusOwner() instanceof ButtonBase button) {
                button.fire();
                e.consume();
            }
        });
        show();
    }

    /** Shows what another screen links to: an assessment's card, or "review" to start the review. */
    public void open(String target) {
        model.open(target);
    }

    @Override
    public void focusFirst() {
        if (model.page() == AssessViewModel.Page.OVERVIEW) {
            model.load();
        }
        // After the shell has put the screen in place, so the focus request lands in the scene.
        Platform.runLater(this::focusPage);
    }

    /** Puts the page the model names on screen; a quiz or result gets its pane once, however many changes say so. */
    private void show() {
        switch (model.page()) {
            case OVERVIEW -> {
                shownQuiz = null;
                shownResult = null;
                getChildren().setAll(overview);
            }
            case QUIZ -> {
                QuizViewModel quiz = model.quiz();
                if (quiz != null && quiz != shownQuiz) {
                    shownQuiz = quiz;
                    getChildren().setAll(new QuizPane(quiz, pack, links));
                }
            }
            case RESULT -> {
                ResultViewModel result = model.result();
                if (result != null && result != shownResult) {
                    shownResult = result;
                    getChildren().setAll(new ResultPane(result, pack, links, () -> model.showOverview(""),
                            () -> startAgain(result)));
                }
            }
        }
        focusPage();
    }

    private void startAgain(ResultViewModel result) {
        ResultSummary summary = result.summary();
        if (summary != null) {
            model.start(summary.assessment().id());
        }
    }

    private void focusPage() {
        if (getScene() == null || getChildren().isEmpty()) {
            return;
        }
        switch (getChildren().getFirst()) {
            case QuizPane quiz -> quiz.takeFocus();
            case ResultPane result -> result.takeFocus();
            case OverviewPane pane -> pane.takeFocus();
            default -> {
            }
        }
    }
}
