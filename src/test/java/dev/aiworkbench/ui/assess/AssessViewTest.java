package dev.aiworkbench.ui.assess;

import dev.aiworkbench.app.WorkbenchOptions;
import dev.aiworkbench.ui.AppDriver;
import dev.aiworkbench.ui.WorkbenchApp;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.Hyperlink;
import javafx.scene.control.Label;
import javafx.scene.paint.Paint;
import javafx.scene.shape.Circle;
import javafx.scene.shape.Rectangle;
import javafx.scene.text.Text;
import javafx.scene.input.KeyCode;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;

import java.nio.file.Path;
import java.util.List;
import java.util.Optional;

import static dev.aiworkbench.ui.AppDriver.node;
import static dev.aiworkbench.ui.AppDriver.waitFor;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * A learner takes the 4-item assessment by keyboard alone, from Ctrl+7 to the result: the marking rule, digits to
 * pick, G/F/S to say how sure, Enter to submit and go on, a written answer finished with Ctrl+Enter and graded
 * with N (no model server answers), a capability rated with a digit. The result's chart follows the theme.
 */
@Tag("ui")
@ExtendWith(ApplicationExtension.class)
class AssessViewTest {
    @TempDir
    Path temp;

    private WorkbenchApp app;

    @AfterEach
    void stop() throws Exception {
        if (app != null) {
            AppDriver.stop(app);
        }
    }

    @Test
    void a_quiz_is_taken_by_keyboard_to_its_result(FxRobot robot) throws Exception {
        Path pack = QuizPack.copy(temp.resolve("pack"));
        app = AppDriver.start(new WorkbenchOptions(Optional.of(temp.resolve("data")), Optional.of(pack),
                Optional.of("http://127.0.0.1:9")));
        AppDriver.waitUntilReady(app);

        robot.press(KeyCode.CONTROL).type(KeyCode.DIGIT7).release(KeyCode.CONTROL);
        String start = "#start-" + QuizPack.ASSESSMENT;
        waitFor(() -> robot.lookup(start).tryQuery().map(Node::isFocused).orElse(false));
        assertThat(node(robot, start, Button.class).getText()).isEqualTo("Start");
        robot.type(KeyCode.ENTER);
        waitFor(() -> robot.lookup("#marking-rule").tryQuery().isPresent());
        robot.type(KeyCode.ENTER);
        waitFor(() -> text(robot, "#quiz-position").equals("Item 1 of 4"));

        robot.type(KeyCode.DIGIT1, KeyCode.S, KeyCode.ENTER);
        waitFor(() -> text(robot, "#quiz-verdict").equals("Right · +3 marks"));
        robot.type(KeyCode.ENTER);
        waitFor(() -> text(robot, "#quiz-position").equals("Item 2 of 4"));

        robot.type(KeyCode.DIGIT1, KeyCode.DIGIT2, KeyCode.F, KeyCode.ENTER);
        waitFor(() -> text(robot, "#quiz-verdict").equals("Right · +2 marks"));
        robot.type(KeyCode.ENTER);
        waitFor(() -> text(robot, "#quiz-position").equals("Item 3 of 4")
                && robot.lookup("#quiz-answer").tryQuery().map(Node::isFocused).orElse(false));

        robot.write("Cost per route, so regressions show.");
        robot.press(KeyCode.CONTROL).type(KeyCode.ENTER).release(KeyCode.CONTROL);
        robot.type(KeyCode.G, KeyCode.ENTER);
        waitFor(() -> text(robot, "#quiz-model-verdict").startsWith("No local model answered"));
        assertThat(robot.lookup("#quiz-model-answer").tryQuery()).isPresent();
        robot.type(KeyCode.N);
        waitFor(() -> text(robot, "#quiz-verdict").equals("Wrong · 0 marks"));
        robot.type(KeyCode.ENTER);
        waitFor(() -> text(robot, "#quiz-position").equals("Item 4 of 4"));

        robot.type(KeyCode.DIGIT4, KeyCode.ENTER);
        waitFor(() -> text(robot, "#quiz-verdict").startsWith("Rated 4 of 5"));
        robot.type(KeyCode.ENTER);

        waitFor(() -> robot.lookup("#result-answered").tryQuery().isPresent());
        assertThat(text(robot, "#result-answered")).isEqualTo("4 of 4");
        assertThat(text(robot, "#result-correct")).isEqualTo("2");
        assertThat(text(robot, "#result-cbm")).startsWith("5 in all");
        assertThat(text(robot, "#result-pending")).isEqualTo("none");
        assertThat(robot.lookup("#readiness-card").tryQuery()).isPresent();
        assertThat(robot.lookup("#readiness-weak-weeks .hyperlink").queryAllAs(Hyperlink.class))
                .as("the missed short answer tests weeks 1 to 12").extracting(Hyperlink::getText)
                .anyMatch(link -> link.startsWith("Week 1 · "));
        assertThat(robot.lookup("#result-chart #reliability-attempt-3").tryQuery()).isPresent();
        assertThat(robot.lookup("#result-chart #reliability-band-3").tryQuery()).isPresent();
        List<Paint> light = chartColours(robot);

        robot.press(KeyCode.CONTROL, KeyCode.SHIFT).type(KeyCode.L).release(KeyCode.SHIFT, KeyCode.CONTROL);
        waitFor(() -> !chartColours(robot).equals(light));

        List<Paint> dark = chartColours(robot);
        for (int i = 0; i < light.size(); i++) {
            assertThat(dark.get(i)).as("chart colour %d follows the theme", i).isNotEqualTo(light.get(i));
        }

        robot.type(KeyCode.ESCAPE);
        waitFor(() -> robot.lookup("#last-" + QuizPack.ASSESSMENT).tryQuery().isPresent());
        assertThat(text(robot, "#last-" + QuizPack.ASSESSMENT)).startsWith("Last attempt: 2 right of 4 answered, CBM 5");
    }

    /** The fills of a tick label, a band and a point of the result's chart, as the theme's style sheet set them. */
    private static List<Paint> chartColours(FxRobot robot) {
        Text tick = robot.lookup("#result-chart .reliability-tick").queryAs(Text.class);
        Rectangle band = robot.lookup("#result-chart #reliability-band-3").queryAs(Rectangle.class);
        Circle point = robot.lookup("#result-chart #reliability-attempt-3").queryAs(Circle.class);
        return List.of(tick.getFill(), band.getFill(), point.getFill());
    }

    private static String text(FxRobot robot, String query) {
        return robot.lookup(query).tryQuery().map(n -> ((Label) n).getText()).orElse("");
    }
}
