package dev.aiworkbench.ui.common;

import dev.aiworkbench.assessment.AttemptScore;
import dev.aiworkbench.assessment.CheckTally;
import dev.aiworkbench.assessment.Readiness;
import dev.aiworkbench.assessment.ReadinessVerdict;
import dev.aiworkbench.curriculum.EvidenceLevels;
import dev.aiworkbench.curriculum.InstalledPack;
import dev.aiworkbench.curriculum.Pack;
import dev.aiworkbench.curriculum.ReadinessThresholds;
import dev.aiworkbench.ui.AppDriver;
import javafx.application.Application;
import javafx.scene.control.Hyperlink;
import javafx.scene.control.Label;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import static dev.aiworkbench.ui.AppDriver.node;
import static org.assertj.core.api.Assertions.assertThat;

/** The card shows what it is given and hands its links and its button to the caller. */
@Tag("ui")
@ExtendWith(ApplicationExtension.class)
class ReadinessCardTest {
    private static final Pack PACK = InstalledPack.load(Optional.empty(), "0.1.0").pack().orElseThrow();
    private static final ReadinessThresholds THRESHOLDS = new ReadinessThresholds(
            new EvidenceLevels(0.6, 0.75, 0.3), new EvidenceLevels(0.4, 0.5, 0.0));

    private final List<String> weeksOpened = new ArrayList<>();
    private final List<String> quizzesOpened = new ArrayList<>();
    private Stage stage;

    @AfterEach
    void close(FxRobot robot) {
        if (stage != null) {
            robot.interact(stage::close);
        }
    }

    private void show(FxRobot robot, Readiness readiness, Optional<ReadinessCard.QuizAction> quiz) {
        robot.interact(() -> {
            // The app's style sheet is written with the theme's looked-up colours, so the theme comes first.
            Application.setUserAgentStylesheet(ThemeChoice.LIGHT.theme().getUserAgentStylesheet());
            stage = AppDriver.showAlone(new ReadinessCard(PACK, readiness, weeksOpened::add, quiz), 700, 400);
        });
    }

    @Test
    void a_nearly_verdict_with_a_quiz_shows_each_share_against_its_threshold_and_links_the_weak_weeks(FxRobot robot) {
        Readiness readiness = new Readiness("milestone-1", "The gateway", 12, "before-milestone-1",
                ReadinessVerdict.NEARLY, new EvidenceLevels(0.45, 0.8, 0.2), THRESHOLDS,
                Optional.of(new AttemptScore("before-milestone-1", 7, 40, 30, 50, 1.25, 0.45, List.of(), List.of(),
                        List.of("week-02"))),
                new CheckTally(4, 5), new CheckTally(1, 5), List.of(), List.of("week-02"));

        show(robot, readiness, Optional.of(ReadinessCard.QuizAction.resume(() -> quizzesOpened.add("resume"))));

        Label verdict = node(robot, "#readiness-verdict", Label.class);
        assertThat(verdict.getText()).isEqualTo("Nearly");
        assertThat(verdict.getStyleClass()).contains("readiness-nearly");
        assertThat(node(robot, "#readiness-quiz", Label.class).getText())
                .isEqualTo("45% of the marks · 40 answered · ready at 60%");
        assertThat(node(robot, "#readiness-labs", Label.class).getText()).isEqualTo("4 of 5 lab checks pass · ready at 75%");
        assertThat(node(robot, "#readiness-checklist", Label.class).getText()).isEqualTo("1 of 5 done · ready at 30%");
        assertThat(robot.lookup("#readiness-labs-bar .threshold-bar-fill").query().getStyleClass())
                .contains("reached-ready");
        assertThat(robot.lookup("#readiness-quiz-bar .threshold-bar-fill").query().getStyleClass())
                .contains("reached-nearly");

        Hyperlink week = robot.lookup("#readiness-weak-weeks .hyperlink").queryAs(Hyperlink.class);
        assertThat(week.getText()).startsWith("Week 2 · ");
        robot.clickOn(week);
        robot.clickOn("#readiness-take-quiz");

        assertThat(weeksOpened).containsExactly("week-02");
        assertThat(quizzesOpened).containsExactly("resume");
        assertThat(robot.lookup("#readiness-take-quiz").queryButton().getText()).isEqualTo("Resume the quiz");
    }

    @Test
    void without_an_attempt_the_quiz_row_says_so_and_without_an_action_there_is_no_button(FxRobot robot) {
        Readiness readiness = new Readiness("milestone-1", "The gateway", 12, "before-milestone-1",
                ReadinessVerdict.NOT_YET, new EvidenceLevels(0, 1, 0), THRESHOLDS, Optional.empty(),
                new CheckTally(0, 0), new CheckTally(0, 5), List.of(), List.of());

        show(robot, readiness, Optional.empty());

        assertThat(node(robot, "#readiness-verdict", Label.class).getStyleClass()).contains("readiness-not-yet");
        assertThat(node(robot, "#readiness-quiz", Label.class).getText()).isEqualTo("no attempt yet · ready at 60%");
        assertThat(node(robot, "#readiness-labs", Label.class).getText()).isEqualTo("no lab checks in this phase");
        assertThat(robot.lookup("#readiness-weak-weeks").tryQuery()).isEmpty();
        assertThat(robot.lookup("#readiness-take-quiz").tryQuery()).isEmpty();
    }
}
