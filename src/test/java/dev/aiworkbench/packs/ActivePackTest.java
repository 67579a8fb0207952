package dev.aiworkbench.packs;

import dev.aiworkbench.app.AppInfo;
import dev.aiworkbench.curriculum.InstalledPack;
import dev.aiworkbench.curriculum.PackLoader;
import dev.aiworkbench.diagnostics.Problem;
import dev.aiworkbench.testing.PackFiles;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Clock;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;

/** The active pack is read from the data folder's packs/active; a missing one never stops the app. */
class ActivePackTest {
    @TempDir
    Path temp;

    @Test
    void withNoActiveFileTheBuiltInPackIsActive() {
        InstalledPack pack = ActivePack.read(new PackShelf(temp.resolve("packs")), AppInfo.version());

        assertThat(pack.pack()).hasValueSatisfying(p -> assertThat(p.id()).isEqualTo(InstalledPack.DEFAULT_PACK));
        assertThat(pack.result().problems()).isEmpty();
    }

    @Test
    void aNewerVersionOfTheBuiltInPackInstalledOverItIsWhatTheLearnerWalksWithoutAChoice() throws Exception {
        PackShelf shelf = new PackShelf(temp.resolve("packs"));
        Path newer = PackFiles.copyDefaultPack(temp.resolve("newer"));
        PackFiles.replaceLine(newer.resolve("pack.yaml"), "version:", "version: 9.0.0");
        PackInstaller installer = new PackInstaller(shelf, new TrustedKeys(temp.resolve("keys"), Clock.systemUTC()),
                new PackLoader(AppInfo.version()));
        installer.install(installer.plan(newer));

        InstalledPack pack = ActivePack.read(shelf, AppInfo.version());

        assertThat(pack.pack().orElseThrow().info().version()).isEqualTo("9.0.0");
        assertThat(new InstalledPacks(shelf, new TrustedKeys(temp.resolve("keys"), Clock.systemUTC()), AppInfo.version())
                .list()).filteredOn(ListedPack::active).singleElement()
                .satisfies(listed -> assertThat(listed.builtIn()).isFalse());
    }

    @Test
    void anActiveIdThatIsNoLongerInstalledGivesTheBuiltInPackAndAProblemSayingSo() throws IOException {
        PackShelf shelf = new PackShelf(temp.resolve("packs"));
        shelf.setActive(Optional.of("gone-pack"));

        InstalledPack pack = ActivePack.read(shelf, AppInfo.version());

        assertThat(pack.pack()).hasValueSatisfying(p -> assertThat(p.id()).isEqualTo(InstalledPack.DEFAULT_PACK));
        assertThat(pack.result().problems()).hasSize(1);
        Problem problem = pack.result().problems().get(0);
        assertThat(problem.isError()).isFalse();
        assertThat(problem.message()).startsWith("the active pack 'gone-pack' is no longer installed")
                .contains("`workbench pack use <id>`");
    }

    @Test
    void anActiveFileNamingAPathOutsideThePacksFolderIsNotFollowed() throws IOException {
        PackShelf shelf = new PackShelf(temp.resolve("packs"));
        shelf.setActive(Optional.of(".."));

        InstalledPack pack = ActivePack.read(shelf, AppInfo.version());

        assertThat(pack.pack()).hasValueSatisfying(p -> assertThat(p.id()).isEqualTo(InstalledPack.DEFAULT_PACK));
        assertThat(pack.result().problems()).singleElement()
                .satisfies(p -> assertThat(p.rule()).isEqualTo(ActivePack.FALLBACK_RULE));
    }

    @Test
    void theActiveFileIsReplacedWholeAndLeavesNoTemporaryFileBehind() throws IOException {
        PackShelf shelf = new PackShelf(temp.resolve("packs"));

        shelf.setActive(Optional.of("first-pack"));
        shelf.setActive(Optional.of("second-pack"));

        assertThat(shelf.activeId()).contains("second-pack");
        assertThat(temp.resolve("packs")).isDirectoryContaining(p -> p.getFileName().toString().equals("active"))
                .isDirectoryNotContaining(p -> p.getFileName().toString().startsWith("."));
        shelf.setActive(Optional.empty());
        assertThat(shelf.activeId()).isEmpty();
    }
}
