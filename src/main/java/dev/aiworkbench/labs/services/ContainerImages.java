package dev.aiworkbench.labs.services;

import org.testcontainers.utility.DockerImageName;
import org.testcontainers.utility.ImageNameSubstitutor;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The images a container service needs before the container library can start it: its own image and the
 * library's helper, Ryuk, which removes a lab's containers when the workbench dies without stopping them. Both
 * under the names the library will ask the engine for, after its substitutions (a registry mirror set with
 * {@code TESTCONTAINERS_HUB_IMAGE_NAME_PREFIX} or {@code hub.image.name.prefix}).
 */
final class ContainerImages {
    /**
     * The Ryuk image Testcontainers 2.0.5 starts ({@code RyukContainer}'s image; a test keeps this in step with the
     * library).
     */
    static final String RYUK = "testcontainers/ryuk:0.14.0";
    /** Testcontainers' switch for Ryuk: the library starts no helper when it is {@code true}. */
    static final String RYUK_DISABLED = "TESTCONTAINERS_RYUK_DISABLED";

    private ContainerImages() {
    }

    /** The service's image, then Ryuk's unless the environment turns Ryuk off. */
    static List<String> needed(String image, Map<String, String> environment) {
        List<String> images = new ArrayList<>();
        images.add(asPulled(image));
        if (!Boolean.parseBoolean(environment.getOrDefault(RYUK_DISABLED, "false").strip())) {
            images.add(asPulled(RYUK));
        }
        return images;
    }

    /** The name the container library asks the engine for. */
    static String asPulled(String image) {
        return ImageNameSubstitutor.instance().apply(DockerImageName.parse(image)).asCanonicalNameString();
    }

    /** What an image is for, as a sentence to follow one that names it; empty for the service's own image. */
    static String role(String image) {
        return image.contains("testcontainers/ryuk") ? " " + image + " is the container library's helper, which removes"
                + " the lab's containers if the workbench dies." : "";
    }
}
