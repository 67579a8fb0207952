package dev.aiworkbench.ui.assess;

import atlantafx.base.theme.Styles;
import dev.aiworkbench.assessment.Calibration;
import dev.aiworkbench.ui.common.Labels;
import dev.aiworkbench.ui.common.Sentences;
import javafx.beans.InvalidationListener;
import javafx.css.PseudoClass;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.ScrollPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.VBox;
import org.kordamp.ikonli.feather.Feather;
import org.kordamp.ikonli.javafx.FontIcon;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The pack's assessments as cards (Start or Resume, the last score), the review that is due, and calibration over
 * all attempts.
 */
final class OverviewPane extends ScrollPane {
    private static final PseudoClass TARGET = PseudoClass.getPseudoClass("target");

    private final AssessViewModel model;
    private final VBox body = new VBox(20);
    private final List<Button> startButtons = new ArrayList<>();
    private Button reviewButton;
    /** The screen was opened before its cards were read: the keyboard goes to them once they are. */
    private boolean focusWanted;

    OverviewPane(AssessViewModel model) {
        this.model = model;
        setId("assess-overview");
        setFitToWidth(true);
        body.setPadding(new Insets(24, 32, 32, 32));
        body.setMaxWidth(900);
        setContent(body);
        InvalidationListener render = obs -> render();
        model.cards().addListener(render);
        model.dueProperty().addListener(render);
        model.calibrationProperty().addListener(render);
        model.statusProperty().addListener(render);
        model.focusedProperty().addListener(render);
        body.sceneProperty().addListener((obs, was, now) -> {
            if (now != null && focusWanted) {
                takeFocus();
            }
        });
        render();
    }

    /** The keyboard goes to the card another screen asked for, else the review when due, else the first card. */
    void takeFocus() {
        if (body.getScene() == null) {
            // The scroll pane puts its content into the scene on a later pulse; a node outside one cannot take
            // focus, so the request waits for that.
            focusWanted = true;
            return;
        }
        String focused = model.focusedProperty().get();
        Optional<Button> target = startButtons.stream().filter(b -> b.getId().equals("start-" + focused)).findFirst();
        focusWanted = false;
        if (target.isPresent()) {
            target.get().requestFocus();
        } else if (reviewButton != null && !reviewButton.isDisabled()) {
            reviewButton.requestFocus();
        } else if (!startButtons.isEmpty()) {
            startButtons.getFirst().requestFocus();
        } else {
            focusWanted = true;
        }
    }

    private void render() {
        String hadFocus = isFocusWithin() && getScene().getFocusOwner() != null ? getScene().getFocusOwner().getId()
                : null;
        startButtons.clear();
        Label title = new Label("Assess");
        title.getStyleClass().add(Styles.TITLE_2);
        Label intro = Labels.wrapped("Check yourself before each milestone project: answer, say how sure you are, "
                + "and see how well your confidence matches your results.", Styles.TEXT_MUTED);
        body.getChildren().setAll(title, intro);
        if (!model.status().isEmpty()) {
            Label status = Labels.wrapped(model.status(), Styles.ACCENT);
            status.setId("assess-status");
            body.getChildren().add(status);
        }
        body.getChildren().add(reviewRow());
        VBox cards = new VBox(12);
        cards.setId("assess-cards");
        model.cards().forEach(card -> cards.getChildren().add(card(card)));
        body.getChildren().add(cards);
        Calibration calibration = model.calibrationProperty().get();
        if (calibration != null) {
            body.getChildren().add(calibration(calibration));
        }
        // Rebuilt controls are new nodes: the keyboard goes back to the one that had it.
        Node again = hadFocus == null ? null : body.lookup("#" + hadFocus);
        if (again != null && model.focusedProperty().get().isEmpty()) {
            again.requestFocus();
        } else if (hadFocus != null || focusWanted || !model.focusedProperty().get().isEmpty()) {
            takeFocus();
        }
    }

    private HBox reviewRow() {
        int due = model.dueProperty().get();
        Label text = Labels.wrapped(due == 0 ? "Nothing is due for review today."
                : due + (due == 1 ? " item is" : " items are") + " due for review today.");
        text.setId("assess-due");
        reviewButton = new Button("Review now", new FontIcon(Feather.REPEAT));
        reviewButton.setId("assess-review-now");
        reviewButton.setDisable(due == 0);
        reviewButton.setOnAction(e -> model.review());
        HBox row = new HBox(12, text, reviewButton);
        row.setAlignment(Pos.CENTER_LEFT);
        row.getStyleClass().add("tile");
        return row;
    }

    private VBox card(AssessmentCard card) {
        Label title = Labels.wrapped(card.title(), Styles.TITLE_4);
        Label milestone = Labels.wrapped(card.milestone() + " · " + card.items() + " items",
                Styles.TEXT_MUTED);
        Label last = Labels.wrapped(card.lastLine());
        last.setId("last-" + card.id());
        Button start = new Button(card.action(), new FontIcon(card.resumes() ? Feather.PLAY : Feather.EDIT_3));
        start.setId("start-" + card.id());
        start.getStyleClass().add(Styles.ACCENT);
        start.setOnAction(e -> model.start(card.id()));
        startButtons.add(start);
        HBox actions = new HBox(8, start);
        if (card.last().isPresent()) {
            Button result = new Button("See the last result", new FontIcon(Feather.BAR_CHART_2));
            result.setId("result-" + card.id());
            result.setOnAction(e -> model.showLastResult(card.id()));
            actions.getChildren().add(result);
        }
        VBox box = new VBox(6, title, milestone, last, actions);
        box.setId("card-" + card.id());
        box.getStyleClass().addAll("tile", "assessment-card");
        box.pseudoClassStateChanged(TARGET, card.id().equals(model.focusedProperty().get()));
        return box;
    }

    private static VBox calibration(Calibration calibration) {
        Label heading = new Label("Calibration over all attempts");
        heading.getStyleClass().add(Styles.TITLE_4);
        Label verdict = Labels.wrapped(Sentences.of(CalibrationTexts.verdict(calibration)) + " "
                + calibration.advice());
        verdict.setId("assess-calibration");
        VBox box = new VBox(8, heading, verdict);
        if (calibration.graded() > 0) {
            ReliabilityChart chart = new ReliabilityChart(Optional.empty(), calibration);
            chart.setId("assess-chart");
            box.getChildren().add(chart);
        }
        return box;
    }
}
