package dev.aiworkbench.labs.services;

import org.junit.jupiter.api.Tag;
import dev.aiworkbench.labs.definition.CheckSpec;
import dev.aiworkbench.labs.definition.LabDefinition;
import dev.aiworkbench.labs.definition.ServiceSpec;
import dev.aiworkbench.labs.definition.ServiceType;
import dev.aiworkbench.labs.host.ProcessTree;
import dev.aiworkbench.labs.host.PythonProbe;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.net.URI;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;

import static dev.aiworkbench.labs.services.ServiceTestSupport.await;
import static dev.aiworkbench.labs.services.ServiceTestSupport.get;
import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * The FastAPI service for real: uvicorn from the local Python that has FastAPI (Debian's python3-fastapi and
 * python3-uvicorn in CI), found by PythonProbe. Docker is pointed at a socket that does not exist, so these tests
 * never fall back to a container.
 */
@Tag("slow")
class FastApiServiceTest {
    private static final Duration START = Duration.ofSeconds(60);

    @TempDir
    Path data;
    @TempDir
    Path stubFolder;
    @TempDir
    Path labFolder;

    @BeforeAll
    static void needsPythonWithFastApi() {
        PythonProbe.Result python = PythonProbe.probe(System.getenv(), Duration.ofSeconds(20));
        if (!python.hasFastApi()) {
            System.out.println("No local Python has FastAPI and uvicorn (" + python.detail() + "): skipping the"
                    + " FastAPI process tests. Install python3-fastapi and python3-uvicorn to run them.");
        }
        assumeTrue(python.hasFastApi(), () -> "no local Python has FastAPI and uvicorn: " + python.detail());
    }

    private LabServices services() throws Exception {
        ServiceTestSupport.stub(stubFolder);
        return new LabServices(ServiceTestSupport.settings(data, stubFolder,
                ServiceTestSupport.withoutDocker(data)));
    }

    @Test
    void runsTheAppStreamsItsLogRestartsReloadsAndStopsLeavingNoProcess() throws Exception {
        Files.createDirectories(labFolder.resolve("starter"));
        Files.writeString(labFolder.resolve("starter/NOTES.md"), "starter notes\n");
        LabDefinition lab = ServiceTestSupport.lab("fastapi-life", "starter", true, ServiceSpec.of(ServiceType.FASTAPI));
        try (LabServices services = services()) {
            LabRun run = services.open(lab, labFolder);
            ServiceTestSupport.Recorder recorder = new ServiceTestSupport.Recorder();
            run.addListener(recorder);

            run.start().get(START.toSeconds(), TimeUnit.SECONDS);

            FastApiService fastapi = run.fastapi().orElseThrow();
            ServiceState state = fastapi.state();
            assertThat(state.status()).as(state.message()).isEqualTo(ServiceStatus.RUNNING);
            assertThat(state.runner()).contains("uvicorn with");
            URI url = run.endpoints().fastapi().orElseThrow();
            assertThat(url.getHost()).isEqualTo("127.0.0.1");
            assertThat(url.getPort()).isEqualTo(fastapi.port().orElseThrow());
            assertThat(state.addresses()).extracting(ServiceState.Address::label).contains("App", "API docs");
            HttpResponse<String> health = get(url.resolve("/health"), Map.of()).orElseThrow();
            assertThat(health.statusCode()).isEqualTo(200);
            assertThat(health.body()).contains("\"status\":\"ok\"");

            // the workspace got the stub and the starter
            Path workspace = data.resolve("workspaces/fastapi-life");
            assertThat(run.workspace()).isEqualTo(workspace);
            assertThat(workspace.resolve("main.py")).hasContent(ServiceTestSupport.APP);
            assertThat(workspace.resolve("NOTES.md")).hasContent("starter notes\n");
            assertThat(run.workspaceReport().orElseThrow().copied())
                    .containsExactlyInAnyOrder("main.py", "README.md", "tests/test_app.py", "NOTES.md");

            // the log streams: uvicorn's own lines, the app's print, and the access log of the health probe
            await("uvicorn's log", Duration.ofSeconds(10), () -> recorder.logged("Application startup complete")
                    && recorder.logged("tiny app imported") && recorder.logged("GET /health"));
            assertThat(recorder.lines).anyMatch(l -> l.source() == LogLine.Source.WORKBENCH
                    && l.text().contains("-m uvicorn main:app --host 127.0.0.1 --port " + url.getPort()
                    + " --reload --reload-dir " + workspace.toAbsolutePath()));
            assertThat(fastapi.logs()).isNotEmpty();

            // the watch asks /health every 2 s without filling the log; the learner's own request is logged
            long healthLines = recorder.lines.stream().filter(l -> l.text().contains("GET /health")).count();
            Thread.sleep(4_500);
            assertThat(get(url.resolve("/health"), Map.of()).orElseThrow().statusCode()).isEqualTo(200);
            await("the learner's request in the log", Duration.ofSeconds(5), () -> recorder.lines.stream()
                    .filter(l -> l.text().contains("GET /health")).count() == healthLines + 1);
            Thread.sleep(500);
            assertThat(recorder.lines.stream().filter(l -> l.text().contains("GET /health")).count())
                    .as("access-log lines of /health after two watch rounds and one request").isEqualTo(healthLines + 1);
            assertThat(recorder.threads).noneMatch(name -> name.contains("JavaFX") || name.equals("main"));
            assertThat(recorder.states).extracting(ServiceState::status)
                    .containsSubsequence(ServiceStatus.STARTING, ServiceStatus.RUNNING);

            // another process can find the running lab
            LabRunRecord record = new LabRunRecords(data.resolve("lab-runs")).find("fastapi-life").orElseThrow();
            assertThat(record.endpoints().fastapi()).contains(url);
            assertThat(record.ownedByThisProcess()).isTrue();

            // --reload: a saved change is picked up
            Files.writeString(workspace.resolve("main.py"), ServiceTestSupport.APP + """


                    @app.get("/added")
                    def added():
                        return {"added": True}
                    """);
            await("the reloaded app", Duration.ofSeconds(20), () -> get(url.resolve("/added"), Map.of())
                    .map(r -> r.statusCode() == 200).orElse(false));

            // restart: a new process on the same port, and the old tree is gone
            Set<ProcessHandle> before = ProcessTree.of(fastapi.process().orElseThrow());
            assertThat(before).hasSizeGreaterThan(1); // the reloader and the app's process
            ServiceState restarted = run.restart(ServiceType.FASTAPI).get(START.toSeconds(), TimeUnit.SECONDS);
            assertThat(restarted.status()).as(restarted.message()).isEqualTo(ServiceStatus.RUNNING);
            assertThat(fastapi.process().orElseThrow().pid())
                    .isNotIn(before.stream().map(ProcessHandle::pid).toList());
            assertThat(fastapi.port().orElseThrow()).isEqualTo(url.getPort());
            assertThat(get(url.resolve("/health"), Map.of()).orElseThrow().statusCode()).isEqualTo(200);
            assertThat(before).noneMatch(ProcessHandle::isAlive);

            // stop: nothing of uvicorn is left
            Set<Long> tree = ProcessTree.of(fastapi.process().orElseThrow()).stream().map(ProcessHandle::pid)
                    .collect(Collectors.toSet());
            run.stop().get(30, TimeUnit.SECONDS);
            assertThat(fastapi.state().status()).isEqualTo(ServiceStatus.STOPPED);
            assertThat(fastapi.state().sentence()).contains("none of its processes is left");
            assertThat(fastapi.process()).isEmpty();
            assertThat(run.endpoints().fastapi()).isEmpty();
            List<ProcessHandle> left = ProcessHandle.allProcesses()
                    .filter(p -> tree.contains(p.pid()) || p.info().commandLine().orElse("")
                            .contains(workspace.toAbsolutePath().toString()))
                    .filter(ProcessHandle::isAlive)
                    .toList();
            assertThat(left).as("uvicorn processes left after stop").isEmpty();
            assertThat(get(url.resolve("/health"), Map.of())).isEmpty();
            assertThat(new LabRunRecords(data.resolve("lab-runs")).find("fastapi-life")).isEmpty();
        }
    }

    @Test
    void neverOverwritesAFileTheWorkspaceAlreadyHas() throws Exception {
        Path workspace = data.resolve("workspaces/fastapi-mine");
        Files.createDirectories(workspace);
        String mine = ServiceTestSupport.APP.replace("\"ok\"", "\"mine\"");
        Files.writeString(workspace.resolve("main.py"), mine);
        Files.createDirectories(labFolder.resolve("starter"));
        Files.writeString(labFolder.resolve("starter/main.py"), "raise SystemExit('the starter must not win')\n");
        Files.writeString(labFolder.resolve("starter/data.txt"), "starter data\n");
        LabDefinition lab = ServiceTestSupport.lab("fastapi-mine", "starter", true, ServiceSpec.of(ServiceType.FASTAPI));
        try (LabServices services = services()) {
            LabRun run = services.start(lab, labFolder).get(START.toSeconds(), TimeUnit.SECONDS);

            assertThat(run.fastapi().orElseThrow().state().status()).isEqualTo(ServiceStatus.RUNNING);
            assertThat(workspace.resolve("main.py")).hasContent(mine);
            assertThat(workspace.resolve("data.txt")).hasContent("starter data\n");
            WorkspaceReport report = run.workspaceReport().orElseThrow();
            assertThat(report.kept()).containsExactly("main.py");
            assertThat(report.copied()).contains("data.txt", "README.md");
            assertThat(report.sentence()).contains("Kept 1 file you already had, unchanged: main.py");
            assertThat(run.fastapi().orElseThrow().logs()).anyMatch(l -> l.text().contains("Kept 1 file"));
            URI url = run.endpoints().fastapi().orElseThrow();
            assertThat(get(url.resolve("/health"), Map.of()).orElseThrow().body()).contains("mine");

            run.stop().get(30, TimeUnit.SECONDS);
            // a second start copies nothing again and keeps every file as it is
            Files.writeString(workspace.resolve("data.txt"), "edited by the learner\n");
            WorkspaceReport again = services.prepareWorkspace(lab, labFolder);
            assertThat(again.copied()).isEmpty();
            assertThat(again.kept()).contains("main.py", "data.txt", "README.md");
            assertThat(workspace.resolve("data.txt")).hasContent("edited by the learner\n");
        }
    }

    @Test
    void anAppThatBreaksIsReportedWithItsLogAndRecoversWhenFixed() throws Exception {
        Path workspace = data.resolve("workspaces/fastapi-broken");
        Files.createDirectories(workspace);
        Files.writeString(workspace.resolve("main.py"), "raise RuntimeError('broken on purpose')\n");
        LabDefinition lab = ServiceTestSupport.lab("fastapi-broken", null, true, ServiceSpec.of(ServiceType.FASTAPI));
        ServiceTestSupport.stub(stubFolder);
        LabServicesSettings settings = ServiceTestSupport.settings(data, stubFolder,
                ServiceTestSupport.withoutDocker(data)).withStartTimeouts(Duration.ofSeconds(10), Duration.ofMinutes(5));
        try (LabServices services = new LabServices(settings)) {
            LabRun run = services.open(lab, labFolder);
            ServiceTestSupport.Recorder recorder = new ServiceTestSupport.Recorder();
            run.addListener(recorder);
            run.start().get(START.toSeconds(), TimeUnit.SECONDS);

            FastApiService fastapi = run.fastapi().orElseThrow();
            ServiceState failed = fastapi.state();
            assertThat(failed.status()).isEqualTo(ServiceStatus.FAILED);
            assertThat(failed.sentence()).contains("uvicorn runs, but the app did not answer /health within 10 s");
            assertThat(failed.fix().orElseThrow()).contains("uvicorn reloads by itself");
            await("the traceback in the log", Duration.ofSeconds(20), () -> recorder.logged("broken on purpose"));

            // the learner fixes the file: uvicorn reloads, the watch sees the app answer
            Files.writeString(workspace.resolve("main.py"), ServiceTestSupport.APP);
            await("the fixed app to be reported running", Duration.ofSeconds(30),
                    () -> fastapi.state().status() == ServiceStatus.RUNNING);
            assertThat(get(run.endpoints().fastapi().orElseThrow().resolve("/health"), Map.of()).orElseThrow()
                    .statusCode()).isEqualTo(200);

            Set<ProcessHandle> tree = ProcessTree.of(fastapi.process().orElseThrow());
            run.stop().get(30, TimeUnit.SECONDS);
            assertThat(tree).noneMatch(ProcessHandle::isAlive);
        }
    }

    @Test
    void closingTheServicesStopsEveryLab() throws Exception {
        LabDefinition lab = ServiceTestSupport.lab("fastapi-close", null, true, ServiceSpec.of(ServiceType.FASTAPI));
        Set<ProcessHandle> tree;
        try (LabServices services = services()) {
            LabRun run = services.start(lab, labFolder).get(START.toSeconds(), TimeUnit.SECONDS);
            assertThat(run.fastapi().orElseThrow().state().status()).isEqualTo(ServiceStatus.RUNNING);
            tree = ProcessTree.of(run.fastapi().orElseThrow().process().orElseThrow());
        }
        assertThat(tree).noneMatch(ProcessHandle::isAlive);
    }

    @Test
    void anotherProcessCanAskARunningLabToStop() throws Exception {
        LabDefinition lab = ServiceTestSupport.lab("fastapi-remote", null, true, ServiceSpec.of(ServiceType.FASTAPI));
        try (LabServices services = services()) {
            LabRun run = services.start(lab, labFolder).get(START.toSeconds(), TimeUnit.SECONDS);
            Set<ProcessHandle> tree = ProcessTree.of(run.fastapi().orElseThrow().process().orElseThrow());

            boolean stopped = new LabRunRecords(data.resolve("lab-runs")).requestStop("fastapi-remote",
                    Duration.ofSeconds(30));

            assertThat(stopped).isTrue();
            await("the lab to stop", Duration.ofSeconds(10), () -> !run.active());
            assertThat(tree).noneMatch(ProcessHandle::isAlive);
        }
    }

    @Test
    void uvicornStopsItselfWhenTheWorkbenchsEndOfItsStdinCloses() throws Exception {
        // what a crash of the workbench (kill -9) does to the launcher: its stdin pipe closes
        Path python = PythonProbe.probe(System.getenv(), Duration.ofSeconds(20)).python().orElseThrow();
        ServiceTestSupport.stub(stubFolder);
        int port = FreePorts.free();
        Process launcher = new ProcessBuilder(python.toString(), "-c", UvicornScripts.LAUNCHER, "main:app", "--host",
                "127.0.0.1", "--port", String.valueOf(port), "--reload", "--reload-dir", stubFolder.toString())
                .directory(stubFolder.toFile()).redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
        try {
            URI health = URI.create("http://127.0.0.1:" + port + "/health");
            await("the launched uvicorn", START, () -> get(health, Map.of()).map(r -> r.statusCode() == 200)
                    .orElse(false));
            Set<ProcessHandle> tree = ProcessTree.of(launcher.toHandle());
            assertThat(tree).hasSizeGreaterThan(1);

            launcher.getOutputStream().close();

            await("uvicorn and its app process to exit", Duration.ofSeconds(30),
                    () -> tree.stream().noneMatch(ProcessHandle::isAlive));
            assertThat(launcher.exitValue()).isZero();
        } finally {
            ProcessTree.stop(launcher.toHandle(), Duration.ofSeconds(2), Duration.ofSeconds(5),
                    ProcessTree.Zombies.WAIT_UNTIL_REAPED);
        }
    }

    @Test
    void withoutPythonOrDockerTheServiceIsUnavailableWithTheFix() throws Exception {
        Path fake = data.resolve("python-without-fastapi");
        Files.writeString(fake, "#!/bin/sh\nexit 1\n");
        assumeTrue(fake.toFile().setExecutable(true), "cannot make a fake python here");
        Map<String, String> environment = ServiceTestSupport.withoutDocker(data);
        environment.put(PythonProbe.ENVIRONMENT_VARIABLE, fake.toString());
        ServiceTestSupport.stub(stubFolder);
        LabDefinition lab = ServiceTestSupport.lab("fastapi-missing", null, true, ServiceSpec.of(ServiceType.FASTAPI));
        try (LabServices services = new LabServices(ServiceTestSupport.settings(data, stubFolder, environment))) {
            LabRun run = services.start(lab, labFolder).get(START.toSeconds(), TimeUnit.SECONDS);

            ServiceState state = run.fastapi().orElseThrow().state();
            assertThat(state.status()).isEqualTo(ServiceStatus.UNAVAILABLE);
            assertThat(state.sentence()).contains("no Python on this machine has FastAPI and uvicorn")
                    .contains(fake + " cannot import fastapi and uvicorn")
                    .contains("Docker is not running");
            String fix = state.fix().orElseThrow();
            if (System.getProperty("os.name", "").toLowerCase().contains("linux")) {
                assertThat(fix).contains("sudo apt-get install python3-fastapi python3-uvicorn");
            }
            assertThat(fix).contains("pip install fastapi uvicorn").contains("WORKBENCH_PYTHON")
                    .contains("start Docker").contains("steps that do not need FastAPI still run");
            assertThat(run.fastapi().orElseThrow().process()).isEmpty();
            assertThat(run.endpoints().fastapi()).isEmpty();
            // the workspace is still prepared, so the steps that need no service can run
            assertThat(run.workspace().resolve("main.py")).exists();

            CheckSpec file = new CheckSpec.File("readme", "README exists", CheckSpec.DEFAULT_TIMEOUT, null,
                    "README.md", null);
            CheckSpec http = new CheckSpec.Http("health", "Health answers", CheckSpec.DEFAULT_TIMEOUT, null, "GET",
                    "{{fastapi.url}}/health", Map.of(), null, 200, Map.of(), null, null, null);
            assertThat(run.canRun(file)).isTrue();
            assertThat(run.canRun(http)).isFalse();
            assertThat(run.blocker(http)).contains(state.message());
            assertThat(run.python()).isEmpty();
        }
    }

    @Test
    void aCheckThatNeedsAServiceTheLabDoesNotStartIsBlockedWithTheReason() throws Exception {
        LabDefinition lab = ServiceTestSupport.lab("no-services", null, false);
        try (LabServices services = services()) {
            LabRun run = services.open(lab, labFolder);
            CheckSpec qdrant = new CheckSpec.Qdrant("c", "collection", CheckSpec.DEFAULT_TIMEOUT, null, "docs", null,
                    null, null, null, null, Map.of());
            assertThat(run.blocker(qdrant)).hasValueSatisfying(text -> assertThat(text)
                    .contains("needs qdrant, which the lab does not start"));
            assertThat(run.states()).isEmpty();
            assertThat(run.endpoints().placeholders()).isEmpty();
            assertThat(Optional.ofNullable(run.service(ServiceType.FASTAPI).orElse(null))).isEmpty();
        }
    }
}
