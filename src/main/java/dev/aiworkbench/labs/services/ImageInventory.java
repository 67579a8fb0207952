package dev.aiworkbench.labs.services;

import com.github.dockerjava.api.DockerClient;
import com.github.dockerjava.api.exception.NotFoundException;
import org.testcontainers.utility.DockerImageName;

import java.io.IOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.OptionalLong;

/**
 * What the Docker engine has of the lab images, and whether it can reach the registry they come from: for
 * {@code workbench doctor}. Ask only once Docker was found running.
 */
public final class ImageInventory {
    /** A tag no image has: asking for it makes the registry answer without anything being downloaded. */
    static final String REGISTRY_CHECK_TAG = "aiworkbench-registry-check-0";

    /** One image the labs use, and its size when the engine has it. */
    public record Image(String name, OptionalLong size) {
        public boolean present() {
            return size.isPresent();
        }
    }

    /**
     * Whether the registry answered the engine.
     *
     * @param registry the registry asked ("docker.io", or a mirror's host)
     * @param detail   the engine's words when it did not answer
     */
    public record Registry(String registry, boolean answers, String detail, Duration took) {
    }

    private ImageInventory() {
    }

    /** The pinned images (Qdrant, Ollama, Python) and the container library's helper, as the engine names them. */
    public static List<String> labImages(ServiceImages images, Map<String, String> environment) {
        List<String> names = new ArrayList<>();
        for (String image : List.of(images.qdrant(), images.ollama(), images.python())) {
            names.addAll(ContainerImages.needed(image, environment).subList(0, 1));
        }
        List<String> helper = ContainerImages.needed(images.qdrant(), environment);
        if (helper.size() > 1) {
            names.add(helper.get(1));
        }
        return names;
    }

    public static List<Image> look(List<String> names) {
        try (DockerClient client = DockerEngine.current().client()) {
            List<Image> images = new ArrayList<>();
            for (String name : names) {
                try {
                    Long size = client.inspectImageCmd(name).exec().getSize();
                    images.add(new Image(name, OptionalLong.of(size == null ? 0 : size)));
                } catch (NotFoundException e) {
                    images.add(new Image(name, OptionalLong.empty()));
                }
            }
            return images;
        } catch (IOException e) {
            throw new IllegalStateException("could not close the Docker client: " + e.getMessage(), e);
        }
    }

    /**
     * Has the engine ask the lab images' registry for a tag that does not exist, within the limit: "no such
     * manifest" (or "log in first") means the registry answers; a network error or silence means it does not.
     * The engine's own proxy and mirror settings apply, as they do to a lab's start.
     */
    public static Registry askRegistry(ServiceImages images, Duration limit) throws InterruptedException {
        DockerImageName probe = DockerImageName.parse(ContainerImages.asPulled(images.qdrant()))
                .withTag(REGISTRY_CHECK_TAG);
        String registry = probe.getRegistry().isEmpty() ? "docker.io" : probe.getRegistry();
        long started = System.nanoTime();
        try (DockerClient client = DockerEngine.current().client()) {
            new ImagePull(client, probe.asCanonicalNameString(), limit, snapshot -> { }).run();
            return new Registry(registry, true, "", Duration.ofNanos(System.nanoTime() - started));
        } catch (ImagePullException e) {
            boolean answered = e.kind() == ImagePullException.Kind.NOT_FOUND
                    || e.kind() == ImagePullException.Kind.DENIED;
            return new Registry(registry, answered, e.reason(), Duration.ofNanos(System.nanoTime() - started));
        } catch (IOException e) {
            return new Registry(registry, false, e.getMessage(), Duration.ofNanos(System.nanoTime() - started));
        }
    }
}
