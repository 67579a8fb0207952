package dev.aiworkbench.labs.services;

import com.github.dockerjava.api.DockerClient;
import com.github.dockerjava.api.model.Container;
import com.github.dockerjava.api.model.Ports;
import dev.aiworkbench.labs.definition.LabDefinition;
import dev.aiworkbench.labs.definition.ServiceSpec;
import dev.aiworkbench.labs.definition.ServiceType;
import dev.aiworkbench.labs.host.PythonProbe;
import dev.aiworkbench.testing.standin.StandInImages;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.testcontainers.DockerClientFactory;
import org.testcontainers.junit.jupiter.Testcontainers;

import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import static dev.aiworkbench.labs.services.ServiceTestSupport.await;
import static dev.aiworkbench.labs.services.ServiceTestSupport.get;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * The FastAPI service's fallback for real: no local Python has FastAPI (WORKBENCH_PYTHON names one that cannot
 * import it), Docker runs, so the app runs in the pinned Python image with the workspace mounted. Runs where Docker
 * does; elsewhere it is skipped, and {@link DockerNotice} prints why.
 */
@Tag("docker")
@ExtendWith(DockerNotice.class)
@ExtendWith(StandInImages.class)
@Testcontainers(disabledWithoutDocker = true)
class FastApiContainerTest {
    private static final Duration START = Duration.ofMinutes(3);

    @TempDir
    Path data;
    @TempDir
    Path stubFolder;
    @TempDir
    Path labFolder;

    @BeforeAll
    static void needsThePythonImage() throws Exception {
        StandInImages.assumePythonImage();
    }

    @Test
    void withoutALocalPythonTheAppRunsInThePythonImageOnLoopbackReloadsAndStopLeavesNoContainer() throws Exception {
        Path noFastApi = data.resolve("python-without-fastapi");
        Files.writeString(noFastApi, "#!/bin/sh\nexit 1\n");
        assertThat(noFastApi.toFile().setExecutable(true)).isTrue();
        Map<String, String> environment = new HashMap<>(System.getenv());
        environment.put(PythonProbe.ENVIRONMENT_VARIABLE, noFastApi.toString());
        ServiceTestSupport.stub(stubFolder);
        String labId = "fastapi-container-" + Long.toHexString(System.nanoTime());
        LabDefinition lab = ServiceTestSupport.lab(labId, null, true, ServiceSpec.of(ServiceType.FASTAPI));
        DockerClient docker = DockerClientFactory.instance().client();
        try (LabServices services = new LabServices(ServiceTestSupport.settings(data, stubFolder, environment))) {
            LabRun run = services.open(lab, labFolder);
            ServiceTestSupport.Recorder recorder = new ServiceTestSupport.Recorder();
            run.addListener(recorder);

            run.start().get(START.toSeconds(), TimeUnit.SECONDS);

            FastApiService fastapi = run.fastapi().orElseThrow();
            ServiceState state = fastapi.state();
            assertThat(state.status()).as(state.message()).isEqualTo(ServiceStatus.RUNNING);
            assertThat(fastapi.inContainer()).isTrue();
            assertThat(fastapi.python()).isEmpty();
            assertThat(state.runner()).contains("uvicorn in the container " + ServiceImages.DEFAULT.python());
            assertThat(recorder.logged("so it runs in Docker (" + ServiceImages.DEFAULT.python() + ")")).isTrue();
            URI url = run.endpoints().fastapi().orElseThrow();
            assertThat(url.getHost()).isEqualTo("127.0.0.1");
            assertThat(get(url.resolve("/health"), Map.of()).orElseThrow().body()).contains("\"status\":\"ok\"");
            await("uvicorn's log from the container", Duration.ofSeconds(10),
                    () -> recorder.logged("Application startup complete") && recorder.logged("tiny app imported"));

            // published on 127.0.0.1 only, and labelled with its lab
            List<Container> containers = docker.listContainersCmd()
                    .withLabelFilter(Map.of(ContainerSupport.LAB_LABEL, labId)).exec();
            assertThat(containers).hasSize(1);
            Map<com.github.dockerjava.api.model.ExposedPort, Ports.Binding[]> bindings = docker
                    .inspectContainerCmd(containers.get(0).getId()).exec().getHostConfig().getPortBindings()
                    .getBindings();
            assertThat(bindings.values()).allSatisfy(list -> assertThat(Arrays.stream(list)
                    .map(Ports.Binding::getHostIp)).containsOnly("127.0.0.1"));

            // a save in the workspace reaches the container, and uvicorn reloads it
            Path main = run.workspace().resolve("main.py");
            Files.writeString(main, ServiceTestSupport.APP + """


                    @app.get("/version")
                    def version():
                        return {"version": 2}
                    """);
            await("the reloaded app's /version", Duration.ofSeconds(60), () -> get(url.resolve("/version"), Map.of())
                    .map(r -> r.statusCode() == 200 && r.body().contains("\"version\":2")).orElse(false));

            run.stop().get(2, TimeUnit.MINUTES);
            assertThat(fastapi.state().status()).isEqualTo(ServiceStatus.STOPPED);
            assertThat(docker.listContainersCmd().withShowAll(true)
                    .withLabelFilter(Map.of(ContainerSupport.LAB_LABEL, labId)).exec())
                    .as("containers left after stop").isEmpty();
        }
    }
}
