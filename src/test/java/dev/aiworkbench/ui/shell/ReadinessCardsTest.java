package dev.aiworkbench.ui.shell;

import dev.aiworkbench.app.Workbench;
import dev.aiworkbench.app.WorkbenchOptions;
import dev.aiworkbench.assessment.AssessmentService;
import dev.aiworkbench.assessment.Attempt;
import dev.aiworkbench.assessment.Response;
import dev.aiworkbench.curriculum.Assessment;
import dev.aiworkbench.curriculum.AssessmentItem;
import dev.aiworkbench.curriculum.InstalledPack;
import dev.aiworkbench.curriculum.ItemType;
import dev.aiworkbench.curriculum.Milestone;
import dev.aiworkbench.curriculum.Pack;
import dev.aiworkbench.testing.MutableClock;
import dev.aiworkbench.ui.AppDriver;
import dev.aiworkbench.ui.WorkbenchApp;
import dev.aiworkbench.ui.common.ThemeChoice;
import dev.aiworkbench.ui.tasks.FxTaskExecutor;
import javafx.beans.property.SimpleObjectProperty;
import javafx.scene.Parent;
import javafx.scene.control.Label;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;

import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.stream.IntStream;

import static dev.aiworkbench.ui.AppDriver.node;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * The readiness cards on screen: a milestone page of the real app shows "Not yet" on a fresh data folder, and Today,
 * built by its registry entry over a data folder with a missed quiz answer, counts it as due and "Review now" asks
 * the navigator for the Assess screen's review.
 */
@Tag("ui")
@ExtendWith(ApplicationExtension.class)
class ReadinessCardsTest {
    @TempDir
    Path data;

    private WorkbenchApp app;
    private final List<AutoCloseable> opened = new ArrayList<>();

    @AfterEach
    void stop() throws Exception {
        if (app != null) {
            AppDriver.stop(app);
        }
        for (AutoCloseable closeable : opened.reversed()) {
            closeable.close();
        }
    }

    /** No model server here: a port nothing listens on, so nothing waits for one. */
    private WorkbenchOptions options() {
        return new WorkbenchOptions(Optional.of(data), Optional.empty(), Optional.of("http://127.0.0.1:9"));
    }

    @Test
    void a_milestone_page_shows_not_yet_on_a_fresh_data_folder(FxRobot robot) throws Exception {
        app = AppDriver.start(options());
        AppDriver.waitUntilReady(app);
        Milestone milestone = firstMilestone();

        robot.clickOn("#nav-curriculum");
        // The tree's cells are wider than its viewport, so a click at a cell's centre would land on the page beside
        // it: click the completion figure at the cell's start instead.
        robot.clickOn("#tree-" + milestone.id() + " .tree-percent");
        AppDriver.waitFor(() -> robot.lookup("#readiness-verdict").tryQuery().isPresent());

        Label verdict = node(robot, "#readiness-verdict", Label.class);
        assertThat(verdict.getText()).isEqualTo("Not yet");
        assertThat(verdict.getStyleClass()).contains("readiness-not-yet");
        assertThat(node(robot, "#readiness-quiz", Label.class).getText()).startsWith("no attempt yet");
        assertThat(node(robot, "#readiness-checklist", Label.class).getText())
                .startsWith("0 of " + milestone.checklist().size() + " done");
        assertThat(robot.lookup("#readiness-take-quiz").queryButton().getText()).isEqualTo("Take the quiz");
    }

    @Test
    void today_counts_a_missed_answer_as_due_and_review_now_opens_the_assess_review(FxRobot robot) throws Exception {
        missAnAnswerTenDaysAgo();
        Workbench workbench = Workbench.open(options(), Clock.systemDefaultZone());
        opened.add(workbench);
        FxTaskExecutor io = FxTaskExecutor.serial("test-io");
        opened.add(io);
        SessionModels models = ScreenRegistry.openSession(workbench, io);
        opened.add(models);
        List<String> navigations = new ArrayList<>();
        ScreenContext context = new ScreenContext(workbench, models, url -> { },
                (screen, target) -> navigations.add(screen + " " + target),
                new SimpleObjectProperty<>(ThemeChoice.LIGHT), choice -> { }, Optional.empty());
        Stage[] stage = new Stage[1];
        robot.interact(() -> stage[0] = AppDriver.showAlone(
                (Parent) ScreenRegistry.entry(ScreenRegistry.TODAY).factory().apply(context).view(), 1100, 800));
        opened.add(() -> robot.interact(stage[0]::close));

        AppDriver.waitFor(() -> robot.lookup("#review-now").tryQuery().isPresent());
        assertThat(node(robot, "#review-due", Label.class).getText()).isEqualTo("1 item is due for review");
        assertThat(node(robot, "#readiness-verdict", Label.class).getText()).isEqualTo("Not yet");
        assertThat(robot.lookup("#readiness-take-quiz").queryButton().getText()).isEqualTo("Take the quiz");
        AppDriver.reveal(robot, "#review-now");
        robot.clickOn("#review-now");

        assertThat(navigations).containsExactly(ScreenRegistry.ASSESS + " review");
    }

    private static Milestone firstMilestone() {
        return InstalledPack.load(Optional.empty(), "0.1.0").pack().orElseThrow()
                .phases().get(0).milestone();
    }

    /** A whole quiz answered ten days ago with one single-choice item missed: its review is overdue today. */
    private void missAnAnswerTenDaysAgo() throws Exception {
        MutableClock past = new MutableClock(Instant.now().minus(10, ChronoUnit.DAYS), ZoneId.systemDefault());
        try (Workbench workbench = Workbench.open(options(), past)) {
            Pack pack = workbench.pack().pack().orElseThrow();
            AssessmentService assessments = workbench.assessments();
            Assessment assessment = pack.assessment("before-milestone-1").orElseThrow();
            AssessmentItem item = assessment.items().stream().filter(i -> i.type() == ItemType.SINGLE).findFirst()
                    .orElseThrow();
            int wrong = IntStream.range(0, item.choices().size()).filter(i -> !item.correctChoices().contains(i))
                    .findFirst().orElseThrow();
            Attempt attempt = assessments.resumeOrStart(pack, assessment.id());
            assessments.answer(pack, attempt.id(), item.id(), new Response.Choices(List.of(wrong)), Optional.of(2), 30);
            assessments.finish(pack, attempt.id());
        }
    }
}
