package dev.aiworkbench.curriculum;

import dev.aiworkbench.testing.PackFiles;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.io.BufferedOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;

import static dev.aiworkbench.testing.PackFiles.copyDefaultPack;
import static dev.aiworkbench.testing.PackFiles.lines;
import static dev.aiworkbench.testing.PackFiles.load;
import static dev.aiworkbench.testing.PackFiles.zip;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Opening packs defensively: zips, hostile archives, links and oversized files. */
class PackLocationTest {
    @TempDir
    Path temp;

    private Path pack() {
        return copyDefaultPack(temp.resolve("pack"));
    }

    @Test
    void aZipOfThePackFolderLoadsLikeTheFolder() {
        Path zip = zip(pack(), temp.resolve("pack.zip"), null);

        LoadResult result = load(zip);

        assertThat(lines(result)).isEmpty();
        assertThat(result.pack().orElseThrow().weeks()).hasSize(36);
    }

    @Test
    void aZipWithThePackInsideOneTopFolderLoads() {
        Path zip = zip(pack(), temp.resolve("pack.zip"), "devops-to-ai-1.0.0");

        LoadResult result = load(zip);

        assertThat(lines(result)).isEmpty();
        assertThat(result.pack().orElseThrow().workItems()).hasSize(
                PackFiles.load(PackFiles.DEFAULT_PACK).pack().orElseThrow().workItems().size());
    }

    @Test
    void problemsInsideAZipNameFilesRelativeToThePack() {
        Path folder = pack();
        PackFiles.replaceLine(folder.resolve(PackFiles.weekFile(1)), "hours:", "hours: lots");
        Path zip = zip(folder, temp.resolve("pack.zip"), "top");

        assertThat(lines(load(zip))).containsExactly(PackFiles.at(folder, PackFiles.weekFile(1), "hours: |lots")
                + ": hours: wrong type: expected number, found string");
    }

    @ParameterizedTest
    @ValueSource(strings = {"../evil", "weeks/../../evil", "/etc/evil", "C:/evil", "weeks\\..\\..\\evil"})
    void aZipEntryThatLeavesThePackFolderIsRefusedBeforeAnythingIsRead(String entry) {
        Path zip = zip(pack(), temp.resolve("evil.zip"), null, Map.of(entry, "pwned"));

        assertThatThrownBy(() -> PackLocation.open(zip)).isInstanceOf(PackAccessException.class)
                .hasMessage(zip + " has an entry that leaves the pack folder: " + entry);
        assertThat(temp.resolve("evil")).doesNotExist();
        assertThat(temp.getParent().resolve("evil")).doesNotExist();
    }

    /** Found by PackZipFuzzTest: the zip file system made no path of such a name, and install failed unchecked. */
    @Test
    void aZipEntryWhoseNameHoldsANulIsRefusedBeforeAnythingIsRead() {
        Path zip = zip(pack(), temp.resolve("nul.zip"), null, Map.of("labs/a\u0000b.yaml", "id: a\n"));

        assertThatThrownBy(() -> PackLocation.open(zip)).isInstanceOf(PackAccessException.class)
                .hasMessage(zip + " has an entry whose name holds a control character: labs/a\\u0000b.yaml; rebuild "
                        + "the zip from a pack folder whose file names are plain text");
    }

    @Test
    void aFileThatIsNotAZipIsRefusedWithTheReason() throws IOException {
        Path notZip = Files.writeString(temp.resolve("pack.zip"), "id: not-a-zip\n");

        assertThatThrownBy(() -> PackLocation.open(notZip)).isInstanceOf(PackAccessException.class)
                .hasMessageStartingWith(notZip + " is neither a pack folder nor a zip archive");
    }

    @Test
    void aMissingPathIsRefused() {
        Path missing = temp.resolve("nowhere");

        assertThatThrownBy(() -> PackLocation.open(missing)).isInstanceOf(PackAccessException.class)
                .hasMessage(missing + " does not exist");
        InstalledPack installed = InstalledPack.load(Optional.of(missing), "0.1.0");
        assertThat(installed.pack()).isEmpty();
        assertThat(lines(installed.result())).containsExactly(missing + ":1:1: " + missing + " does not exist");
    }

    @Test
    void aZipEntryOverTheSizeBoundIsRefused() throws IOException {
        Path zip = temp.resolve("big.zip");
        try (ZipOutputStream z = new ZipOutputStream(new BufferedOutputStream(Files.newOutputStream(zip)))) {
            z.putNextEntry(new ZipEntry("pack.yaml"));
            z.write(new byte[(int) (PackLocation.MAX_FILE_BYTES * 4 + 1)]);
            z.closeEntry();
        }

        assertThatThrownBy(() -> PackLocation.open(zip)).isInstanceOf(PackAccessException.class)
                .hasMessage(zip + ": pack.yaml is larger than 4 MB");
    }

    @Test
    void aZipWithTooManyEntriesIsRefused() throws IOException {
        Path zip = temp.resolve("many.zip");
        try (ZipOutputStream z = new ZipOutputStream(new BufferedOutputStream(Files.newOutputStream(zip)))) {
            z.setMethod(ZipOutputStream.STORED);
            for (int i = 0; i <= PackLocation.MAX_FILES; i++) {
                ZipEntry empty = new ZipEntry("f" + i);
                empty.setSize(0);
                empty.setCrc(0);
                z.putNextEntry(empty);
                z.closeEntry();
            }
        }

        assertThatThrownBy(() -> PackLocation.open(zip)).isInstanceOf(PackAccessException.class)
                .hasMessage(zip + " has more than " + PackLocation.MAX_FILES + " entries");
    }

    @Test
    void aSymbolicLinkInThePackIsRefusedAndNotFollowed() throws IOException {
        Path root = pack();
        Path outside = Files.copy(root.resolve("pack.yaml"), temp.resolve("outside.yaml"));
        Files.delete(root.resolve("pack.yaml"));
        Files.createSymbolicLink(root.resolve("pack.yaml"), outside);

        LoadResult result = load(root);

        assertThat(lines(result)).containsExactly("pack.yaml:1:1: is a symbolic link; packs may not contain links");
        assertThat(result.pack()).isEmpty();
    }

    @Test
    void aFileOverTheSizeBoundIsRefused() throws IOException {
        Path root = pack();
        String manifest = Files.readString(root.resolve("pack.yaml"));
        Files.writeString(root.resolve("pack.yaml"), manifest + "#" + "x".repeat((int) PackLocation.MAX_FILE_BYTES) + "\n");

        LoadResult result = load(root);

        assertThat(lines(result)).containsExactly("pack.yaml:1:1: is larger than 1024 KB");
    }

    @Test
    void aFileOfExactlyTheSizeBoundIsRead() throws IOException {
        Path root = pack();
        Path week = root.resolve(PackFiles.weekFile(1));
        String text = Files.readString(week);
        int padding = (int) PackLocation.MAX_FILE_BYTES - text.getBytes(StandardCharsets.UTF_8).length - 1;
        Files.writeString(week, text + "x".repeat(padding) + "\n");
        assertThat(Files.size(week)).isEqualTo(PackLocation.MAX_FILE_BYTES);

        assertThat(lines(load(root))).isEmpty();

        Files.writeString(week, "x", java.nio.file.StandardOpenOption.APPEND);
        assertThat(lines(load(root))).contains(PackFiles.weekFile(1) + ":1:1: is larger than 1024 KB");
    }
}
