package dev.aiworkbench.ui.tasks;

import dev.aiworkbench.testing.DeferredTaskExecutor;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class SessionTasksTest {

    @Test
    void once_closed_new_work_is_dropped_and_work_taken_before_still_runs_and_answers() {
        DeferredTaskExecutor shared = new DeferredTaskExecutor();
        SessionTasks session = new SessionTasks(shared);
        List<String> ran = new ArrayList<>();
        session.run(() -> ran.add("queued write"), ok -> ran.add("answered"), failure -> ran.add("failed"));

        session.close();
        session.run(() -> ran.add("late read"), ok -> ran.add("late answer"), failure -> ran.add("late failure"));

        assertThat(shared.held()).isEqualTo(1);
        shared.runNext();
        assertThat(ran).containsExactly("queued write", "answered");
    }

    @Test
    void the_shared_executor_takes_the_next_sessions_work_after_one_closed() {
        DeferredTaskExecutor shared = new DeferredTaskExecutor();
        new SessionTasks(shared).close();
        List<String> ran = new ArrayList<>();

        new SessionTasks(shared).run(() -> ran.add("next session"), ok -> { }, failure -> { });

        shared.runNext();
        assertThat(ran).containsExactly("next session");
    }
}
