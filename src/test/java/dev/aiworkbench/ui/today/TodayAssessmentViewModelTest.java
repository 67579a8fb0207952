package dev.aiworkbench.ui.today;

import dev.aiworkbench.assessment.AssessmentService;
import dev.aiworkbench.assessment.Attempt;
import dev.aiworkbench.assessment.Response;
import dev.aiworkbench.curriculum.Assessment;
import dev.aiworkbench.curriculum.AssessmentItem;
import dev.aiworkbench.curriculum.ItemType;
import dev.aiworkbench.curriculum.Milestone;
import dev.aiworkbench.curriculum.Pack;
import dev.aiworkbench.progress.TaskState;
import dev.aiworkbench.testing.MutableClock;
import dev.aiworkbench.testing.WorkbenchFixture;
import dev.aiworkbench.ui.session.MilestoneReadiness;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;

class TodayAssessmentViewModelTest {
    @TempDir
    Path data;

    private final MutableClock clock = MutableClock.utc("2026-03-02T09:00");
    private final List<String> assessOpened = new ArrayList<>();
    private final List<String> itemsOpened = new ArrayList<>();
    private WorkbenchFixture fixture;
    private Pack pack;
    private AssessmentService assessments;

    @BeforeEach
    void open() throws Exception {
        fixture = WorkbenchFixture.open(data, clock);
        pack = fixture.pack();
        assessments = fixture.workbench().assessments();
    }

    @AfterEach
    void close() {
        fixture.close();
    }

    /** The model as Today shows it: the screen asks for the first read once it is laid out. */
    private TodayAssessmentViewModel model() {
        TodayAssessmentViewModel model = new TodayAssessmentViewModel(fixture.progress(), assessments, fixture.tasks(),
                fixture.notices(), assessOpened::add, itemsOpened::add);
        model.refresh();
        return model;
    }

    private MilestoneReadiness readiness(TodayAssessmentViewModel model) {
        return model.outlook().readiness().orElseThrow();
    }

    private AssessmentItem firstSingle(Assessment assessment) {
        return assessment.items().stream().filter(i -> i.type() == ItemType.SINGLE).findFirst().orElseThrow();
    }

    @Test
    void a_fresh_plan_shows_readiness_for_the_first_milestone_and_nothing_due() {
        TodayAssessmentViewModel model = model();

        AssessmentOutlook outlook = model.outlook();
        assertThat(outlook.empty()).isFalse();
        assertThat(outlook.due()).isZero();
        assertThat(readiness(model).assessmentId()).isEqualTo("before-milestone-1");
        assertThat(readiness(model).readiness().quiz()).isEmpty();
    }

    @Test
    void a_missed_answer_comes_due_and_the_outlook_counts_it_after_a_refresh() {
        TodayAssessmentViewModel model = model();
        Assessment assessment = pack.assessment("before-milestone-1").orElseThrow();
        AssessmentItem item = firstSingle(assessment);
        int wrong = java.util.stream.IntStream.range(0, item.choices().size())
                .filter(i -> !item.correctChoices().contains(i)).findFirst().orElseThrow();
        Attempt attempt = assessments.resumeOrStart(pack, assessment.id());

        assessments.answer(pack, attempt.id(), item.id(), new Response.Choices(List.of(wrong)), Optional.of(3), 15);
        clock.set(assessments.cards(pack).get(item.id()).memory().due().atTime(9, 0).toInstant(ZoneOffset.UTC));
        model.refresh();

        assertThat(model.outlook().due()).isEqualTo(1);
        assertThat(model.outlook().dueLine()).isEqualTo("1 item is due for review");
        assertThat(readiness(model).readiness().quiz()).hasValueSatisfying(score ->
                assertThat(score.correct()).isZero());
        assertThat(readiness(model).unfinishedAttempt()).isTrue();
    }

    @Test
    void a_checklist_item_marked_done_reads_the_readiness_again() {
        TodayAssessmentViewModel model = model();
        Milestone milestone = pack.phases().get(0).milestone();

        fixture.progress().mark(milestone.checklist().get(0).id(), TaskState.DONE);

        assertThat(readiness(model).readiness().checklist().met()).isEqualTo(1);
    }

    @Test
    void once_the_learner_works_in_phase_two_the_card_is_for_the_second_milestone() {
        TodayAssessmentViewModel model = model();
        pack.phases().get(0).modules().forEach(module -> pack.weeksOf(module).forEach(week ->
                week.tasks().forEach(task -> fixture.progress().mark(task.id(), TaskState.DONE))));
        pack.phases().get(0).milestone().checklist()
                .forEach(check -> fixture.progress().mark(check.id(), TaskState.DONE));

        assertThat(readiness(model).milestoneId()).isEqualTo(pack.phases().get(1).milestone().id());
    }

    @Test
    void review_now_opens_the_review_and_the_card_opens_its_quiz_and_weeks() {
        TodayAssessmentViewModel model = model();

        model.reviewNow();
        model.takeQuiz("before-milestone-1");
        model.openWeek("week-03");

        assertThat(assessOpened).containsExactly("review", "before-milestone-1");
        assertThat(itemsOpened).containsExactly("week-03");
    }

    @Test
    void a_failed_read_puts_its_sentence_on_the_error_bar() {
        fixture.close();
        TodayAssessmentViewModel model = model();

        assertThat(model.outlook()).isEqualTo(AssessmentOutlook.NOTHING);
        assertThat(fixture.notices().error()).isNotBlank();
    }
}
