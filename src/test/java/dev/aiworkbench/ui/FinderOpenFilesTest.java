package dev.aiworkbench.ui;

import dev.aiworkbench.app.PackFileInbox;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.DisabledOnOs;
import org.junit.jupiter.api.condition.OS;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The Finder's "open these files" reaches the app's inbox on macOS (through a stand-in for AWT's Desktop, so this runs
 * anywhere), and no other system so much as loads AWT for it.
 */
class FinderOpenFilesTest {
    private final PackFileInbox inbox = new PackFileInbox();
    private final List<Path> received = new ArrayList<>();

    /** Stands in for the Finder: remembers the app's handler, so a test can send files through it. */
    private static final class FinderStandIn implements OpenFilesSource {
        private final boolean supported;
        private Consumer<List<Path>> handler;

        FinderStandIn(boolean supported) {
            this.supported = supported;
        }

        @Override
        public boolean listen(Consumer<List<Path>> files) {
            handler = supported ? files : null;
            return supported;
        }
    }

    @Test
    void on_macos_files_the_finder_opens_go_to_the_inbox_even_before_the_app_can_offer_them() {
        FinderStandIn finder = new FinderStandIn(true);

        assertThat(FinderOpenFiles.listen("Mac OS X", () -> finder, inbox)).isTrue();
        finder.handler.accept(List.of(Path.of("/Users/l/Downloads/evals-1.0.0.wbpack")));
        inbox.receiveWith(received::add);
        finder.handler.accept(List.of(Path.of("/Users/l/Downloads/a.wbpack"), Path.of("/Users/l/Downloads/b.wbpack")));

        assertThat(received).containsExactly(Path.of("/Users/l/Downloads/evals-1.0.0.wbpack"),
                Path.of("/Users/l/Downloads/a.wbpack"), Path.of("/Users/l/Downloads/b.wbpack"));
    }

    @Test
    void a_mac_desktop_that_cannot_send_files_is_no_failure() {
        assertThat(FinderOpenFiles.listen("Mac OS X", () -> new FinderStandIn(false), inbox)).isFalse();
    }

    @Test
    void other_systems_never_ask_for_the_desktop() {
        for (String os : List.of("Linux", "Windows 11", "FreeBSD")) {
            assertThat(FinderOpenFiles.listen(os, () -> {
                throw new AssertionError("asked for AWT's Desktop on " + os);
            }, inbox)).isFalse();
        }
    }

    @Test
    @DisabledOnOs(OS.MAC)
    void where_awt_cannot_send_open_file_events_it_says_so_instead_of_failing() {
        // Headless, as the tests run, or a Linux or Windows desktop: AWT has no open-file events there.
        assertThat(new AwtOpenFiles().listen(files -> { })).isFalse();
    }

    @Test
    @DisabledOnOs(OS.MAC)
    void the_real_entry_loads_no_awt_class_off_macos() throws Exception {
        Process process = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Xlog:class+load=info", "-cp", System.getProperty("java.class.path"),
                FinderOpenFilesProbe.class.getName()).redirectErrorStream(true).start();
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(process.waitFor(60, TimeUnit.SECONDS)).isTrue();

        assertThat(output).contains("finder listening: false").contains(FinderOpenFiles.class.getName());
        assertThat(output.lines().filter(line -> line.contains(" java.awt.") || line.contains(" sun.awt.")))
                .isEmpty();
    }
}
