package dev.aiworkbench.packs;

import dev.aiworkbench.app.AppInfo;
import dev.aiworkbench.curriculum.InstalledPack;
import dev.aiworkbench.diagnostics.Problem;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Path;
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
