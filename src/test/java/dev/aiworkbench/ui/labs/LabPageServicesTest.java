package dev.aiworkbench.ui.labs;

import org.junit.jupiter.api.Tag;
import dev.aiworkbench.app.Workbench;
import dev.aiworkbench.app.WorkbenchOptions;
import dev.aiworkbench.labs.definition.ServiceType;
import dev.aiworkbench.labs.services.LogLine;
import dev.aiworkbench.labs.services.ServiceStatus;
import dev.aiworkbench.testing.ImmediateTaskExecutor;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * The lab page's services for real: the {@code fastapi-typed-service} lab runs uvicorn from the machine's Python.
 * The services' events reach the view model only when the live feed delivers (here, when the test says so, as a
 * frame would), and then all at once: the state with its address, and the log lines. Stop ends uvicorn.
 */
@Tag("slow")
class LabPageServicesTest {
    private static final String LAB = "fastapi-typed-service";

    @TempDir
    Path data;

    private Workbench workbench;
    private final AtomicReference<Runnable> delivery = new AtomicReference<>();
    private final AtomicInteger asked = new AtomicInteger();

    @BeforeAll
    static void needsPythonWithFastApi() throws Exception {
        Process probe = new ProcessBuilder("/usr/bin/python3", "-c", "import fastapi, uvicorn")
                .redirectErrorStream(true).start();
        assumeTrue(probe.waitFor(30, TimeUnit.SECONDS) && probe.exitValue() == 0,
                "this test runs the lab with /usr/bin/python3, which needs fastapi and uvicorn (Debian: "
                        + "python3-fastapi python3-uvicorn)");
    }

    @AfterEach
    void close() {
        if (workbench != null) {
            workbench.close();
        }
    }

    /** The feed's delivery, run on the test's thread as the FX thread would run it once a frame. */
    private void frame() {
        delivery.get().run();
    }

    private static List<ProcessHandle> uvicorns() {
        return ProcessHandle.current().descendants().filter(ProcessHandle::isAlive)
                .filter(p -> p.info().commandLine().map(c -> c.contains("uvicorn") && c.contains("--port"))
                        .orElse(false)).toList();
    }

    @Test
    void startShowsTheServiceRunningWithItsAddressAndLogOnceTheFeedDeliversAndStopEndsIt() throws Exception {
        workbench = Workbench.open(new WorkbenchOptions(Optional.of(data), Optional.empty(),
                Optional.of("http://127.0.0.1:9")), Clock.systemUTC());
        LabsViewModel labs = new LabsViewModel(workbench::labs, new ImmediateTaskExecutor(), deliver -> {
            delivery.set(deliver);
            return asked::incrementAndGet;
        }, () -> { });
        labs.load();
        labs.openLab(LAB);
        LabPageViewModel page = labs.page();
        ServiceViewModel fastapi = page.services().getFirst();
        assertThat(fastapi.type()).isEqualTo(ServiceType.FASTAPI);
        assertThat(fastapi.state().status()).isEqualTo(ServiceStatus.STOPPED);
        assertThat(page.canStopProperty().get()).isFalse();
        assertThat(labs.runningLabs()).isEmpty();

        page.start();
        page.trustAndStart();

        assertThat(page.noticeProperty().get().title()).isEqualTo("The lab is running");
        assertThat(asked.get()).as("the services spoke while starting").isPositive();
        assertThat(fastapi.state().status()).as("nothing reaches the view model between frames")
                .isEqualTo(ServiceStatus.STOPPED);
        assertThat(fastapi.log()).isEmpty();

        frame();

        assertThat(fastapi.state().status()).isEqualTo(ServiceStatus.RUNNING);
        assertThat(fastapi.state().addresses()).first().extracting(a -> a.value()).asString()
                .startsWith("http://127.0.0.1:");
        assertThat(fastapi.log()).isNotEmpty().allMatch(line -> line.service() == ServiceType.FASTAPI);
        assertThat(fastapi.log()).extracting(LogLine::source).contains(LogLine.Source.WORKBENCH);
        assertThat(page.canStartProperty().get()).as("everything runs").isFalse();
        assertThat(page.canStopProperty().get()).isTrue();
        assertThat(page.canRestartProperty().get()).isTrue();
        assertThat(uvicorns()).isNotEmpty();
        assertThat(labs.runningLabs()).as("what a switch of pack would stop")
                .containsExactly(workbench.labs().lab(LAB).title());

        page.stop();
        frame();

        assertThat(page.noticeProperty().get().text())
                .isEqualTo("Nothing of FastAPI is left running. Your workspace and results stay.");
        assertThat(fastapi.state().status()).isEqualTo(ServiceStatus.STOPPED);
        assertThat(fastapi.state().addresses()).isEmpty();
        assertThat(page.canStopProperty().get()).isFalse();
        assertThat(page.canStartProperty().get()).isTrue();
        assertThat(uvicorns()).isEmpty();
        assertThat(labs.runningLabs()).isEmpty();
    }
}
