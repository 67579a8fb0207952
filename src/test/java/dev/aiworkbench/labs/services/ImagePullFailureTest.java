package dev.aiworkbench.labs.services;

import com.github.dockerjava.api.DockerClient;
import dev.aiworkbench.labs.definition.LabDefinition;
import dev.aiworkbench.labs.definition.ServiceSpec;
import dev.aiworkbench.labs.definition.ServiceType;
import dev.aiworkbench.labs.host.DockerProbe;
import dev.aiworkbench.llm.ModelGateway;
import dev.aiworkbench.llm.ollama.OllamaGateway;
import dev.aiworkbench.llm.ollama.OllamaSettings;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.testcontainers.DockerClientFactory;
import dev.aiworkbench.testing.standin.StandInImages;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.Executors;
import java.util.concurrent.ExecutorService;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * Images that cannot be downloaded, against the real Docker engine: one that no registry answers for (these
 * machines reach none), and one on a registry that takes the connection and never answers. Nothing is pulled and
 * nothing is left behind. Skips, saying why, where no engine runs. The container library's client is used only to
 * look for leftovers, which starts Ryuk: its stand-in image comes from {@link StandInImages}.
 */
@Tag("docker")
@ExtendWith(StandInImages.class)
class ImagePullFailureTest {
    /** A name no registry has; where none is reachable the engine fails before it asks. */
    private static final String ABSENT = "aiworkbench-pullfailures/absent:none";

    @TempDir
    Path data;

    @BeforeEach
    void docker() {
        DockerProbe.Result docker = DockerProbe.probe(System.getenv(), Duration.ofSeconds(3));
        if (!docker.running()) {
            System.out.println("Docker is not running here (" + docker.detail() + "): skipping "
                    + getClass().getSimpleName() + ".");
        }
        assumeTrue(docker.running(), () -> "Docker is not running here: " + docker.detail());
    }

    @Test
    void anImageNoRegistryAnswersForFailsWithinSecondsNamingIt() throws Exception {
        ExecutorService executor = Executors.newCachedThreadPool();
        try {
            ImagePulls pulls = new ImagePulls(DockerEngine::current, executor, Duration.ofSeconds(20));
            assertThat(pulls.absent(List.of(ABSENT))).containsExactly(ABSENT);
            long started = System.nanoTime();
            assertThatThrownBy(() -> pulls.pull(ABSENT, p -> { }, () -> false))
                    .isInstanceOfSatisfying(ImagePullException.class, e -> {
                        assertThat(e.image()).isEqualTo(ABSENT);
                        assertThat(e.reason()).isNotBlank();
                    });
            assertThat(Duration.ofNanos(System.nanoTime() - started)).isLessThan(Duration.ofSeconds(30));
        } finally {
            executor.shutdownNow();
        }
    }

    @Test
    void aRegistryThatNeverAnswersIsGivenUpAtTheStallLimitAndACancelEndsTheWaitAtOnce() throws Exception {
        try (SilentRegistry registry = new SilentRegistry(); DockerClient client = DockerEngine.current().client()) {
            String image = registry.image("pullfailures/silent:1");
            long started = System.nanoTime();
            assertThatThrownBy(() -> new ImagePull(client, image, Duration.ofSeconds(2), p -> { }).run())
                    .isInstanceOfSatisfying(ImagePullException.class,
                            e -> assertThat(e.kind()).isEqualTo(ImagePullException.Kind.STALLED));
            assertThat(Duration.ofNanos(System.nanoTime() - started)).isBetween(Duration.ofSeconds(2),
                    Duration.ofSeconds(6));
            assertThat(registry.connections()).as("the engine really tried the registry").isPositive();

            ImagePull pull = new ImagePull(client, image, Duration.ofMinutes(5), p -> { });
            AtomicReference<Throwable> ended = new AtomicReference<>();
            Thread waiting = Thread.ofPlatform().start(() -> {
                try {
                    pull.run();
                } catch (Exception e) {
                    ended.set(e);
                }
            });
            Thread.sleep(1_000);
            long cancelled = System.nanoTime();
            pull.cancel();
            waiting.join(5_000);
            assertThat(waiting.isAlive()).isFalse();
            assertThat(Duration.ofNanos(System.nanoTime() - cancelled)).isLessThan(Duration.ofSeconds(1));
            assertThat(ended.get()).isInstanceOf(InterruptedException.class);
        }
    }

    @Test
    void aLabWhoseImageCannotComeSaysWhichAndStopsItsOtherServicesWithinHalfAMinute() throws Exception {
        try (SilentRegistry registry = new SilentRegistry()) {
            URI nothing = URI.create("http://127.0.0.1:" + FreePorts.free());
            ModelGateway noServer = new OllamaGateway(OllamaSettings.defaults(nothing));
            LabServicesSettings settings = LabServicesSettings.defaults(data, () -> noServer)
                    .withImages(new ServiceImages(ABSENT, registry.image("pullfailures/ollama:1"),
                            ServiceImages.DEFAULT.python()))
                    .withImagePullStall(Duration.ofMinutes(5));
            String labId = "pullfailures-" + Long.toHexString(System.nanoTime());
            LabDefinition lab = ServiceTestSupport.lab(labId, null, false,
                    new ServiceSpec(ServiceType.QDRANT, null, null, null, null),
                    new ServiceSpec(ServiceType.OLLAMA, null, null, null, null));
            try (LabServices services = new LabServices(settings)) {
                LabRun run = services.open(lab, data);
                ServiceTestSupport.Recorder recorder = new ServiceTestSupport.Recorder();
                run.addListener(recorder);
                long started = System.nanoTime();

                run.start().get(60, TimeUnit.SECONDS);
                Duration took = Duration.ofNanos(System.nanoTime() - started);

                ServiceState qdrant = run.qdrant().orElseThrow().state();
                assertThat(qdrant.status()).as(qdrant.message()).isEqualTo(ServiceStatus.UNAVAILABLE);
                assertThat(qdrant.sentence()).startsWith("Qdrant cannot start: Docker could not download the image "
                        + ABSENT + " (");
                assertThat(qdrant.fix().orElseThrow()).contains("`docker pull " + ABSENT + "`");
                ServiceState ollama = run.ollama().orElseThrow().state();
                assertThat(ollama.status()).as(ollama.message()).isEqualTo(ServiceStatus.STOPPED);
                assertThat(ollama.sentence()).startsWith("Stopped: the lab cannot run without " + ABSENT
                        + ", which Docker could not download (see Qdrant).");
                // Whether Ollama got as far as its own download depends on which service the engine answers first
                // (Ryuk, when enabled, is pulled before either); what must hold is that nothing of the lab runs on.
                assertThat(recorder.states).noneSatisfy(s -> assertThat(s.status()).isEqualTo(ServiceStatus.RUNNING));
                assertThat(DockerClientFactory.instance().client().listContainersCmd().withShowAll(true)
                        .withLabelFilter(Map.of(ContainerSupport.LAB_LABEL, labId)).exec()).isEmpty();
                assertThat(took).isLessThan(Duration.ofSeconds(30));
                assertThat(run.active()).isFalse();
                assertThat(services.records().find(labId)).isEmpty();
            }
        }
    }

    @Test
    void stopEndsADownloadUnderWayAtOnce() throws Exception {
        try (SilentRegistry registry = new SilentRegistry()) {
            String image = registry.image("pullfailures/qdrant:1");
            LabServicesSettings settings = LabServicesSettings.defaults(data, ServiceTestSupport.noGateway())
                    .withImages(new ServiceImages(image, ServiceImages.DEFAULT.ollama(), ServiceImages.DEFAULT.python()))
                    .withImagePullStall(Duration.ofMinutes(5));
            LabDefinition lab = ServiceTestSupport.lab("pullfailures-stop-" + Long.toHexString(System.nanoTime()),
                    null, false, new ServiceSpec(ServiceType.QDRANT, null, null, null, null));
            try (LabServices services = new LabServices(settings)) {
                LabRun run = services.open(lab, data);
                var starting = run.start();
                QdrantService qdrant = run.qdrant().orElseThrow();
                ServiceTestSupport.await("the download to start", Duration.ofSeconds(20),
                        () -> qdrant.state().sentence().startsWith("Downloading the image " + image));

                long stopping = System.nanoTime();
                run.stop().get(10, TimeUnit.SECONDS);
                Duration took = Duration.ofNanos(System.nanoTime() - stopping);

                assertThat(took).isLessThan(Duration.ofSeconds(2));
                assertThat(qdrant.state().status()).isEqualTo(ServiceStatus.STOPPED);
                starting.get(5, TimeUnit.SECONDS);
                assertThat(qdrant.state().status()).isEqualTo(ServiceStatus.STOPPED);
                assertThat(run.active()).isFalse();
            }
        }
    }
}
