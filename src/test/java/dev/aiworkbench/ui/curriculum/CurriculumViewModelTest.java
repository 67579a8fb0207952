package dev.aiworkbench.ui.curriculum;

import dev.aiworkbench.curriculum.Week;
import dev.aiworkbench.labs.Labs;
import dev.aiworkbench.progress.TaskState;
import dev.aiworkbench.testing.MutableClock;
import dev.aiworkbench.testing.WorkbenchFixture;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
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
}
