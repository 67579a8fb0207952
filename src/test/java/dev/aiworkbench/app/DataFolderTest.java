package dev.aiworkbench.app;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Map;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assumptions.assumeFalse;

/** Where the data lives on each OS, the overrides and their precedence, and preparing the folder. */
class DataFolderTest {
    private static final Path HOME = Path.of("/home/learner");

    private static DataFolder resolve(Map<String, String> environment, String os) {
        return DataFolder.resolve(Optional.empty(), environment, os, HOME);
    }

    @Test
    void linuxUsesXdgDataHomeWhenSet() {
        assertThat(resolve(Map.of("XDG_DATA_HOME", "/data/xdg"), "Linux"))
                .isEqualTo(new DataFolder(Path.of("/data/xdg/ai-workbench"), "default"));
    }

    @Test
    void linuxFallsBackToLocalShareWhenXdgDataHomeIsUnsetOrBlank() {
        Path expected = Path.of("/home/learner/.local/share/ai-workbench");
        assertThat(resolve(Map.of(), "Linux").path()).isEqualTo(expected);
        assertThat(resolve(Map.of("XDG_DATA_HOME", " "), "Linux").path()).isEqualTo(expected);
        assertThat(resolve(Map.of(), "FreeBSD").path()).isEqualTo(expected);
    }

    @Test
    void macOsUsesApplicationSupport() {
        assertThat(resolve(Map.of("XDG_DATA_HOME", "/ignored"), "Mac OS X").path())
                .isEqualTo(Path.of("/home/learner/Library/Application Support/AI Workbench"));
    }

    @Test
    void windowsUsesAppData() {
        assertThat(resolve(Map.of("APPDATA", "/users/learner/AppData/Roaming"), "Windows 11").path())
                .isEqualTo(Path.of("/users/learner/AppData/Roaming/AI Workbench"));
        assertThat(resolve(Map.of(), "Windows 10").path())
                .isEqualTo(Path.of("/home/learner/AppData/Roaming/AI Workbench"));
    }

    @Test
    void workbenchHomeOverridesTheOsDefault() {
        DataFolder folder = resolve(Map.of("WORKBENCH_HOME", "/srv/workbench", "XDG_DATA_HOME", "/data/xdg"), "Linux");

        assertThat(folder).isEqualTo(new DataFolder(Path.of("/srv/workbench"), "WORKBENCH_HOME"));
        assertThat(resolve(Map.of("WORKBENCH_HOME", ""), "Linux").source()).isEqualTo("default");
    }

    @Test
    void dataDirOverridesWorkbenchHome() {
        DataFolder folder = DataFolder.resolve(Optional.of(Path.of("/tmp/../opt/wb")),
                Map.of("WORKBENCH_HOME", "/srv/workbench"), "Linux", HOME);

        assertThat(folder).isEqualTo(new DataFolder(Path.of("/opt/wb"), "--data-dir"));
    }

    @Test
    void relativeOverridesBecomeAbsolute() {
        assertThat(DataFolder.resolve(Optional.of(Path.of("wb")), Map.of(), "Linux", HOME).path())
                .isEqualTo(Path.of("wb").toAbsolutePath());
        assertThat(resolve(Map.of("WORKBENCH_HOME", "rel/wb"), "Linux").path()).isAbsolute();
    }

    @Test
    void theDatabaseAndLogsLiveInTheFolder() {
        DataFolder folder = new DataFolder(Path.of("/srv/wb"), "test");

        assertThat(folder.database()).isEqualTo(Path.of("/srv/wb/workbench.db"));
        assertThat(folder.logs()).isEqualTo(Path.of("/srv/wb/logs"));
    }

    @Test
    void prepareCreatesTheFolderAndLeavesNoProbeBehind(@TempDir Path temp) throws Exception {
        DataFolder folder = new DataFolder(temp.resolve("a/b/ai-workbench"), "test");

        folder.prepare();

        assertThat(folder.path()).isDirectory();
        assertThat(folder.logs()).isDirectory();
        try (var files = Files.list(folder.path())) {
            assertThat(files).containsExactly(folder.logs());
        }
        folder.prepare();
    }

    @Test
    void aFileInThePlaceOfTheFolderIsNamedAsTheReason(@TempDir Path temp) throws IOException {
        Path file = Files.writeString(temp.resolve("ai-workbench"), "not a folder");
        DataFolder folder = new DataFolder(file, "test");

        assertThatThrownBy(folder::prepare).isInstanceOf(DataFolderException.class)
                .hasMessage("The data folder " + file + " cannot be written: a file of that name is in the way. Fix its "
                        + "permissions, or choose another folder with --data-dir or WORKBENCH_HOME.");
        assertThat(file).hasContent("not a folder");
    }

    @Test
    void aFolderThatCannotBeWrittenSaysPermissionDenied(@TempDir Path temp) throws IOException {
        Path parent = Files.createDirectory(temp.resolve("locked"));
        Files.setPosixFilePermissions(parent, PosixFilePermissions.fromString("r-xr-xr-x"));
        try {
            assumeFalse(Files.isWritable(parent), "Skipped: running as root (or another user that ignores file "
                    + "permissions), so a read-only folder is still writable and cannot show the error.");
            DataFolder folder = new DataFolder(parent.resolve("ai-workbench"), "test");

            assertThatThrownBy(folder::prepare).isInstanceOf(DataFolderException.class)
                    .hasMessageStartingWith("The data folder " + folder.path() + " cannot be written: permission denied.");
        } finally {
            Files.setPosixFilePermissions(parent, PosixFilePermissions.fromString("rwxr-xr-x"));
        }
    }
}
