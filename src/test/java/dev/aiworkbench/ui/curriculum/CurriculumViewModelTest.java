package dev.aiworkbench.ui.curriculum;

import dev.aiworkbench.assessment.AssessmentService;
import dev.aiworkbench.assessment.Attempt;
import dev.aiworkbench.assessment.ReadinessVerdict;
import dev.aiworkbench.assessment.Response;
import dev.aiworkbench.curriculum.Assessment;
import dev.aiworkbench.curriculum.AssessmentItem;
import dev.aiworkbench.curriculum.ItemType;
import dev.aiworkbench.curriculum.Milestone;
import dev.aiworkbench.curriculum.Week;
import dev.aiworkbench.labs.Labs;
import dev.aiworkbench.progress.TaskState;
import dev.aiworkbench.testing.MutableClock;
import dev.aiworkbench.testing.WorkbenchFixture;
import dev.aiworkbench.ui.session.MilestoneReadiness;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Supplier;

import static org.assertj.core.api.Assertions.assertThat;

class CurriculumViewModelTest {
    @TempDir
    Path data;

    private final MutableClock clock = MutableClock.utc("2026-03-02T09:00");
    private final List<String> labsOpened = new ArrayList<>();
    private final List<String> assessmentsOpened = new ArrayList<>();
    private WorkbenchFixture fixture;
    private Week week;

    @BeforeEach
    void open() throws Exception {
        fixture = WorkbenchFixture.open(data, clock);
        week = fixture.pack().weekNumber(1).orElseThrow();
    }

    @AfterEach
    void close() {
        fixture.close();
    }

    private CurriculumViewModel model(Supplier<Labs> labs) {
        return new CurriculumViewModel(fixture.progress(), labs, fixture.workbench().assessments(), fixture.tasks(),
                fixture.notices(), labsOpened::add, assessmentsOpened::add);
    }

    private CurriculumViewModel model() {
        return model(fixture.workbench()::labs);
    }

    private String task(int index) {
        return week.tasks().get(index).id();
    }

    @Test
    void a_ticked_task_is_saved_and_the_report_follows() throws Exception {
        CurriculumViewModel model = model();
        assertThat(model.report().of(week.id()).done()).isZero();

        model.mark(task(0), TaskState.DONE);

        assertThat(model.report().of(week.id()).done()).isEqualTo(1);
        assertThat(model.snapshot().state(task(0))).isEqualTo(TaskState.DONE);
        assertThat(fixture.workbench().progress().snapshot(fixture.pack()).state(task(0))).isEqualTo(TaskState.DONE);
    }

    @Test
    void the_timer_and_time_logged_by_hand_add_up_on_their_tasks() throws Exception {
        CurriculumViewModel model = model();

        model.startTimer(task(1));
        assertThat(model.snapshot().runningTimer().orElseThrow().itemId()).isEqualTo(task(1));
        clock.advance(Duration.ofMinutes(30));
        model.stopTimer();
        model.addMinutes(task(0), 15);

        assertThat(model.snapshot().runningTimer()).isEmpty();
        Map<String, Long> minutes = model.snapshot().minutesByItem(model.now());
        assertThat(minutes).containsEntry(task(1), 30L).containsEntry(task(0), 15L);
    }

    @Test
    void a_note_is_written_only_when_it_changed_and_reads_back_after_a_restart() throws Exception {
        CurriculumViewModel model = model();
        assertThat(model.savedNote(week.id())).isEmpty();

        assertThat(model.saveNote(week.id(), "The event loop finally makes sense.")).isTrue();
        int writes = fixture.tasks().started();
        assertThat(model.saveNote(week.id(), "The event loop finally makes sense.")).isFalse();
        assertThat(fixture.tasks().started()).isEqualTo(writes);

        CurriculumViewModel reopened = new CurriculumViewModel(fixture.progressModel(), fixture.workbench()::labs,
                fixture.workbench().assessments(), fixture.tasks(), fixture.notices(), labsOpened::add,
                assessmentsOpened::add);
        assertThat(reopened.savedNote(week.id())).isEqualTo("The event loop finally makes sense.");
    }

    @Test
    void lab_progress_is_read_for_the_labs_the_catalogue_knows() throws Exception {
        CurriculumViewModel model = model();

        model.loadLabProgress(List.of("fastapi-typed-service", "no-such-lab"));

        assertThat(model.labProgress()).containsExactly(Map.entry("fastapi-typed-service", "not started"));
    }

    @Test
    void when_others_wrote_the_labs_shown_are_read_again_and_none_when_none_are_shown() throws Exception {
        List<String> reads = new ArrayList<>();
        CurriculumViewModel model = model(() -> {
            reads.add("labs");
            return fixture.workbench().labs();
        });
        model.othersWrote();
        assertThat(reads).as("no week with a lab was shown yet").isEmpty();
        model.loadLabProgress(List.of("fastapi-typed-service"));

        model.othersWrote();

        assertThat(reads).hasSize(2);
        assertThat(model.labProgress()).containsExactly(Map.entry("fastapi-typed-service", "not started"));
    }

    @Test
    void labs_that_cannot_be_read_put_their_sentence_on_the_error_bar() {
        CurriculumViewModel model = model(() -> {
            throw new IllegalStateException("The labs could not be read; see the log.");
        });

        model.loadLabProgress(List.of("fastapi-typed-service"));

        assertThat(model.labProgress()).isEmpty();
        assertThat(fixture.notices().error()).isEqualTo("The labs could not be read; see the log.");
    }

    @Test
    void no_lab_tasks_means_nothing_is_read() {
        CurriculumViewModel model = model();

        model.loadLabProgress(List.of());

        assertThat(fixture.tasks().started()).isZero();
    }

    @Test
    void a_lab_task_opens_its_lab() {
        model().openLab("fastapi-typed-service");

        assertThat(labsOpened).containsExactly("fastapi-typed-service");
    }

    private Milestone milestoneOne() {
        return fixture.pack().phases().get(0).milestone();
    }

    private MilestoneReadiness readiness(CurriculumViewModel model) {
        return model.readinessProperty().get().orElseThrow();
    }

    @Test
    void a_watched_milestone_has_its_readiness_read_with_no_quiz_taken_yet() {
        CurriculumViewModel model = model();

        model.watchReadiness(Optional.of(milestoneOne().id()));

        MilestoneReadiness readiness = readiness(model);
        assertThat(readiness.milestoneId()).isEqualTo(milestoneOne().id());
        assertThat(readiness.assessmentId()).isEqualTo("before-milestone-1");
        assertThat(readiness.readiness().verdict()).isEqualTo(ReadinessVerdict.NOT_YET);
        assertThat(readiness.readiness().quiz()).isEmpty();
        assertThat(readiness.unfinishedAttempt()).isFalse();
    }

    @Test
    void an_answer_recorded_with_the_service_shows_after_a_refresh_with_the_attempt_to_resume() {
        CurriculumViewModel model = model();
        model.watchReadiness(Optional.of(milestoneOne().id()));
        AssessmentService assessments = fixture.workbench().assessments();
        Assessment assessment = fixture.pack().assessment("before-milestone-1").orElseThrow();
        AssessmentItem item = assessment.items().stream().filter(i -> i.type() == ItemType.SINGLE).findFirst()
                .orElseThrow();
        Attempt attempt = assessments.resumeOrStart(fixture.pack(), assessment.id());
        assertThat(readiness(model).readiness().quiz()).isEmpty();

        assessments.answer(fixture.pack(), attempt.id(), item.id(), new Response.Choices(item.correctChoices()),
                Optional.of(3), 20);
        model.refreshReadiness();

        MilestoneReadiness readiness = readiness(model);
        assertThat(readiness.readiness().quiz()).hasValueSatisfying(score -> {
            assertThat(score.answered()).isEqualTo(1);
            assertThat(score.correct()).isEqualTo(1);
        });
        assertThat(readiness.readiness().measured().quiz()).isPositive();
        assertThat(readiness.unfinishedAttempt()).isTrue();
    }

    @Test
    void a_checklist_item_marked_done_reads_the_readiness_again() {
        CurriculumViewModel model = model();
        model.watchReadiness(Optional.of(milestoneOne().id()));
        assertThat(readiness(model).readiness().checklist().met()).isZero();

        model.mark(milestoneOne().checklist().get(0).id(), TaskState.DONE);

        assertThat(readiness(model).readiness().checklist().met()).isEqualTo(1);
        assertThat(readiness(model).readiness().measured().checklist()).isPositive();
    }

    @Test
    void leaving_the_milestone_clears_its_readiness_and_stops_reading_it() {
        CurriculumViewModel model = model();
        model.watchReadiness(Optional.of(milestoneOne().id()));

        model.watchReadiness(Optional.empty());
        int reads = fixture.tasks().started();
        model.mark(week.tasks().get(0).id(), TaskState.DONE);

        assertThat(model.readinessProperty().get()).isEmpty();
        assertThat(fixture.tasks().started()).as("only the tick's write ran").isEqualTo(reads + 1);
    }

    @Test
    void the_card_opens_its_assessment() {
        model().openAssessment("before-milestone-1");

        assertThat(assessmentsOpened).containsExactly("before-milestone-1");
    }
}
