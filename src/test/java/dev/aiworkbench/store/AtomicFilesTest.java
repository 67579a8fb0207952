package dev.aiworkbench.store;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

class AtomicFilesTest {
    @TempDir
    Path dir;

    @Test
    void replacesTheFileAndLeavesNothingBeside() throws IOException {
        Path file = dir.resolve("sub/ticket.txt");
        AtomicFiles.write(file, out -> out.write("one".getBytes(StandardCharsets.UTF_8)));
        AtomicFiles.write(file, out -> out.write("two".getBytes(StandardCharsets.UTF_8)));

        assertThat(file).hasContent("two");
        try (var names = Files.list(file.getParent())) {
            assertThat(names).containsExactly(file);
        }
    }

    @Test
    void aWriteThatFailsKeepsTheOldFileWhole() throws IOException {
        Path file = dir.resolve("kept.txt");
        AtomicFiles.write(file, out -> out.write("old".getBytes(StandardCharsets.UTF_8)));

        assertThatThrownBy(() -> AtomicFiles.write(file, out -> {
            out.write("half".getBytes(StandardCharsets.UTF_8));
            throw new IOException("disk full");
        })).hasMessage("disk full");

        assertThat(file).hasContent("old");
        try (var names = Files.list(dir)) {
            assertThat(names).containsExactly(file);
        }
    }

    @Test
    void ownerOnlyFilesAreReadableByTheirOwnerAlone() throws IOException {
        assumeTrue(FileSystems.getDefault().supportedFileAttributeViews().contains("posix"), "no POSIX permissions here");
        Path file = dir.resolve("secret.txt");
        AtomicFiles.writeOwnerOnly(file, out -> out.write("token".getBytes(StandardCharsets.UTF_8)));

        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(file))).isEqualTo("rw-------");
    }
}
