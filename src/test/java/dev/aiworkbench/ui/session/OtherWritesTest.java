package dev.aiworkbench.ui.session;

import dev.aiworkbench.testing.ImmediateTaskExecutor;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicBoolean;

import static org.assertj.core.api.Assertions.assertThat;

class OtherWritesTest {
    private Runnable othersWrote;
    private final AtomicBoolean watchClosed = new AtomicBoolean();

    private OtherWrites start() {
        return new OtherWrites(heard -> {
            othersWrote = heard;
            return () -> watchClosed.set(true);
        }, new ImmediateTaskExecutor());
    }

    @Test
    void every_screen_listening_reads_again_when_others_wrote() {
        OtherWrites writes = start();
        List<String> reread = new ArrayList<>();
        writes.listen(() -> reread.add("progress"));
        writes.listen(() -> reread.add("evals"));

        othersWrote.run();

        assertThat(reread).containsExactly("progress", "evals");
    }

    @Test
    void screens_that_are_going_hear_nothing_more_and_closing_stops_the_watch() {
        OtherWrites writes = start();
        List<String> reread = new ArrayList<>();
        writes.listen(() -> reread.add("progress"));

        writes.stopTelling();
        othersWrote.run();
        assertThat(reread).isEmpty();
        assertThat(watchClosed).isFalse();

        writes.close();
        assertThat(watchClosed).isTrue();
    }
}
