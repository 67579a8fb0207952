package dev.aiworkbench.testing.standin.ollama;

import dev.aiworkbench.testing.FakeOllama;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Stream;

/**
 * The models the stand-in pulled, one empty file each where Ollama keeps a model's manifest
 * ({@code manifests/registry.ollama.ai/<namespace>/<model>/<tag>} under the models folder), and what each looks
 * like: a name that says it embeds (all-minilm, nomic-embed-text, ...) is an embedding model of its real size,
 * any other a chat model.
 */
final class PulledModels {
    private static final String REGISTRY = "registry.ollama.ai";
    private static final Map<String, Integer> EMBEDDING_SIZES = Map.of("all-minilm", 384, "nomic-embed-text", 768,
            "mxbai-embed-large", 1024, "bge-m3", 1024, "snowflake-arctic-embed", 1024);

    private final Path manifests;

    PulledModels(Path models) throws IOException {
        this.manifests = models.resolve("manifests").resolve(REGISTRY);
        Files.createDirectories(manifests);
    }

    /** The pulled models, as {@code name:tag} (library models without their namespace). */
    List<String> names() throws IOException {
        try (Stream<Path> files = Files.walk(manifests)) {
            return files.filter(Files::isRegularFile).map(manifests::relativize).filter(p -> p.getNameCount() == 3)
                    .map(p -> (p.getName(0).toString().equals("library") ? "" : p.getName(0) + "/") + p.getName(1)
                            + ":" + p.getName(2))
                    .sorted().toList();
        }
    }

    void add(String name) {
        String[] nameAndTag = name.split(":", 2);
        String model = nameAndTag[0].contains("/") ? nameAndTag[0] : "library/" + nameAndTag[0];
        Path file = manifests.resolve(model).resolve(nameAndTag.length > 1 ? nameAndTag[1] : "latest");
        try {
            Files.createDirectories(file.getParent());
            Files.write(file, new byte[0]);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Installs the model in the fake as an embedding model or a chat model, by its name. */
    static void shape(FakeOllama fake, String name) {
        String base = base(name);
        Integer size = EMBEDDING_SIZES.get(base);
        if (size != null || base.contains("embed") || base.contains("minilm")) {
            fake.embeddingModel(name).embeddingLength(size == null ? 384 : size);
        } else {
            fake.model(name);
        }
    }

    /** A plausible download size, so pull progress has bytes to show. */
    static long sizeOf(String name) {
        return EMBEDDING_SIZES.containsKey(base(name)) ? 45_960_996L : 397_821_319L;
    }

    private static String base(String name) {
        String model = name.split(":", 2)[0];
        return model.substring(model.lastIndexOf('/') + 1).toLowerCase(Locale.ROOT);
    }
}
