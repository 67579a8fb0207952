package dev.aiworkbench.ui;

import dev.aiworkbench.app.DataFolder;
import dev.aiworkbench.app.WorkbenchOptions;
import dev.aiworkbench.cli.ChildWorkbench;
import dev.aiworkbench.curriculum.Pack;
import dev.aiworkbench.testing.PackFiles;
import javafx.scene.control.Label;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import java.util.Properties;
import java.util.concurrent.TimeUnit;

import static dev.aiworkbench.ui.AppDriver.waitFor;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Opening a pack file while the app is open on the same data folder (Linux and Windows start a second process with
 * its path): the second process hands the path to the open app, which asks on Settings whether to install it, and
 * ends without a window of its own; a ticket left by an app that crashed does not stand in the way.
 */
@Tag("ui")
@ExtendWith(ApplicationExtension.class)
class SecondStartHandsOverTest {
    private static final Pack SECOND = PackFiles.load(PackFiles.SECOND_PACK).pack().orElseThrow();

    @TempDir
    Path data;

    @TempDir
    Path downloads;

    private WorkbenchApp app;

    @AfterEach
    void stop() throws Exception {
        if (app != null) {
            AppDriver.stop(app);
        }
    }

    @Test
    void a_second_start_with_a_pack_file_hands_it_to_the_open_app_and_ends(FxRobot robot) throws Exception {
        Path ticket = new DataFolder(data, "--data-dir").runningApp();
        leaveTicketOfACrashedApp(ticket);
        app = AppDriver.start(new WorkbenchOptions(Optional.of(data), Optional.empty()));
        AppDriver.waitUntilReady(app);
        waitFor(() -> Files.exists(ticket) && readPid(ticket) == ProcessHandle.current().pid());
        Path packFile = PackFiles.zip(PackFiles.SECOND_PACK, downloads.resolve("evals-1.0.0.wbpack"), SECOND.id());

        // A headless child that did not hand over would try to open a window, and fail or hang: it must not get there.
        Path log = downloads.resolve("second-start.log");
        Process second = new ProcessBuilder(ChildWorkbench.command(data, packFile.toString()))
                .redirectErrorStream(true).redirectOutput(log.toFile()).start();
        try {
            assertThat(second.waitFor(60, TimeUnit.SECONDS)).as(Files.readString(log)).isTrue();
        } finally {
            second.destroyForcibly();
        }
        String output = Files.readString(log, StandardCharsets.UTF_8);

        assertThat(second.exitValue()).as(output).isZero();
        assertThat(output).contains("already open on this data folder asks whether to install " + packFile);
        waitFor(() -> robot.lookup("#pack-question").tryQuery().map(n -> ((Label) n).getText())
                .filter(text -> text.startsWith("Install " + SECOND.info().title())).isPresent());
    }

    /** A ticket naming a process that has ended and a port nobody listens on, as a crash leaves it. */
    private static void leaveTicketOfACrashedApp(Path ticket) throws Exception {
        Process ended = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-version").redirectErrorStream(true).redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
        assertThat(ended.waitFor(60, TimeUnit.SECONDS)).isTrue();
        Files.createDirectories(ticket.getParent());
        Files.writeString(ticket, "port=9\ntoken=left-by-a-crash\npid=" + ended.pid() + "\n");
    }

    private static long readPid(Path ticket) throws Exception {
        Properties values = new Properties();
        try (var in = Files.newBufferedReader(ticket)) {
            values.load(in);
        }
        return Long.parseLong(values.getProperty("pid", "-1"));
    }
}
