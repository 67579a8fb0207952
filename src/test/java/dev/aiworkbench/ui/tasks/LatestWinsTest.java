package dev.aiworkbench.ui.tasks;

import dev.aiworkbench.testing.DeferredTaskExecutor;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class LatestWinsTest {
    private final DeferredTaskExecutor executor = new DeferredTaskExecutor();
    private final List<String> results = new ArrayList<>();
    private final List<Throwable> failures = new ArrayList<>();
    private final LatestWins<String> reads = new LatestWins<>(executor, results::add, failures::add);

    @Test
    void a_request_with_none_in_flight_runs_and_delivers_its_result() {
        reads.request(() -> "first");
        executor.runNext();

        assertThat(results).containsExactly("first");
        assertThat(executor.started()).isEqualTo(1);
    }

    @Test
    void requests_made_while_one_runs_are_coalesced_and_only_the_newest_runs_next() {
        reads.request(() -> "first");
        reads.request(() -> "second");
        reads.request(() -> "third");
        assertThat(executor.started()).isEqualTo(1);

        executor.runNext();
        assertThat(executor.started()).isEqualTo(2);
        executor.runNext();

        assertThat(results).as("the first result is stale once a newer request waits").containsExactly("third");
        assertThat(executor.held()).isZero();
    }

    @Test
    void a_failure_is_reported_and_the_next_request_runs_again() {
        reads.request(() -> {
            throw new IllegalStateException("The database is locked.");
        });
        executor.runNext();
        reads.request(() -> "again");
        executor.runNext();

        assertThat(failures).singleElement().extracting(Throwable::getMessage).isEqualTo("The database is locked.");
        assertThat(results).containsExactly("again");
    }
}
