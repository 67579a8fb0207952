package dev.aiworkbench.app;

import dev.aiworkbench.curriculum.InstalledPack;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/** The app's pack reading keeps its schema passes and the pack itself in the data folder's cache, where the next start finds them. */
class WorkbenchSchemaPassesTest {
    @TempDir
    Path data;

    @Test
    void theBuiltInPacksPassIsKeptInTheCacheAndFoundAgain() throws IOException {
        WorkbenchOptions options = new WorkbenchOptions(Optional.of(data), Optional.empty());

        InstalledPack first = ClosedDataFolder.readPack(options);
        Path passes = DataFolder.fromEnvironment(Optional.of(data)).cache().resolve("schema-passes");
        byte[][] kept = contents(passes);
        InstalledPack second = ClosedDataFolder.readPack(options);

        assertThat(first.result().valid()).isTrue();
        assertThat(kept.length).isEqualTo(1);
        assertThat(contents(passes)).isDeepEqualTo(kept);
        assertThat(second.result().problems()).isEqualTo(first.result().problems());
    }

    @Test
    void theBuiltInPackIsKeptInTheCacheAndReadFromItUnchanged() throws IOException {
        WorkbenchOptions options = new WorkbenchOptions(Optional.of(data), Optional.empty());

        InstalledPack first = ClosedDataFolder.readPack(options);
        Path packs = DataFolder.fromEnvironment(Optional.of(data)).cache().resolve("packs");
        byte[][] kept = contents(packs);
        InstalledPack second = ClosedDataFolder.readPack(options);

        assertThat(kept.length).isEqualTo(1);
        assertThat(contents(packs)).isDeepEqualTo(kept);
        assertThat(second.result().problems()).isEmpty();
        assertThat(second.pack().orElseThrow().weeks()).isEqualTo(first.pack().orElseThrow().weeks());
        assertThat(second.pack().orElseThrow().workItems()).isEqualTo(first.pack().orElseThrow().workItems());
    }

    private static byte[][] contents(Path folder) throws IOException {
        try (Stream<Path> files = Files.list(folder)) {
            return files.map(f -> {
                try {
                    return Files.readAllBytes(f);
                } catch (IOException e) {
                    throw new java.io.UncheckedIOException(e);
                }
            }).toArray(byte[][]::new);
        }
    }
}
