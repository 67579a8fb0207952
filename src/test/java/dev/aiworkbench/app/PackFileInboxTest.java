package dev.aiworkbench.app;

import org.junit.jupiter.api.Test;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** Files wait while no one receives them, then go once each, in order; a hold makes them wait again. */
class PackFileInboxTest {
    private final PackFileInbox inbox = new PackFileInbox();
    private final List<Path> first = new ArrayList<>();
    private final List<Path> second = new ArrayList<>();

    @Test
    void files_wait_for_a_receiver_and_then_go_to_it_in_order_of_arrival() {
        inbox.deliver(Path.of("/downloads/a.wbpack"));
        inbox.deliver(Path.of("/downloads/b.wbpack"));

        inbox.receiveWith(first::add);
        inbox.deliver(Path.of("/downloads/c.wbpack"));

        assertThat(first).containsExactly(Path.of("/downloads/a.wbpack"), Path.of("/downloads/b.wbpack"),
                Path.of("/downloads/c.wbpack"));
    }

    @Test
    void a_held_inbox_keeps_files_for_the_next_receiver_and_gives_none_twice() {
        inbox.receiveWith(first::add);
        inbox.deliver(Path.of("/downloads/a.wbpack"));
        inbox.hold();
        inbox.deliver(Path.of("/downloads/b.wbpack"));

        inbox.receiveWith(second::add);

        assertThat(first).containsExactly(Path.of("/downloads/a.wbpack"));
        assertThat(second).containsExactly(Path.of("/downloads/b.wbpack"));
    }
}
