package dev.aiworkbench.labs.services;

import org.junit.jupiter.api.Tag;
import com.github.dockerjava.api.DockerClient;
import com.github.dockerjava.api.model.Container;
import dev.aiworkbench.labs.definition.LabDefinition;
import dev.aiworkbench.labs.definition.ServiceSpec;
import dev.aiworkbench.labs.definition.ServiceType;
import dev.aiworkbench.llm.LocalModel;
import dev.aiworkbench.llm.ModelGateway;
import dev.aiworkbench.llm.ollama.OllamaGateway;
import dev.aiworkbench.llm.ollama.OllamaSettings;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import dev.aiworkbench.testing.standin.StandInImages;
import org.junit.jupiter.api.io.TempDir;
import org.testcontainers.DockerClientFactory;
import org.testcontainers.junit.jupiter.Testcontainers;

import java.net.URI;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Ollama in a real container, because no server answers at the app's address: the lab's model is pulled into a
 * named volume with progress, and a second start finds it there. Runs where Docker does (and the network reaches
 * ollama.com); elsewhere it is skipped, and {@link DockerNotice} prints why.
 */
@Tag("docker")
@ExtendWith(DockerNotice.class)
@ExtendWith(StandInImages.class)
@Testcontainers(disabledWithoutDocker = true)
class OllamaServiceTest {
    /** A small embedding model (about 46 MB). */
    private static final String MODEL = "all-minilm";

    @TempDir
    Path data;

    @Test
    void startsOllamaInDockerPullsTheModelIntoTheVolumeAndStopLeavesNoContainer() throws Exception {
        String labId = "ollama-test-" + Long.toHexString(System.nanoTime());
        String volume = "ai-workbench-ollama-test-" + Long.toHexString(System.nanoTime());
        URI nothing = URI.create("http://127.0.0.1:" + FreePorts.free());
        ModelGateway absent = new OllamaGateway(OllamaSettings.defaults(nothing));
        LabServicesSettings settings = LabServicesSettings.defaults(data, () -> absent).withOllamaVolume(volume);
        LabDefinition lab = ServiceTestSupport.lab(labId, null, false,
                new ServiceSpec(ServiceType.OLLAMA, null, MODEL, null, null));
        DockerClient docker = DockerClientFactory.instance().client();
        try (LabServices services = new LabServices(settings)) {
            LabRun run = services.open(lab, data);
            ServiceTestSupport.Recorder first = new ServiceTestSupport.Recorder();
            run.addListener(first);

            run.start().get(20, TimeUnit.MINUTES);

            OllamaService ollama = run.ollama().orElseThrow();
            ServiceState state = ollama.state();
            assertThat(state.status()).as(state.message()).isEqualTo(ServiceStatus.RUNNING);
            assertThat(state.fix()).as(state.message()).isEmpty();
            assertThat(ollama.inContainer()).isTrue();
            URI url = run.endpoints().ollama().orElseThrow();
            assertThat(url.getHost()).isEqualTo("127.0.0.1");
            assertThat(ServiceTestSupport.get(url.resolve("/api/version"), Map.of()).orElseThrow().statusCode())
                    .isEqualTo(200);
            List<String> models = ollama.gateway().orElseThrow().listModels().stream().map(LocalModel::name).toList();
            assertThat(models).contains(MODEL + ":latest");
            assertThat(first.pulls).as("pull progress").isNotEmpty();
            assertThat(first.pulls).anyMatch(p -> p.startsWith(MODEL + " "));
            assertThat(run.models().get().baseUri()).isEqualTo(url);

            run.stop().get(2, TimeUnit.MINUTES);
            assertThat(ollama.state().status()).isEqualTo(ServiceStatus.STOPPED);
            assertThat(ollama.state().sentence()).contains("models stay in the Docker volume " + volume);
            List<Container> left = docker.listContainersCmd().withShowAll(true)
                    .withLabelFilter(Map.of(ContainerSupport.LAB_LABEL, labId)).exec();
            assertThat(left).as("containers left after stop").isEmpty();

            // the volume kept the model: the next start pulls nothing
            ServiceTestSupport.Recorder second = new ServiceTestSupport.Recorder();
            run.addListener(second);
            run.start().get(10, TimeUnit.MINUTES);
            assertThat(ollama.state().status()).as(ollama.state().message()).isEqualTo(ServiceStatus.RUNNING);
            assertThat(second.logged(MODEL + " is already on the server")).isTrue();
            assertThat(second.pulls).isEmpty();
            run.stop().get(2, TimeUnit.MINUTES);
        } finally {
            absent.close();
            docker.removeVolumeCmd(volume).exec();
        }
    }
}
