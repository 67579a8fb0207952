package dev.aiworkbench.app;

import dev.aiworkbench.curriculum.InstalledPack;
import dev.aiworkbench.testing.MutableClock;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * When a fresh data folder gets its copy of the built-in pack: at once when the command line first reads the pack,
 * and after the first screen for the window, whose way to Today it would lengthen.
 */
class BundledPackCopyTest {
    private final MutableClock clock = MutableClock.utc("2026-12-05T10:00");
    @TempDir
    Path data;

    @Test
    void theWindowsOpenLeavesTheCopyUntilItIsAskedFor() throws Exception {
        try (Workbench workbench = Workbench.open(options(), clock)) {
            assertThat(workbench.pack().isBuiltIn()).isTrue();
            assertThat(copy()).doesNotExist();

            workbench.keepBundledPackCopy();

            assertThat(copy()).exists();
        }
    }

    @Test
    void theCommandLineKeepsTheCopyWhenItFirstReadsThePack() throws Exception {
        try (Workbench workbench = Workbench.openPackOnDemand(options(), clock, waiting -> { })) {
            assertThat(data.resolve("bundled-packs")).doesNotExist();

            workbench.pack();

            assertThat(copy()).exists();
        }
    }

    private WorkbenchOptions options() {
        return new WorkbenchOptions(Optional.of(data), Optional.empty());
    }

    private Path copy() {
        String version = InstalledPack.load(Optional.empty(), AppInfo.version()).pack().orElseThrow().info().version();
        return data.resolve("bundled-packs").resolve(InstalledPack.DEFAULT_PACK).resolve(version).resolve("pack.yaml");
    }
}
