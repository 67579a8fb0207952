package dev.aiworkbench.testing;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;

/** The snapshot the hostile corpus compares data folders with sees every kind of change. */
class FolderSnapshotTest {
    @TempDir
    Path temp;

    private Path folder() {
        PackFiles.write(temp.resolve("data/workbench.db"), "database");
        PackFiles.write(temp.resolve("data/packs/a/pack.yaml"), "id: a\n");
        return temp.resolve("data");
    }

    @Test
    void anUnchangedFolderHasNoChanges() {
        Path folder = folder();

        assertThat(FolderSnapshot.of(folder).changesSince(FolderSnapshot.of(folder))).isEmpty();
        assertThat(FolderSnapshot.of(folder).lines()).hasSize(4);
    }

    @Test
    void oneByteChangedInPlaceIsAChange() throws IOException {
        Path folder = folder();
        FolderSnapshot before = FolderSnapshot.of(folder);
        byte[] bytes = Files.readAllBytes(folder.resolve("workbench.db"));
        bytes[3] ^= 1;
        Files.write(folder.resolve("workbench.db"), bytes);

        assertThat(FolderSnapshot.of(folder).changesSince(before)).singleElement().asString()
                .startsWith("changed workbench.db: 8 bytes, sha256 ");
    }

    @Test
    void addedAndRemovedFilesAndFoldersAreChanges() throws IOException {
        Path folder = folder();
        FolderSnapshot before = FolderSnapshot.of(folder);
        Files.delete(folder.resolve("packs/a/pack.yaml"));
        Files.createDirectory(folder.resolve("packs/.install-1"));

        assertThat(FolderSnapshot.of(folder).changesSince(before))
                .containsExactly("removed packs/a/pack.yaml", "added packs/.install-1");
    }

    @Test
    void aMissingFolderHasAnEmptySnapshot() {
        assertThat(FolderSnapshot.of(temp.resolve("nowhere")).entries()).isEmpty();
    }
}
