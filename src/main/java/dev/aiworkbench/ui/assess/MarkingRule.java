package dev.aiworkbench.ui.assess;

import atlantafx.base.theme.Styles;
import dev.aiworkbench.assessment.CertaintyMarks;
import dev.aiworkbench.ui.common.Labels;
import javafx.scene.control.Label;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.VBox;

/** Certainty-based marking as the learner reads it before a new attempt: the marks and when each confidence pays. */
final class MarkingRule extends VBox {
    private static final String[][] LEVELS = {
            {"G", "1 · a guess", "you are right less than 2 times in 3"},
            {"F", "2 · fairly sure", "you are right between 2 in 3 and 4 in 5 times"},
            {"S", "3 · sure", "you are right more than 4 times in 5"}};

    MarkingRule() {
        super(12);
        setId("marking-rule");
        getStyleClass().addAll("tile", "marking-rule");
        Label heading = new Label("How answers are marked");
        heading.getStyleClass().add(Styles.TITLE_4);
        Label intro = Labels.wrapped("Each answer carries how sure you are. A right answer earns more the surer you "
                + "were; a wrong one costs more. Saying honestly how sure you are scores best.");
        GridPane table = new GridPane();
        table.setHgap(18);
        table.setVgap(6);
        table.addRow(0, header("Key"), header("Confidence"), header("Right"), header("Wrong"), header("Best when"));
        for (int i = 0; i < LEVELS.length; i++) {
            int level = i + 1;
            table.addRow(level, new Label(LEVELS[i][0]), new Label(LEVELS[i][1]),
                    new Label(signed(CertaintyMarks.score(true, level))),
                    new Label(signed(CertaintyMarks.score(false, level))), Labels.wrapped(LEVELS[i][2]));
        }
        Label start = Labels.wrapped("Press Enter to begin. Esc leaves the quiz; it waits here to be resumed.",
                Styles.TEXT_MUTED);
        getChildren().addAll(heading, intro, table, start);
    }

    private static Label header(String text) {
        Label label = new Label(text);
        label.getStyleClass().add(Styles.TEXT_BOLD);
        return label;
    }

    private static String signed(int marks) {
        return marks > 0 ? "+" + marks : marks < 0 ? "−" + -marks : "0";
    }
}
