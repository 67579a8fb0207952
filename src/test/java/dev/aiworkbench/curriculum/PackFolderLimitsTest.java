package dev.aiworkbench.curriculum;

import dev.aiworkbench.testing.PackFiles;
import dev.aiworkbench.testing.TinyPack;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * A pack folder keeps the limits a zip keeps: its files are counted and measured when it is opened; a version
 * control folder inside it is not the pack's.
 */
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

    @Test
    void aPackKeptInVersionControlIsOpenedAndInstalledWithoutItsHistory() throws Exception {
        Path folder = pack();
        PackFiles.write(folder.resolve(".git/objects/pack/pack-1.pack"), "x".repeat(1400));
        PackFiles.write(folder.resolve(".git/HEAD"), "ref: refs/heads/main");
        PackFiles.write(folder.resolve("weeks/.svn/entries"), "x".repeat(1001));
        Path installed = temp.resolve("installed");
        Files.createDirectories(installed);

        try (PackLocation location = PackLocation.open(folder, SMALL)) {
            assertThat(location.files()).isNotEmpty().noneMatch(name -> name.contains(".git/")
                    || name.contains(".svn/"));
            location.copyInto(installed);
        }

        assertThat(installed.resolve(".git")).doesNotExist();
        assertThat(installed.resolve("weeks/.svn")).doesNotExist();
        assertThat(installed.resolve("pack.yaml")).exists();
    }

    @Test
    void aFolderNamedLikeVersionControlIsStillCountedWhenItIsThePackItself() {
        Path folder = TinyPack.write(temp.resolve(".git"));
        PackFiles.write(folder.resolve("notes/big.md"), "x".repeat(1001));

        assertThatThrownBy(() -> PackLocation.open(folder, SMALL)).isInstanceOf(PackAccessException.class)
                .hasMessage(folder + ": notes/big.md is larger than 1000 bytes");
    }
}
