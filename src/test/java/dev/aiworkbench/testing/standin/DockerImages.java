package dev.aiworkbench.testing.standin;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Optional;

/**
 * The Docker engine's images, through the {@code docker} command line (which honours {@code DOCKER_HOST} as
 * the product does): what an image carries, building one from a folder, removing one. The command line, not the
 * container library, so images can be made before that library starts its own helper containers.
 */
final class DockerImages {
    private static final ObjectMapper JSON = new ObjectMapper();

    /** An image the engine has: its id and the value of the stand-in label, when it has one. */
    record Image(String id, Optional<String> inputs) {
    }

    private DockerImages() {
    }

    static Optional<Image> find(String name) throws IOException, InterruptedException {
        Command.Result result = Command.of(Duration.ofSeconds(30), "docker", "image", "inspect", "--format",
                "{{json .}}", name).run();
        if (!result.ok()) {
            if (result.output().contains("No such image") || result.output().contains("No such object")) {
                return Optional.empty();
            }
            throw new IOException("docker image inspect " + name + " failed: " + result.tail());
        }
        JsonNode image = JSON.readTree(result.output().strip().lines().findFirst().orElse("{}"));
        JsonNode label = image.path("Config").path("Labels").path(StandInImage.INPUTS_LABEL);
        return Optional.of(new Image(image.path("Id").asText(), label.isTextual() ? Optional.of(label.asText())
                : Optional.empty()));
    }

    /** Builds the folder's Dockerfile (its FROM images are local) and tags the result. */
    static void build(Path context, String tag) throws IOException, InterruptedException {
        Command.of(Duration.ofMinutes(10), "docker", "build", "--quiet", "--tag", tag, context.toString())
                .runOrThrow("Building the stand-in image " + tag);
    }

    /** Removes an image by id; an image still in use stays (the engine refuses), which is harmless here. */
    static void removeQuietly(String id) throws IOException, InterruptedException {
        Command.of(Duration.ofSeconds(60), "docker", "image", "rm", id).run();
    }
}
