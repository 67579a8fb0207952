package dev.aiworkbench.labs.services;

import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The images the product pins are the ones the README lists and the default pack teaches: a bump in one place
 * that misses another fails here.
 */
class ImagePinsTest {
    /** A tagged reference to one of the images the lab services start. */
    private static final Pattern TAGGED = Pattern.compile(
            "(?<![\\w./-])(?:qdrant/qdrant|ollama/ollama|python|testcontainers/ryuk):[A-Za-z0-9][\\w.-]*");
    private static final Pattern TAGGED_QDRANT_OR_OLLAMA = Pattern.compile(
            "(?<![\\w./-])(?:qdrant/qdrant|ollama/ollama):[A-Za-z0-9][\\w.-]*");
    private static final Path PACK = Path.of("curriculum", "devops-to-ai");

    @Test
    void theReadmeListsExactlyThePinnedImages() throws IOException {
        ServiceImages pinned = ServiceImages.DEFAULT;
        assertThat(tagged(TAGGED, Files.readString(Path.of("README.md"))))
                .containsExactlyInAnyOrder(pinned.qdrant(), pinned.ollama(), pinned.python(), ContainerImages.RYUK);
    }

    @Test
    void theDefaultPackPinsTheQdrantTheLabsStartAndNoOtherTag() throws IOException {
        Path week33 = PACK.resolve("weeks/33-portfolio-strategy-and-rag-showcase.md");
        assertThat(tagged(TAGGED_QDRANT_OR_OLLAMA, Files.readString(week33)))
                .containsExactly(ServiceImages.DEFAULT.qdrant());

        Set<String> everywhere = new TreeSet<>();
        for (Path root : new Path[] {PACK, Path.of("labs")}) {
            try (Stream<Path> files = Files.walk(root)) {
                for (Path file : files.filter(f -> f.toString().matches(".*\\.(md|ya?ml)$")).toList()) {
                    everywhere.addAll(tagged(TAGGED_QDRANT_OR_OLLAMA, Files.readString(file)));
                }
            }
        }
        assertThat(everywhere).as("tagged Qdrant and Ollama images in the pack and the labs")
                .isSubsetOf(ServiceImages.DEFAULT.qdrant(), ServiceImages.DEFAULT.ollama());
    }

    private static Set<String> tagged(Pattern pattern, String text) {
        Set<String> found = new TreeSet<>();
        Matcher m = pattern.matcher(text);
        while (m.find()) {
            found.add(m.group().replaceFirst("[.-]+$", ""));
        }
        return found;
    }
}
