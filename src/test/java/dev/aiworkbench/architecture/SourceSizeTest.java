package dev.aiworkbench.architecture;

import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A class that grows past 500 lines usually holds more than one reason to change. One that must stay long says
 * why in a comment near its top, starting {@value #REASON}, so a reader knows it was a choice.
 */
class SourceSizeTest {
    static final int LIMIT = 500;
    static final String REASON = "Long on purpose:";
    private static final int HEADER_LINES = 40;

    @Test
    void everyClassOverTheLimitSaysWhyAtItsTop() throws IOException {
        assertThat(unexplainedLongFiles(Path.of("src/main/java"))).isEmpty();
    }

    @Test
    void aLongClassWithoutAReasonIsFoundAndOneWithAReasonIsNot(@org.junit.jupiter.api.io.TempDir Path root)
            throws IOException {
        String body = "    int x;\n".repeat(LIMIT);
        Files.writeString(root.resolve("Long.java"), "/** A class. */\nclass Long {\n" + body + "}\n");
        Files.writeString(root.resolve("Reasoned.java"), "/** A class.\n * " + REASON + " one parser, one grammar. */\n"
                + "class Reasoned {\n" + body + "}\n");
        Files.writeString(root.resolve("Short.java"), "class Short {\n}\n");

        assertThat(unexplainedLongFiles(root)).containsExactly("Long.java (503 lines)");
    }

    static List<String> unexplainedLongFiles(Path root) throws IOException {
        try (Stream<Path> files = Files.walk(root)) {
            return files.filter(file -> file.toString().endsWith(".java")).sorted().flatMap(file -> {
                List<String> lines = read(file);
                boolean explained = lines.stream().limit(HEADER_LINES).anyMatch(line -> line.contains(REASON));
                return lines.size() > LIMIT && !explained
                        ? Stream.of(root.relativize(file) + " (" + lines.size() + " lines)") : Stream.empty();
            }).toList();
        }
    }

    private static List<String> read(Path file) {
        try {
            return Files.readAllLines(file);
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }
}
