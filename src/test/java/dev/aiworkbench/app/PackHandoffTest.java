package dev.aiworkbench.app;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A start with a pack file hands it to the app open on the same data folder, and only to that app: no ticket, a
 * ticket of a crashed or hung owner, or a wrong secret leave the start to open its own window.
 */
@Timeout(value = 20, unit = TimeUnit.SECONDS)
class PackHandoffTest {
    @TempDir
    Path data;

    private final PackFileInbox inbox = new PackFileInbox();
    private final List<Path> received = new CopyOnWriteArrayList<>();
    private final List<AutoCloseable> open = new CopyOnWriteArrayList<>();

    @AfterEach
    void close() throws Exception {
        for (AutoCloseable closeable : open) {
            closeable.close();
        }
    }

    private DataFolder folder() {
        return new DataFolder(data, "--data-dir");
    }

    private PackHandoffOwner owner(PackFileInbox into) throws IOException {
        PackHandoffOwner owner = PackHandoffOwner.claim(folder(), into);
        open.add(owner);
        return owner;
    }

    @Test
    void the_open_apps_inbox_gets_the_file_as_an_absolute_path() throws Exception {
        inbox.receiveWith(received::add);
        owner(inbox);

        boolean taken = PackHandoff.handOver(folder(), Path.of("downloads/evals-1.0.0.wbpack"));

        assertThat(taken).isTrue();
        assertThat(received).containsExactly(Path.of("downloads/evals-1.0.0.wbpack").toAbsolutePath());
    }

    @Test
    void with_no_app_open_nothing_takes_the_file() {
        assertThat(PackHandoff.handOver(folder(), data.resolve("a.wbpack"))).isFalse();
    }

    @Test
    void a_ticket_left_by_an_owner_that_ended_is_passed_over_without_knocking_on_its_port() throws Exception {
        ServerSocket silent = silentServer();
        AtomicInteger knocks = countConnections(silent);
        new HandoffTicket(silent.getLocalPort(), "secret", endedProcessPid()).write(folder().runningApp());

        assertThat(PackHandoff.handOver(folder(), data.resolve("a.wbpack"))).isFalse();
        assertThat(knocks).hasValue(0);
    }

    @Test
    void a_ticket_whose_port_is_closed_is_passed_over() throws Exception {
        int closedPort;
        try (ServerSocket gone = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            closedPort = gone.getLocalPort();
        }
        new HandoffTicket(closedPort, "secret", ProcessHandle.current().pid()).write(folder().runningApp());

        assertThat(PackHandoff.handOver(folder(), data.resolve("a.wbpack"))).isFalse();
    }

    @Test
    void an_owner_that_never_answers_is_given_up_on() throws Exception {
        ServerSocket silent = silentServer();
        new HandoffTicket(silent.getLocalPort(), "secret", ProcessHandle.current().pid()).write(folder().runningApp());

        long started = System.nanoTime();
        assertThat(PackHandoff.handOver(folder(), data.resolve("a.wbpack"))).isFalse();
        assertThat(TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - started))
                .isLessThan(PackHandoff.CONNECT.plus(PackHandoff.ANSWER).toMillis() + 5_000);
    }

    @Test
    void a_sender_without_the_owners_secret_is_refused() throws Exception {
        inbox.receiveWith(received::add);
        owner(inbox);
        HandoffTicket real = HandoffTicket.read(folder().runningApp()).orElseThrow();
        new HandoffTicket(real.port(), "not-the-secret", real.pid()).write(folder().runningApp());

        assertThat(PackHandoff.handOver(folder(), data.resolve("a.wbpack"))).isFalse();
        assertThat(received).isEmpty();
    }

    @Test
    void a_later_app_on_the_folder_takes_the_files_and_an_earlier_one_closing_leaves_its_ticket() throws Exception {
        PackHandoffOwner earlier = owner(new PackFileInbox());
        inbox.receiveWith(received::add);
        owner(inbox);

        earlier.close();

        assertThat(folder().runningApp()).exists();
        assertThat(PackHandoff.handOver(folder(), data.resolve("a.wbpack"))).isTrue();
        assertThat(received).containsExactly(data.resolve("a.wbpack"));
    }

    @Test
    void closing_stops_taking_files_and_removes_the_ticket() throws Exception {
        owner(inbox).close();

        assertThat(folder().runningApp()).doesNotExist();
        assertThat(PackHandoff.handOver(folder(), data.resolve("a.wbpack"))).isFalse();
    }

    @Test
    void the_ticket_is_readable_by_its_owner_only() throws Exception {
        owner(inbox);

        if (Files.getFileStore(data).supportsFileAttributeView("posix")) {
            assertThat(Files.getPosixFilePermissions(folder().runningApp()))
                    .isEqualTo(java.nio.file.attribute.PosixFilePermissions.fromString("rw-------"));
        }
        assertThat(HandoffTicket.read(folder().runningApp())).get()
                .satisfies(ticket -> assertThat(ticket.pid()).isEqualTo(ProcessHandle.current().pid()));
    }

    /** A port that takes connections and never answers, as a hung owner's (or another program's) would. */
    private ServerSocket silentServer() throws IOException {
        ServerSocket server = new ServerSocket(0, 8, InetAddress.getLoopbackAddress());
        open.add(server);
        return server;
    }

    private AtomicInteger countConnections(ServerSocket server) {
        AtomicInteger count = new AtomicInteger();
        Thread.ofVirtual().start(() -> {
            while (!server.isClosed()) {
                try {
                    open.add(server.accept());
                    count.incrementAndGet();
                } catch (IOException e) {
                    return;
                }
            }
        });
        return count;
    }

    /** The id of a process that has ended, as a crashed app's would be. */
    static long endedProcessPid() throws Exception {
        Process process = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-version").redirectErrorStream(true).redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
        assertThat(process.waitFor(60, TimeUnit.SECONDS)).isTrue();
        assertThat(process.toHandle().onExit().get(10, TimeUnit.SECONDS).isAlive()).isFalse();
        return process.pid();
    }
}
