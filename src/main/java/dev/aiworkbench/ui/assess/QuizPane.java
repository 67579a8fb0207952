package dev.aiworkbench.ui.assess;

import atlantafx.base.theme.Styles;
import dev.aiworkbench.curriculum.AssessmentItem;
import dev.aiworkbench.curriculum.Choice;
import dev.aiworkbench.curriculum.ItemType;
import dev.aiworkbench.curriculum.Pack;
import dev.aiworkbench.ui.common.Labels;
import dev.aiworkbench.ui.common.LinkOpener;
import dev.aiworkbench.ui.markdown.MarkdownView;
import javafx.beans.InvalidationListener;
import javafx.css.PseudoClass;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.control.Label;
import javafx.scene.control.ScrollPane;
import javafx.scene.control.TextArea;
import javafx.scene.control.TextInputControl;
import javafx.scene.control.ToggleButton;
import javafx.scene.input.KeyCode;
import javafx.scene.input.KeyCodeCombination;
import javafx.scene.input.KeyCombination;
import javafx.scene.input.KeyEvent;
import javafx.scene.layout.HBox;
import javafx.scene.layout.VBox;

import java.util.List;
import java.util.stream.Collectors;

/**
 * A quiz on screen, item by item. Plain keys drive it (digits pick or rate, G/F/S say how sure, Enter submits and
 * goes on, Y/N grade a short answer, Esc leaves); modified keys are left alone, so Ctrl+digits still navigate.
 * What each key does is {@link QuizViewModel}'s; this builds the item and its feedback from the model's state.
 */
final class QuizPane extends ScrollPane {
    private static final PseudoClass PICKED = PseudoClass.getPseudoClass("picked");
    private static final KeyCombination TEXT_DONE = new KeyCodeCombination(KeyCode.ENTER, KeyCombination.SHORTCUT_DOWN);
    private static final String[] CONFIDENCE = {"G · a guess", "F · fairly sure", "S · sure"};
    private static final String[] RATINGS = {"1 · not yet", "2 · barely", "3 · with help", "4 · on my own",
            "5 · with confidence"};

    private final QuizViewModel model;
    private final Pack pack;
    private final LinkOpener links;
    private final VBox body = new VBox(16);
    private final Label position = new Label();
    private TextArea answer;

    QuizPane(QuizViewModel model, Pack pack, LinkOpener links) {
        this.model = model;
        this.pack = pack;
        this.links = links;
        setId("quiz");
        setFitToWidth(true);
        setFocusTraversable(true);
        body.setPadding(new Insets(24, 32, 32, 32));
        body.setMaxWidth(860);
        setContent(body);
        position.setId("quiz-position");
        position.getStyleClass().add(Styles.TEXT_MUTED);
        position.textProperty().bind(model.positionProperty());
        InvalidationListener render = obs -> render();
        model.stepProperty().addListener(render);
        model.itemProperty().addListener(obs -> {
            answer = null;
            render();
        });
        model.feedbackProperty().addListener(render);
        model.confidenceProperty().addListener(render);
        model.levelProperty().addListener(render);
        model.modelVerdictProperty().addListener(render);
        model.messageProperty().addListener(render);
        model.picked().addListener(render);
        addEventFilter(KeyEvent.KEY_PRESSED, this::key);
        render();
    }

    private void key(KeyEvent e) {
        if (e.getCode() == KeyCode.ESCAPE) {
            model.leave();
            e.consume();
            return;
        }
        if (getScene() != null && getScene().getFocusOwner() instanceof TextInputControl) {
            if (TEXT_DONE.match(e)) {
                model.textDone();
                e.consume();
            }
            return;
        }
        if (e.isShortcutDown() || e.isControlDown() || e.isAltDown() || e.isMetaDown()) {
            return;
        }
        int digit = digit(e.getCode());
        boolean handled = true;
        if (digit > 0) {
            model.digit(digit);
        } else {
            switch (e.getCode()) {
                case G -> model.confidence(1);
                case F -> model.confidence(2);
                case S -> model.confidence(3);
                case Y -> model.gradeShort(true);
                case N -> model.gradeShort(false);
                case ENTER -> model.enter();
                default -> handled = false;
            }
        }
        if (handled) {
            e.consume();
        }
    }

    /** 1 to 9 for a digit key (top row or keypad), else 0. */
    private static int digit(KeyCode code) {
        if (code.ordinal() >= KeyCode.DIGIT1.ordinal() && code.ordinal() <= KeyCode.DIGIT9.ordinal()) {
            return code.ordinal() - KeyCode.DIGIT0.ordinal();
        }
        if (code.ordinal() >= KeyCode.NUMPAD1.ordinal() && code.ordinal() <= KeyCode.NUMPAD9.ordinal()) {
            return code.ordinal() - KeyCode.NUMPAD0.ordinal();
        }
        return 0;
    }

    /** Gives the keyboard to the quiz: the answer box while writing, else the quiz itself. */
    void takeFocus() {
        if (answer != null && model.step() == QuizViewModel.Step.ANSWER) {
            answer.requestFocus();
        } else {
            requestFocus();
        }
    }

    private void render() {
        Label title = Labels.wrapped(model.title(), Styles.TITLE_3);
        title.setId("quiz-title");
        body.getChildren().setAll(title, position);
        AssessmentItem item = model.item();
        if (model.step() == QuizViewModel.Step.RULE || item == null) {
            if (!model.description().isBlank()) {
                MarkdownView description = new MarkdownView(links);
                description.setId("quiz-description");
                description.setMarkdown(model.description());
                body.getChildren().add(description);
            }
            body.getChildren().add(new MarkingRule());
            addMessage();
            takeFocusLater();
            return;
        }
        Label weeks = new Label(weeks(item));
        weeks.setId("quiz-weeks");
        weeks.getStyleClass().addAll(Styles.TEXT_MUTED, Styles.TEXT_SMALL);
        MarkdownView prompt = new MarkdownView(links);
        prompt.setId("quiz-prompt");
        prompt.setMarkdown(item.prompt());
        body.getChildren().addAll(weeks, prompt);
        Feedback feedback = model.feedback();
        switch (item.type()) {
            case SINGLE, MULTIPLE -> body.getChildren().add(choices(item, feedback));
            case SHORT -> body.getChildren().add(shortAnswer(item, feedback));
            case CAPABILITY -> body.getChildren().add(ratings(item, feedback));
        }
        if (item.type().scored()) {
            body.getChildren().add(confidenceRow(feedback != null));
        }
        addMessage();
        if (feedback != null) {
            body.getChildren().add(new FeedbackBox(feedback, model.modelVerdictProperty().get(), links,
                    model::gradeShort));
        }
        body.getChildren().add(hint(item));
        takeFocusLater();
    }

    private void takeFocusLater() {
        if (getScene() != null) {
            takeFocus();
        }
    }

    private String weeks(AssessmentItem item) {
        return (item.weeks().size() == 1 ? "Week " : "Weeks ") + item.weeks().stream()
                .map(id -> pack.week(id).map(w -> String.valueOf(w.number())).orElse(id))
                .collect(Collectors.joining(", "));
    }

    private void addMessage() {
        if (!model.messageProperty().get().isEmpty()) {
            Label message = Labels.wrapped(model.messageProperty().get(), Styles.WARNING);
            message.setId("quiz-message");
            body.getChildren().add(message);
        }
    }

    private VBox choices(AssessmentItem item, Feedback feedback) {
        VBox rows = new VBox(8);
        rows.setId("quiz-choices");
        List<Choice> choices = item.choices();
        for (int i = 0; i < choices.size(); i++) {
            int number = i + 1;
            Choice choice = choices.get(i);
            Label key = new Label(String.valueOf(number));
            key.getStyleClass().add("choice-key");
            Label text = Labels.wrapped(choice.text(), "choice-text");
            VBox content = new VBox(4, text);
            HBox row = new HBox(12, key, content);
            row.setId("choice-" + number);
            row.getStyleClass().add("choice-row");
            row.setAlignment(Pos.TOP_LEFT);
            boolean picked = model.picked().contains(i);
            row.pseudoClassStateChanged(PICKED, picked);
            if (feedback != null) {
                row.getStyleClass().add(choice.correct() ? "choice-correct" : picked ? "choice-wrong" : "choice-other");
                String verdict = (choice.correct() ? "Right choice" : "Wrong choice") + (picked ? ", picked. " : ". ");
                content.getChildren().add(Labels.wrapped(verdict + choice.why(), Styles.TEXT_SMALL, "choice-why"));
            } else {
                row.setOnMouseClicked(e -> model.digit(number));
            }
            rows.getChildren().add(row);
        }
        return rows;
    }

    private VBox shortAnswer(AssessmentItem item, Feedback feedback) {
        if (answer == null) {
            answer = new TextArea();
            answer.setId("quiz-answer");
            answer.setWrapText(true);
            answer.setPrefRowCount(6);
            answer.setPromptText("Your answer, in your own words. Ctrl+Enter when done.");
            answer.textProperty().bindBidirectional(model.textProperty());
            answer.focusedProperty().addListener((obs, was, now) -> {
                if (now) {
                    model.editText();
                }
            });
        }
        answer.setEditable(feedback == null);
        VBox box = new VBox(8, answer);
        if (feedback != null) {
            Label heading = new Label("A model answer");
            heading.getStyleClass().add(Styles.TEXT_BOLD);
            MarkdownView modelAnswer = new MarkdownView(links);
            modelAnswer.setMarkdown(item.answer());
            modelAnswer.setId("quiz-model-answer");
            Label rubricHeading = new Label("A good answer makes these points");
            rubricHeading.getStyleClass().add(Styles.TEXT_BOLD);
            VBox rubric = new VBox(4);
            rubric.setId("quiz-rubric");
            item.rubric().forEach(point -> rubric.getChildren().add(Labels.wrapped("• " + point)));
            box.getChildren().addAll(heading, modelAnswer, rubricHeading, rubric);
        }
        return box;
    }

    private VBox ratings(AssessmentItem item, Feedback feedback) {
        HBox buttons = new HBox(8);
        buttons.setId("quiz-ratings");
        for (int level = 1; level <= RATINGS.length; level++) {
            int chosen = level;
            ToggleButton button = new ToggleButton(RATINGS[level - 1]);
            button.setId("rating-" + level);
            button.setSelected(model.levelProperty().get() == level);
            button.setDisable(feedback != null);
            button.setOnAction(e -> model.digit(chosen));
            buttons.getChildren().add(button);
        }
        VBox box = new VBox(8, buttons);
        if (feedback != null && !item.evidence().isEmpty()) {
            Label heading = new Label("What would prove it");
            heading.getStyleClass().add(Styles.TEXT_BOLD);
            VBox evidence = new VBox(4);
            evidence.setId("quiz-evidence");
            item.evidence().forEach(id -> evidence.getChildren().add(Labels.wrapped("• " + evidenceName(id))));
            box.getChildren().addAll(heading, evidence);
        }
        return box;
    }

    private String evidenceName(String id) {
        return pack.workItem(id).map(w -> w.title() + " (" + id + ")").orElse(id);
    }

    private HBox confidenceRow(boolean answered) {
        HBox row = new HBox(8);
        row.setId("quiz-confidence");
        row.setAlignment(Pos.CENTER_LEFT);
        Label label = new Label("How sure?");
        row.getChildren().add(label);
        for (int level = 1; level <= CONFIDENCE.length; level++) {
            int chosen = level;
            ToggleButton button = new ToggleButton(CONFIDENCE[level - 1]);
            button.setId("confidence-" + level);
            button.setSelected(model.confidenceProperty().get() == level);
            button.setDisable(answered);
            button.setOnAction(e -> model.confidence(chosen));
            row.getChildren().add(button);
        }
        return row;
    }

    private Label hint(AssessmentItem item) {
        String keys = switch (model.step()) {
            case FEEDBACK -> (item.type() == ItemType.SHORT ? "Y or N: grade it · " : "") + "Enter: next · Esc: leave";
            case SAVING -> "Recording…";
            case CONFIDENCE -> "G, F or S: how sure · Enter: submit · click the answer to edit it · Esc: leave";
            case RULE -> "Enter: begin · Esc: leave";
            case ANSWER -> switch (item.type()) {
                case SINGLE -> "1–" + item.choices().size() + ": pick · G, F or S: how sure · Enter: submit · Esc: leave";
                case MULTIPLE -> "1–" + item.choices().size()
                        + ": pick or unpick · G, F or S: how sure · Enter: submit · Esc: leave";
                case SHORT -> "Write your answer · Ctrl+Enter: done, then say how sure · Esc: leave";
                case CAPABILITY -> "1–5: rate · Enter: submit · Esc: leave";
            };
        };
        Label hint = Labels.wrapped(keys, Styles.TEXT_SMALL, Styles.TEXT_MUTED);
        hint.setId("quiz-keys");
        return hint;
    }
}
