package dev.aiworkbench.app;

import dev.aiworkbench.curriculum.InstalledPack;
import dev.aiworkbench.testing.PackFiles;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The app's reading of a pack from a folder keeps its schema passes and the pack itself in the data folder's cache,
 * where the next start finds them; the built-in pack comes from the image the build made of it and keeps nothing there.
 */
class WorkbenchSchemaPassesTest {
    @TempDir
    Path data;
    @TempDir
    Path packs;

    private WorkbenchOptions withPackFolder() {
        return new WorkbenchOptions(Optional.of(data), Optional.of(PackFiles.copyDefaultPack(packs.resolve("pack"))),
                Optional.empty());
    }

    @Test
    void theBuiltInPackIsReadFromTheShippedImageAndKeepsNothingInTheDataFolder() {
        WorkbenchOptions options = new WorkbenchOptions(Optional.of(data), Optional.empty(), Optional.empty());

        InstalledPack builtIn = ClosedDataFolder.readPack(options);

        assertThat(builtIn.isBuiltIn()).isTrue();
        assertThat(builtIn.result().problems()).isEmpty();
        Path cache = DataFolder.fromEnvironment(Optional.of(data)).cache();
        assertThat(cache.resolve("packs")).doesNotExist();
        assertThat(cache.resolve("schema-passes")).doesNotExist();
    }

    @Test
    void aPacksPassIsKeptInTheCacheAndFoundAgain() throws IOException {
        WorkbenchOptions options = withPackFolder();

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
    void aPackIsKeptInTheCacheAndReadFromItUnchanged() throws IOException {
        WorkbenchOptions options = withPackFolder();

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
