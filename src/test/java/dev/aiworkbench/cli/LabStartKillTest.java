package dev.aiworkbench.cli;

import com.github.dockerjava.api.DockerClient;
import com.github.dockerjava.api.model.Container;
import com.github.dockerjava.api.model.ContainerMount;
import com.github.dockerjava.api.model.Network;
import dev.aiworkbench.labs.host.DockerProbe;
import dev.aiworkbench.testing.FakeOllama;
import dev.aiworkbench.testing.standin.StandInImages;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.testcontainers.DockerClientFactory;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * A {@code lab start} killed with SIGKILL runs no shutdown hook, so nothing of the workbench stops its
 * containers: Testcontainers' reaper, Ryuk, does, once the dead process's connection has been gone for its
 * reconnection timeout. What the product means to keep survives: the lab's Qdrant volume (named, unlabelled, so
 * the next start finds the collections again). The lab is rag-qdrant, with Qdrant in Docker and the models on a
 * fake Ollama server in this JVM.
 */
@Tag("docker")
@Tag("slow")
@ExtendWith(StandInImages.class)
class LabStartKillTest {
    private static final String LAB = "rag-qdrant";
    private static final String LAB_LABEL = "dev.aiworkbench.lab";
    private static final String SESSION_LABEL = "org.testcontainers.sessionId";

    @TempDir
    Path data;

    private FakeOllama ollama;
    private Process started;
    private String session;
    private String volume;

    @BeforeEach
    void docker() {
        DockerProbe.Result docker = DockerProbe.probe(System.getenv(), Duration.ofSeconds(3));
        if (!docker.running()) {
            System.out.println("Docker is not running here (" + docker.detail() + "): skipping LabStartKillTest.");
        }
        assumeTrue(docker.running(), () -> "Docker is not running here: " + docker.detail());
        ollama = FakeOllama.start();
        ollama.model("qwen2.5:0.5b");
        ollama.embeddingModel("all-minilm");
    }

    @AfterEach
    void cleanUp() throws InterruptedException {
        if (started != null && started.isAlive()) {
            started.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
        }
        if (ollama != null) {
            ollama.close();
        }
        if (session == null && volume == null) { // skipped without an engine, or nothing was left to remove
            return;
        }
        DockerClient docker = DockerClientFactory.instance().client();
        if (session != null) { // only when the test failed: nothing may outlive it
            for (Container c : sessionContainers(docker)) {
                docker.removeContainerCmd(c.getId()).withForce(true).withRemoveVolumes(true).exec();
            }
            sessionNetworks(docker).forEach(n -> docker.removeNetworkCmd(n.getId()).exec());
        }
        if (volume != null) { // kept by design for the next start of the lab; this test's data folder is gone
            docker.removeVolumeCmd(volume).exec();
        }
    }

    @Test
    void killingLabStartLeavesNoContainerOrNetworkBehindOnceRyukTimesOutButKeepsTheQdrantVolume()
            throws Exception {
        List<String> output = new CopyOnWriteArrayList<>();
        started = new ProcessBuilder(ChildWorkbench.command(data, "--ollama-url", ollama.baseUrl(), "lab", "start", LAB,
                "--trust"))
                .redirectErrorStream(true).start();
        ChildWorkbench.readUntil(started, output, "is running.").get(3, TimeUnit.MINUTES);

        DockerClient docker = DockerClientFactory.instance().client();
        List<Container> lab = docker.listContainersCmd().withLabelFilter(Map.of(LAB_LABEL, LAB,
                "dev.aiworkbench.service", "qdrant")).exec();
        assertThat(lab).as("the lab's Qdrant container runs" + String.join("\n", output)).hasSize(1);
        Container qdrant = lab.get(0);
        session = qdrant.getLabels().get(SESSION_LABEL);
        assertThat(session).as("Testcontainers labels what it starts with its session").isNotBlank();
        volume = qdrant.getMounts().stream().filter(m -> m.getName() != null && m.getName()
                .startsWith("ai-workbench-qdrant-")).map(ContainerMount::getName).findFirst().orElseThrow();
        assertThat(sessionNetworks(docker)).as("the lab's network").hasSize(1);
        assertThat(ryuk(docker)).as("the dead process's Ryuk").hasSize(1);

        started.destroyForcibly();
        assertThat(started.waitFor(10, TimeUnit.SECONDS)).isTrue();
        assertThat(started.exitValue()).as("killed by SIGKILL").isEqualTo(137);
        long killed = System.nanoTime();
        assertThat(sessionContainers(docker)).as("a killed process stops nothing itself").isNotEmpty();

        long deadline = killed + Duration.ofSeconds(60).toNanos();
        while (System.nanoTime() < deadline && !(sessionContainers(docker).isEmpty()
                && sessionNetworks(docker).isEmpty() && ryuk(docker).isEmpty())) {
            Thread.sleep(250);
        }
        Duration took = Duration.ofNanos(System.nanoTime() - killed);
        System.out.printf("LabStartKillTest: Ryuk cleaned up %.1f s after the kill%n", took.toMillis() / 1000.0);

        assertThat(sessionContainers(docker)).as("containers left").isEmpty();
        assertThat(docker.listContainersCmd().withShowAll(true).withIdFilter(List.of(qdrant.getId())).exec())
                .as("the lab's Qdrant container").isEmpty();
        assertThat(sessionNetworks(docker)).as("networks left").isEmpty();
        assertThat(ryuk(docker)).as("Ryuk ends once it has cleaned up").isEmpty();
        assertThat(took).as("removed after the reconnection timeout (" + StandInImages.RYUK_RECONNECTION_TIMEOUT
                + "), not at the kill").isGreaterThanOrEqualTo(Duration.ofSeconds(2));
        assertThat(docker.listVolumesCmd().exec().getVolumes()).as("the lab's Qdrant data is kept")
                .anySatisfy(v -> assertThat(v.getName()).isEqualTo(volume));
        session = null;
    }

    private List<Container> sessionContainers(DockerClient docker) {
        return docker.listContainersCmd().withShowAll(true).withLabelFilter(Map.of(SESSION_LABEL, session)).exec();
    }

    private List<Network> sessionNetworks(DockerClient docker) {
        return docker.listNetworksCmd().withFilter("label", List.of(SESSION_LABEL + "=" + session)).exec();
    }

    private List<Container> ryuk(DockerClient docker) {
        return docker.listContainersCmd().withShowAll(true).withNameFilter(List.of("testcontainers-ryuk-" + session))
                .exec();
    }
}
