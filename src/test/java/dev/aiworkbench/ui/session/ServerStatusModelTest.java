package dev.aiworkbench.ui.session;

import dev.aiworkbench.llm.ServerWatch;
import dev.aiworkbench.testing.FakeOllama;
import dev.aiworkbench.testing.MutableClock;
import dev.aiworkbench.testing.WorkbenchFixture;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicInteger;

import static org.assertj.core.api.Assertions.assertThat;

class ServerStatusModelTest {
    @TempDir
    Path data;

    private WorkbenchFixture fixture;
    private ServerStatusModel server;
    private final AtomicInteger saved = new AtomicInteger();

    @BeforeEach
    void open() throws Exception {
        fixture = WorkbenchFixture.open(data, MutableClock.utc("2026-03-02T09:00"));
        server = new ServerStatusModel(new ServerWatch(fixture.workbench()::models, fixture.workbench().clock()),
                fixture.workbench()::setOllamaUrl, fixture.tasks(), fixture.notices());
    }

    @AfterEach
    void close() {
        server.close();
        fixture.close();
    }

    @Test
    void a_saved_address_is_used_from_then_on() throws Exception {
        try (FakeOllama fake = FakeOllama.start()) {
            server.saveAddress(Optional.of(fake.baseUrl()), saved::incrementAndGet);

            assertThat(saved).hasValue(1);
            assertThat(fixture.workbench().ollamaEndpoint().baseUri().toString()).startsWith(fake.baseUrl());
            assertThat(fixture.notices().error()).isEmpty();
        }
    }

    @Test
    void an_address_of_the_wrong_form_is_refused_with_a_sentence_and_not_saved() {
        server.saveAddress(Optional.of("ftp://models.example"), saved::incrementAndGet);

        assertThat(saved).hasValue(0);
        assertThat(fixture.notices().error()).startsWith("'ftp://models.example' is not an Ollama address");
        assertThat(fixture.workbench().ollamaEndpoint().baseUri().toString()).doesNotContain("models.example");
    }
}
