package dev.aiworkbench.curriculum;

import dev.aiworkbench.testing.FolderSnapshot;
import dev.aiworkbench.testing.PackFiles;
import dev.aiworkbench.testing.TinyPack;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * A pack is copied within the limits a zip keeps, counting the bytes read: a file that grows after the pack was
 * checked is not copied past them.
 */
class PackCopyLimitsTest {
    /** The tiny pack's three files hold about 700 bytes. */
    private static final ArchiveLimits SMALL = new ArchiveLimits(5, 1000, 1500, 100, 100 * 1024);

    @TempDir
    Path temp;

    private Path pack() {
        return TinyPack.write(temp.resolve("tiny"));
    }

    @Test
    void aFileThatGrowsAfterThePackWasOpenedIsNotCopiedPastTheLimit() throws Exception {
        Path folder = pack();
        Path target = Files.createDirectories(temp.resolve("copy"));
        try (PackLocation location = PackLocation.open(folder, SMALL)) {
            PackFiles.write(folder.resolve("notes/big.md"), "x".repeat(1001));

            assertThatThrownBy(() -> location.copyInto(target)).isInstanceOf(PackAccessException.class)
                    .hasMessage(folder + ": notes/big.md is larger than 1000 bytes");
        }
        assertThat(Files.size(target.resolve("notes/big.md"))).as("bytes written past the limit").isLessThanOrEqualTo(1000);
    }

    @Test
    void filesThatGrowTogetherPastTheLimitAreNotCopied() throws Exception {
        Path folder = pack();
        try (PackLocation location = PackLocation.open(folder, SMALL)) {
            PackFiles.write(folder.resolve("notes/a.md"), "x".repeat(450));
            PackFiles.write(folder.resolve("notes/b.md"), "x".repeat(450));

            assertThatThrownBy(() -> location.copyInto(Files.createDirectories(temp.resolve("copy"))))
                    .isInstanceOf(PackAccessException.class)
                    .hasMessage(folder + "'s files add up to more than 1500 bytes");
        }
    }

    @Test
    void aZipIsCopiedByteForByteAsItsFolder() throws Exception {
        Path folder = pack();
        Path zip = PackFiles.zip(folder, temp.resolve("tiny.zip"), TinyPack.ID);
        Path target = Files.createDirectories(temp.resolve("copy"));

        try (PackLocation location = PackLocation.open(zip)) {
            location.copyInto(target);
        }

        assertThat(FolderSnapshot.of(target)).isEqualTo(FolderSnapshot.of(folder));
    }

    @Test
    void aLinkIsNotCopied() throws Exception {
        Path folder = pack();
        Files.createSymbolicLink(folder.resolve("notes.md"), folder.resolve("pack.yaml"));
        Path target = Files.createDirectories(temp.resolve("copy"));

        try (PackLocation location = PackLocation.open(folder)) {
            assertThatThrownBy(() -> location.copyInto(target)).isInstanceOf(PackAccessException.class)
                    .hasMessage("notes.md is a symbolic link; packs may not contain links");
        }
        assertThat(target.resolve("notes.md")).doesNotExist();
    }
}
