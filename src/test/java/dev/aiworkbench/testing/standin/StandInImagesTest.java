package dev.aiworkbench.testing.standin;

import dev.aiworkbench.labs.host.DockerProbe;
import dev.aiworkbench.labs.services.ServiceImages;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/** The stand-in images: built under the product's names, labelled with their inputs, and not built twice. */
@Tag("docker")
class StandInImagesTest {

    @BeforeAll
    static void needsDocker() {
        DockerProbe.Result docker = DockerProbe.probe(System.getenv(), Duration.ofSeconds(3));
        if (!docker.running()) {
            System.out.println("Docker is not running here (" + docker.detail() + "): skipping the stand-in image"
                    + " tests.");
        }
        assumeTrue(docker.running(), () -> "Docker is not running here: " + docker.detail());
    }

    @Test
    void everyImageTheServicesUseIsThereAndAnUnchangedStandInIsNotBuiltAgain() throws Exception {
        Map<String, String> report = StandInImages.ensure();
        ServiceImages images = ServiceImages.DEFAULT;

        assertThat(report).containsKeys(images.qdrant(), images.ollama(), images.python());
        for (String name : new String[]{images.qdrant(), images.ollama()}) {
            assertThat(DockerImages.find(name)).as(name).isPresent();
        }
        StandInImage qdrant = StandInImages.qdrant(images.qdrant());
        DockerImages.Image before = DockerImages.find(images.qdrant()).orElseThrow();
        if (before.inputs().isPresent()) {
            assertThat(before.inputs().get()).as("the label is the hash of the inputs").isEqualTo(
                    qdrant.files().hashAlso(qdrant.dockerfile()).hash());
            assertThat(qdrant.ensure()).isEqualTo(StandInImage.Outcome.CACHED);
            assertThat(DockerImages.find(images.qdrant()).orElseThrow().id()).isEqualTo(before.id());
        } else {
            assertThat(qdrant.ensure()).isEqualTo(StandInImage.Outcome.REAL_IMAGE);
        }
    }
}
