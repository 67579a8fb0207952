package dev.aiworkbench.ui.session;

import dev.aiworkbench.curriculum.Week;
import dev.aiworkbench.progress.ProgressSnapshot;
import dev.aiworkbench.progress.TaskState;
import dev.aiworkbench.testing.DeferredTaskExecutor;
import dev.aiworkbench.testing.MutableClock;
import dev.aiworkbench.testing.WorkbenchFixture;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;

class ProgressModelTest {
    @TempDir
    Path data;

    private final MutableClock clock = MutableClock.utc("2026-03-02T09:00");
    private WorkbenchFixture fixture;

    @AfterEach
    void close() {
        if (fixture != null) {
            fixture.close();
        }
    }

    @Test
    void a_write_publishes_a_fresh_snapshot_and_whats_next_follows_it() throws Exception {
        fixture = WorkbenchFixture.open(data, clock);
        ProgressModel progress = fixture.progress();
        Week week = fixture.pack().weekNumber(1).orElseThrow();
        List<ProgressSnapshot> published = new ArrayList<>();
        progress.snapshotProperty().addListener((obs, was, now) -> published.add(now));
        assertThat(progress.whatsNext().orElseThrow().id()).isEqualTo(week.tasks().get(0).id());

        progress.mark(week.tasks().get(0).id(), TaskState.DONE);

        assertThat(published).hasSize(1);
        assertThat(progress.snapshot().state(week.tasks().get(0).id())).isEqualTo(TaskState.DONE);
        assertThat(progress.whatsNext().orElseThrow().id()).isEqualTo(week.tasks().get(1).id());
    }

    @Test
    void the_running_timer_is_named_by_its_task_until_it_stops() throws Exception {
        fixture = WorkbenchFixture.open(data, clock);
        ProgressModel progress = fixture.progress();
        Week week = fixture.pack().weekNumber(1).orElseThrow();
        assertThat(progress.runningTimer()).isEmpty();

        progress.startTimer(week.tasks().get(1).id());

        assertThat(progress.runningTimer()).contains(week.tasks().get(1).title());
        progress.stopTimer();
        assertThat(progress.runningTimer()).isEmpty();
    }

    @Test
    void a_failed_write_puts_its_sentence_on_the_error_bar_and_the_next_good_one_clears_it() throws Exception {
        fixture = WorkbenchFixture.open(data, clock);
        ProgressModel progress = fixture.progress();
        ProgressSnapshot before = progress.snapshot();

        progress.mark("no-such-task", TaskState.DONE);

        assertThat(fixture.notices().error()).contains("no-such-task");
        assertThat(progress.snapshot()).isSameAs(before);

        progress.refresh();

        assertThat(fixture.notices().error()).isEmpty();
    }

    @Test
    void without_a_pack_there_is_nothing_to_write_and_nothing_next() throws Exception {
        fixture = WorkbenchFixture.open(data, Optional.of(data.resolve("no-such-pack")), clock);
        ProgressModel progress = fixture.progress();

        progress.mark("w01-anything", TaskState.DONE);
        progress.refresh();

        assertThat(fixture.tasks().started()).isZero();
        assertThat(progress.snapshot()).isNull();
        assertThat(progress.whatsNext()).isEmpty();
    }

    @Test
    void a_failure_without_a_message_points_to_the_log() {
        Notices notices = new Notices(data.resolve("logs"));

        notices.report(new NullPointerException());

        assertThat(notices.error()).isEqualTo("Something went wrong; the log in " + data.resolve("logs")
                + " has the details.");
    }

    @Test
    void refreshes_asked_for_while_one_waits_are_answered_by_that_one_read() throws Exception {
        fixture = WorkbenchFixture.open(data, clock);
        DeferredTaskExecutor worker = new DeferredTaskExecutor();
        ProgressModel progress = new ProgressModel(fixture.workbench().progress(), fixture.workbench().pack(), clock,
                fixture.progress().snapshot(), worker, fixture.notices());
        Week week = fixture.pack().weekNumber(1).orElseThrow();

        progress.refresh();
        progress.refresh();
        progress.refresh();
        assertThat(worker.held()).isEqualTo(1);
        fixture.workbench().progress().mark(fixture.pack(), week.tasks().get(0).id(), TaskState.DONE);
        worker.runNext();

        assertThat(progress.snapshot().state(week.tasks().get(0).id())).isEqualTo(TaskState.DONE);
        // once that read has started, the next request reads again
        progress.refresh();
        assertThat(worker.held()).isEqualTo(1);
    }
}
