package dev.aiworkbench.labs.services;

import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** What a learner reads when an image cannot be downloaded, and which images a container service needs. */
class ImageAdviceTest {

    @Test
    void aNetworkFailureNamesTheImageTheEngineAndEveryWayOut() {
        ImagePullException failure = ImagePullException.fromEngine(ContainerImages.RYUK, "Status 500: {\"message\":"
                + "\"Get \\\"https://registry-1.docker.io/v2/\\\": dial tcp: lookup registry-1.docker.io: no such host\"}");
        assertThat(failure.kind()).isEqualTo(ImagePullException.Kind.FAILED);
        assertThat(failure.reason()).isEqualTo("Get \"https://registry-1.docker.io/v2/\": dial tcp: lookup"
                + " registry-1.docker.io: no such host");

        String sentence = ImageAdvice.sentence("Qdrant", failure, List.of("qdrant/qdrant:v1.20.3"));
        assertThat(sentence).startsWith("Qdrant cannot start: Docker could not download the image "
                        + ContainerImages.RYUK + " (Get ")
                .contains("is the container library's helper, which removes the lab's containers")
                .endsWith("It also needs qdrant/qdrant:v1.20.3, which Docker lacks too.");
        assertThat(ImageAdvice.fix(failure, List.of("qdrant/qdrant:v1.20.3")))
                .contains("Connect to the network")
                .contains("proxy settings")
                .contains("`docker pull " + ContainerImages.RYUK + "` and `docker pull qdrant/qdrant:v1.20.3`")
                .contains("registry-mirrors")
                .contains("TESTCONTAINERS_HUB_IMAGE_NAME_PREFIX")
                .endsWith("Then press Start again.");
    }

    @Test
    void aSilentRegistryAMissingImageAndARefusedLoginGetTheirOwnAdvice() {
        ImagePullException stalled = ImagePullException.stalled("ollama/ollama:0.32.6", Duration.ofSeconds(20));
        assertThat(stalled.kind()).isEqualTo(ImagePullException.Kind.STALLED);
        assertThat(ImageAdvice.sentence("The Ollama container", stalled, List.of())).isEqualTo("The Ollama container"
                + " cannot start: Docker could not download the image ollama/ollama:0.32.6 (Docker got no answer"
                + " from the registry within 20 s).");

        ImagePullException missing = ImagePullException.fromEngine("qdrant/qdrant:v9", "manifest for qdrant/qdrant:v9"
                + " not found: manifest unknown: manifest unknown");
        assertThat(missing.kind()).isEqualTo(ImagePullException.Kind.NOT_FOUND);
        assertThat(ImageAdvice.fix(missing, List.of())).startsWith("The registry has no image by that name")
                .contains("`docker pull qdrant/qdrant:v9`");

        ImagePullException denied = ImagePullException.fromEngine("registry.example.com/qdrant/qdrant:v1.20.3",
                "Head \"https://registry.example.com/v2/qdrant/qdrant/manifests/v1.20.3\": unauthorized");
        assertThat(denied.kind()).isEqualTo(ImagePullException.Kind.DENIED);
        assertThat(ImageAdvice.fix(denied, List.of())).startsWith("The registry wants a login: run `docker login`");
    }

    @Test
    void aContainerServiceNeedsItsImageAndRyukUnlessRyukIsOff() {
        assertThat(ContainerImages.needed("qdrant/qdrant:v1.20.3", Map.of()))
                .containsExactly("qdrant/qdrant:v1.20.3", ContainerImages.RYUK);
        assertThat(ContainerImages.needed("qdrant/qdrant:v1.20.3", Map.of(ContainerImages.RYUK_DISABLED, "true")))
                .containsExactly("qdrant/qdrant:v1.20.3");
    }

    /** When Testcontainers is upgraded, its Ryuk image changes: this fails until the constant follows. */
    @Test
    void theRyukImageIsTheOneTheContainerLibraryStarts() throws Exception {
        Class<?> ryuk = Class.forName("org.testcontainers.utility.RyukContainer");
        try (var in = ryuk.getResourceAsStream(ryuk.getSimpleName() + ".class")) {
            String classFile = new String(in.readAllBytes(), StandardCharsets.ISO_8859_1);
            assertThat(classFile).contains(ContainerImages.RYUK);
        }
    }
}
