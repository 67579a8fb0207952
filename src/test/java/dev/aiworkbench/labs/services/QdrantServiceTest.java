package dev.aiworkbench.labs.services;

import org.junit.jupiter.api.Tag;
import com.github.dockerjava.api.DockerClient;
import com.github.dockerjava.api.command.InspectContainerResponse;
import com.github.dockerjava.api.model.Container;
import com.github.dockerjava.api.model.Ports;
import dev.aiworkbench.labs.definition.LabDefinition;
import dev.aiworkbench.labs.definition.ServiceSpec;
import dev.aiworkbench.labs.definition.ServiceType;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import dev.aiworkbench.testing.standin.StandInImages;
import org.junit.jupiter.api.io.TempDir;
import org.testcontainers.DockerClientFactory;
import org.testcontainers.junit.jupiter.Testcontainers;

import java.net.URI;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Qdrant in a real container. Runs where Docker does; elsewhere it is skipped, and {@link DockerNotice} prints why.
 */
@Tag("docker")
@ExtendWith(DockerNotice.class)
@ExtendWith(StandInImages.class)
@Testcontainers(disabledWithoutDocker = true)
class QdrantServiceTest {
    private static final String KEY = "lab-test-key";

    @TempDir
    Path data;

    @Test
    void startsQdrantWithTheKeyOnLoopbackStreamsItsLogAndStopLeavesNoContainer() throws Exception {
        String labId = "qdrant-test-" + Long.toHexString(System.nanoTime());
        LabDefinition lab = ServiceTestSupport.lab(labId, null, false,
                new ServiceSpec(ServiceType.QDRANT, null, null, KEY, null));
        LabServicesSettings settings = LabServicesSettings.defaults(data, ServiceTestSupport.noGateway())
                .withKeepQdrantData(false);
        try (LabServices services = new LabServices(settings)) {
            LabRun run = services.open(lab, data);
            ServiceTestSupport.Recorder recorder = new ServiceTestSupport.Recorder();
            run.addListener(recorder);

            run.start().get(10, TimeUnit.MINUTES);

            QdrantService qdrant = run.qdrant().orElseThrow();
            ServiceState state = qdrant.state();
            assertThat(state.status()).as(state.message()).isEqualTo(ServiceStatus.RUNNING);
            assertThat(state.runner()).contains(ServiceImages.DEFAULT.qdrant());
            URI url = run.endpoints().qdrant().orElseThrow();
            String grpc = run.endpoints().qdrantGrpc().orElseThrow();
            assertThat(url.getHost()).isEqualTo("127.0.0.1");
            assertThat(grpc).startsWith("127.0.0.1:");
            assertThat(run.endpoints().qdrantApiKey()).contains(KEY);
            assertThat(run.endpoints().placeholders()).containsKeys("qdrant.url", "qdrant.grpc");
            assertThat(state.snippet().orElseThrow()).contains("QdrantClient(url=\"" + url + "\", api_key=\"" + KEY);
            assertThat(state.addresses()).extracting(ServiceState.Address::label).contains("HTTP", "gRPC", "Dashboard");

            // the HTTP endpoint answers, wants the key, and is new enough for the query API
            HttpResponse<String> root = ServiceTestSupport.get(url.resolve("/"), Map.of()).orElseThrow();
            assertThat(root.body()).contains("\"version\"");
            assertThat(state.sentence()).containsPattern("Qdrant 1\\.(1[0-9]|[2-9][0-9])\\.");
            assertThat(ServiceTestSupport.get(url.resolve("/collections"), Map.of("api-key", KEY)).orElseThrow()
                    .statusCode()).isEqualTo(200);
            assertThat(ServiceTestSupport.get(url.resolve("/collections"), Map.of()).orElseThrow().statusCode())
                    .isEqualTo(401);

            // its log streams to the listener
            ServiceTestSupport.await("Qdrant's log", java.time.Duration.ofSeconds(20),
                    () -> recorder.lines.stream().anyMatch(l -> l.source() != LogLine.Source.WORKBENCH));

            // published on 127.0.0.1 only
            DockerClient docker = DockerClientFactory.instance().client();
            String id = qdrant.containerId().orElseThrow();
            InspectContainerResponse inspected = docker.inspectContainerCmd(id).exec();
            Map<com.github.dockerjava.api.model.ExposedPort, Ports.Binding[]> bindings =
                    inspected.getHostConfig().getPortBindings().getBindings();
            assertThat(bindings.values()).allSatisfy(list -> assertThat(Arrays.stream(list).map(Ports.Binding::getHostIp))
                    .containsOnly("127.0.0.1"));

            run.stop().get(2, TimeUnit.MINUTES);

            assertThat(qdrant.state().status()).isEqualTo(ServiceStatus.STOPPED);
            assertThat(run.endpoints().qdrant()).isEmpty();
            List<Container> left = docker.listContainersCmd().withShowAll(true)
                    .withLabelFilter(Map.of(ContainerSupport.LAB_LABEL, labId)).exec();
            assertThat(left).as("containers left after stop").isEmpty();
        }
    }

    @Test
    void collectionsSurviveARestartWhenTheLabKeepsItsData() throws Exception {
        String labId = "qdrant-keep-" + Long.toHexString(System.nanoTime());
        LabDefinition lab = ServiceTestSupport.lab(labId, null, false, ServiceSpec.of(ServiceType.QDRANT));
        try (LabServices services = new LabServices(LabServicesSettings.defaults(data, ServiceTestSupport.noGateway()))) {
            LabRun run = services.start(lab, data).get(10, TimeUnit.MINUTES);
            QdrantService qdrant = run.qdrant().orElseThrow();
            String volume = qdrant.volume().orElseThrow();
            try {
                URI url = run.endpoints().qdrant().orElseThrow();
                java.net.http.HttpClient client = java.net.http.HttpClient.newHttpClient();
                HttpResponse<String> created = client.send(java.net.http.HttpRequest.newBuilder(url.resolve(
                                "/collections/kept")).PUT(java.net.http.HttpRequest.BodyPublishers.ofString(
                                "{\"vectors\":{\"size\":4,\"distance\":\"Cosine\"}}"))
                        .header("Content-Type", "application/json").build(), HttpResponse.BodyHandlers.ofString());
                assertThat(created.statusCode()).as(created.body()).isEqualTo(200);

                ServiceState restarted = run.restart(ServiceType.QDRANT).get(5, TimeUnit.MINUTES);
                assertThat(restarted.status()).as(restarted.message()).isEqualTo(ServiceStatus.RUNNING);
                URI again = run.endpoints().qdrant().orElseThrow();
                assertThat(ServiceTestSupport.get(again.resolve("/collections/kept"), Map.of()).orElseThrow()
                        .statusCode()).isEqualTo(200);
                run.stop().get(2, TimeUnit.MINUTES);
            } finally {
                run.stop().get(2, TimeUnit.MINUTES);
                DockerClientFactory.instance().client().removeVolumeCmd(volume).exec();
            }
        }
    }
}
