package dev.aiworkbench.ui.session;

import dev.aiworkbench.llm.ServerStatus;
import dev.aiworkbench.llm.ServerWatch;
import dev.aiworkbench.testing.FakeOllama;
import dev.aiworkbench.testing.MutableClock;
import dev.aiworkbench.testing.WorkbenchFixture;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.time.Duration;
import java.util.Optional;
import java.util.function.Predicate;

import static org.assertj.core.api.Assertions.assertThat;

/** The server's status reaches the property through the executor, from the first check and from each recheck. */
class ServerStatusModelTest {
    @TempDir
    Path data;

    private WorkbenchFixture fixture;
    private FakeOllama fake;
    private ServerStatusModel server;

    @BeforeEach
    void open() throws Exception {
        fixture = WorkbenchFixture.open(data, MutableClock.utc("2026-03-02T09:00"));
        fake = FakeOllama.start();
        fixture.workbench().setOllamaUrl(Optional.of(fake.baseUrl()));
        server = new ServerStatusModel(new ServerWatch(fixture.workbench()::models, fixture.workbench().clock()),
                fixture.tasks());
        server.start();
    }

    @AfterEach
    void close() {
        server.close();
        fake.close();
        fixture.close();
    }

    @Test
    void theFirstCheckSaysTheServerAnswers() throws Exception {
        ServerStatus first = awaitStatus(status -> status != null);

        assertThat(first.reachable()).isTrue();
        assertThat(first.server().toString()).startsWith(fake.baseUrl());
    }

    @Test
    void aRecheckNoticesTheServerHasGone() throws Exception {
        awaitStatus(status -> status != null && status.reachable());
        fake.close();

        server.recheck();

        ServerStatus gone = awaitStatus(status -> status != null && !status.reachable());
        assertThat(gone.problem()).hasValueSatisfying(problem -> assertThat(problem).contains("ollama serve"));
    }

    /** The watch checks on a thread of its own; the property is set through the immediate executor as it answers. */
    private ServerStatus awaitStatus(Predicate<ServerStatus> wanted) throws InterruptedException {
        long deadline = System.nanoTime() + Duration.ofSeconds(10).toNanos();
        while (!wanted.test(server.statusProperty().get()) && System.nanoTime() < deadline) {
            Thread.sleep(20);
        }
        assertThat(wanted.test(server.statusProperty().get())).as("status in time").isTrue();
        return server.statusProperty().get();
    }
}
