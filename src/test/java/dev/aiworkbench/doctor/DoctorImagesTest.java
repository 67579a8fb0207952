package dev.aiworkbench.doctor;

import com.github.dockerjava.api.DockerClient;
import dev.aiworkbench.labs.host.DockerProbe;
import dev.aiworkbench.labs.services.DockerEngine;
import dev.aiworkbench.labs.services.ServiceImages;
import org.apache.commons.compress.archivers.tar.TarArchiveEntry;
import org.apache.commons.compress.archivers.tar.TarArchiveOutputStream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * {@code workbench doctor}'s lab image and registry checks, against the real Docker engine: an image made here
 * (an empty one, imported, removed afterwards) is present with its size, a name no registry has is absent with how
 * to get it, and the registry check ends within its deadline whatever the network. Skips where no engine runs.
 */
@Tag("docker")
class DoctorImagesTest {
    private static final String PRESENT = "aiworkbench-pullfailures/present:1";
    private static final String ABSENT = "aiworkbench-pullfailures/absent:none";

    @BeforeEach
    void docker() {
        DockerProbe.Result docker = DockerProbe.probe(System.getenv(), Duration.ofSeconds(3));
        if (!docker.running()) {
            System.out.println("Docker is not running here (" + docker.detail() + "): skipping DoctorImagesTest.");
        }
        assumeTrue(docker.running(), () -> "Docker is not running here: " + docker.detail());
    }

    @Test
    void eachLabImageIsPresentWithItsSizeOrAbsentWithHowToGetIt() throws Exception {
        try (DockerClient client = DockerEngine.current().client()) {
            importImage(PRESENT, oneFileTar());
            try {
                List<Check> checks = Doctor.labImages(new ServiceImages(PRESENT, ABSENT, ABSENT),
                        Map.of("TESTCONTAINERS_RYUK_DISABLED", "true"));

                assertThat(checks).extracting(Check::name).containsExactly("Image " + PRESENT, "Image " + ABSENT,
                        "Image " + ABSENT);
                assertThat(checks.get(0).ok()).isTrue();
                assertThat(checks.get(0).detail()).isEqualTo("present locally, 5 B");
                assertThat(checks.get(1).ok()).isFalse();
                assertThat(checks.get(1).required()).isFalse();
                assertThat(checks.get(1).detail()).startsWith("absent");
                assertThat(checks.get(1).fix()).contains("`docker pull " + ABSENT + "`");
            } finally {
                client.removeImageCmd(PRESENT).exec();
            }
        }
    }

    /** {@code docker import}: the same import through docker-java over its zerodep transport was refused (unexpected EOF). */
    private static void importImage(String name, byte[] tar) throws Exception {
        Process docker = new ProcessBuilder("docker", "import", "-", name).redirectErrorStream(true).start();
        try (var in = docker.getOutputStream()) {
            in.write(tar);
        }
        String output = new String(docker.getInputStream().readAllBytes(), java.nio.charset.StandardCharsets.UTF_8);
        assertThat(docker.waitFor()).as(output).isZero();
    }

    /** A root file system of one five-byte file, as {@code docker import} takes it. */
    private static byte[] oneFileTar() throws java.io.IOException {
        java.io.ByteArrayOutputStream bytes = new java.io.ByteArrayOutputStream();
        try (TarArchiveOutputStream tar = new TarArchiveOutputStream(bytes)) {
            TarArchiveEntry entry = new TarArchiveEntry("hello");
            entry.setSize(5);
            tar.putArchiveEntry(entry);
            tar.write("hello".getBytes(java.nio.charset.StandardCharsets.US_ASCII));
            tar.closeArchiveEntry();
        }
        return bytes.toByteArray();
    }

    @Test
    void theRegistryCheckEndsWithinItsDeadlineAndSaysWhatToDoWhenNoneAnswers() {
        long started = System.nanoTime();
        Check registry = Doctor.registry(ServiceImages.DEFAULT);
        Duration took = Duration.ofNanos(System.nanoTime() - started);

        assertThat(took).isLessThan(Duration.ofSeconds(8));
        assertThat(registry.name()).isEqualTo("Registry");
        if (registry.ok()) {
            assertThat(registry.detail()).startsWith("docker.io answers Docker");
        } else {
            System.out.println("No registry answers here: " + registry.detail());
            assertThat(registry.detail()).startsWith("docker.io does not answer Docker: ");
            assertThat(registry.fix()).contains("proxy").contains("registry mirror");
        }
    }
}
