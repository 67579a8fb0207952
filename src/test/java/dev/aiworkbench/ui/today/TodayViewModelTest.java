package dev.aiworkbench.ui.today;

import dev.aiworkbench.curriculum.Week;
import dev.aiworkbench.progress.TaskState;
import dev.aiworkbench.testing.MutableClock;
import dev.aiworkbench.testing.WorkbenchFixture;
import dev.aiworkbench.ui.today.TodayPage.Overview;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;

class TodayViewModelTest {
    @TempDir
    Path data;

    private final MutableClock clock = MutableClock.utc("2026-03-02T09:00");
    private final List<String> opened = new ArrayList<>();
    private WorkbenchFixture fixture;

    @AfterEach
    void close() {
        if (fixture != null) {
            fixture.close();
        }
    }

    private TodayViewModel open() throws Exception {
        fixture = WorkbenchFixture.open(data, clock);
        return new TodayViewModel(fixture.progress(), opened::add);
    }

    private Week weekOne() {
        return fixture.pack().weekNumber(1).orElseThrow();
    }

    @Test
    void a_fresh_plan_is_at_week_one_with_its_first_task_next() throws Exception {
        TodayViewModel model = open();

        Overview overview = model.page().overview().orElseThrow();
        assertThat(model.page().problems()).isEmpty();
        assertThat(overview.pack()).isEqualTo(fixture.pack().info().title());
        assertThat(overview.heading()).isEqualTo("Week 1 of 36: " + weekOne().title());
        assertThat(overview.next().orElseThrow().title()).isEqualTo(weekOne().tasks().get(0).title());
        assertThat(overview.next().orElseThrow().context()).isEqualTo("Week 1 · " + weekOne().title());
        assertThat(overview.pace().window()).endsWith("12 h/week planned");
        assertThat(overview.streak().current()).isEqualTo("0 days");
        assertThat(overview.completion()).first().satisfies(row -> {
            assertThat(row.label()).isEqualTo("Overall");
            assertThat(row.completion().done()).isZero();
        });
        assertThat(overview.completion()).hasSize(1 + fixture.pack().phases().size());
        assertThat(overview.today()).isEqualTo(clock.instant().atZone(clock.getZone()).toLocalDate());
    }

    @Test
    void marking_the_next_task_done_saves_it_and_moves_on_to_the_one_after() throws Exception {
        TodayViewModel model = open();
        String first = model.page().overview().orElseThrow().next().orElseThrow().id();

        model.markDone(first);

        Overview overview = model.page().overview().orElseThrow();
        assertThat(overview.next().orElseThrow().title()).isEqualTo(weekOne().tasks().get(1).title());
        assertThat(overview.streak().current()).isEqualTo("1 day");
        assertThat(overview.completion().get(0).completion().done()).isEqualTo(1);
        assertThat(fixture.workbench().progress().snapshot(fixture.pack()).state(first)).isEqualTo(TaskState.DONE);
        assertThat(fixture.tasks().started()).isEqualTo(1);
    }

    @Test
    void opening_the_next_task_hands_it_to_the_curriculum() throws Exception {
        TodayViewModel model = open();
        String first = model.page().overview().orElseThrow().next().orElseThrow().id();

        model.open(first);

        assertThat(opened).containsExactly(first);
        assertThat(fixture.tasks().started()).isZero();
    }

    @Test
    void without_a_readable_pack_the_problems_are_shown_and_nothing_else() throws Exception {
        fixture = WorkbenchFixture.open(data, Optional.of(data.resolve("no-such-pack")), clock);
        TodayViewModel model = new TodayViewModel(fixture.progress(), opened::add);

        assertThat(model.page().overview()).isEmpty();
        TodayPage.PackProblems problems = model.page().problems().orElseThrow();
        assertThat(problems.errors()).isTrue();
        assertThat(problems.title()).isEqualTo("The curriculum pack has problems");
        assertThat(problems.list()).contains("does not exist");
    }
}
