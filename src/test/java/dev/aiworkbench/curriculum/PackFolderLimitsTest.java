package dev.aiworkbench.curriculum;

import dev.aiworkbench.testing.PackFiles;
import dev.aiworkbench.testing.TinyPack;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** A pack folder keeps the limits a zip keeps: its files are counted and measured when it is opened. */
class PackFolderLimitsTest {
    /** The tiny pack's three files hold about 700 bytes. */
    private static final ArchiveLimits SMALL = new ArchiveLimits(5, 1000, 1500, 100, 100 * 1024);

    @TempDir
    Path temp;

    private Path pack() {
        return TinyPack.write(temp.resolve("tiny"));
    }

    @Test
    void aFolderWithMoreFilesThanTheLimitIsRefused() {
        Path folder = pack();
        for (int i = 0; i < 3; i++) {
            PackFiles.write(folder.resolve("notes/" + i + ".md"), "x");
        }

        assertThatThrownBy(() -> PackLocation.open(folder, SMALL)).isInstanceOf(PackAccessException.class)
                .hasMessage(folder + " holds more than 5 files");
    }

    @Test
    void aFolderWithAFileOverTheLimitIsRefusedNamingIt() {
        Path folder = pack();
        PackFiles.write(folder.resolve("notes/big.md"), "x".repeat(1001));

        assertThatThrownBy(() -> PackLocation.open(folder, SMALL)).isInstanceOf(PackAccessException.class)
                .hasMessage(folder + ": notes/big.md is larger than 1000 bytes");
    }

    @Test
    void aFolderWhoseFilesAddUpPastTheLimitIsRefused() {
        Path folder = pack();
        PackFiles.write(folder.resolve("notes/a.md"), "x".repeat(450));
        PackFiles.write(folder.resolve("notes/b.md"), "x".repeat(450));

        assertThatThrownBy(() -> PackLocation.open(folder, SMALL)).isInstanceOf(PackAccessException.class)
                .hasMessage(folder + "'s files add up to more than 1500 bytes");
    }
}
