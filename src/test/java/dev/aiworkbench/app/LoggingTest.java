package dev.aiworkbench.app;

import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.core.Appender;
import ch.qos.logback.core.util.Duration;
import ch.qos.logback.core.util.FileSize;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/** The data folder's log rolls by size and keeps a fixed number of older files, newest first. */
class LoggingTest {
    private static final Logger LOG = LoggerFactory.getLogger(LoggingTest.class);

    @TempDir
    Path logs;

    @AfterEach
    void detach() {
        var root = ((LoggerContext) LoggerFactory.getILoggerFactory()).getLogger(Logger.ROOT_LOGGER_NAME);
        Appender<?> appender = root.getAppender(Logging.APPENDER);
        if (appender != null) {
            root.detachAppender(Logging.APPENDER);
            appender.stop();
        }
    }

    @Test
    void aFullFileRollsIntoNumberedFilesAndTheOldestBeyondTheWindowIsDropped() throws IOException {
        Logging.toFolder(logs, FileSize.valueOf("2KB"), 3, Duration.buildByMilliseconds(0));
        for (int line = 0; line < 200; line++) {
            LOG.warn("line {} {}", line, "x".repeat(80));
        }

        assertThat(names()).containsExactly("workbench.1.log", "workbench.2.log", "workbench.3.log", "workbench.log");
        String current = Files.readString(logs.resolve("workbench.log"));
        assertThat(current).contains("line 199 ").doesNotContain("line 150 ");
        for (String archived : List.of("workbench.1.log", "workbench.2.log", "workbench.3.log")) {
            assertThat(Files.size(logs.resolve(archived))).as(archived).isBetween(2_000L, 2_300L);
        }
        assertThat(firstLine("workbench.1.log")).as("newest archive first")
                .isGreaterThan(firstLine("workbench.2.log"));
        assertThat(firstLine("workbench.2.log")).isGreaterThan(firstLine("workbench.3.log"));
        assertThat(Files.readString(logs.resolve("workbench.3.log"))).doesNotContain("line 0 ");
    }

    @Test
    void settingUpAgainReplacesTheFolderSoLinesGoOnlyToTheNewOne(@TempDir Path other) throws IOException {
        Logging.toFolder(logs);
        LOG.warn("to the first folder");
        Logging.toFolder(other);
        LOG.warn("to the second folder");

        assertThat(Files.readString(logs.resolve("workbench.log"))).contains("to the first folder")
                .doesNotContain("to the second folder");
        assertThat(Files.readString(other.resolve("workbench.log"))).contains("to the second folder")
                .doesNotContain("to the first folder");
    }

    private List<String> names() throws IOException {
        try (Stream<Path> files = Files.list(logs)) {
            return files.map(file -> file.getFileName().toString()).sorted().toList();
        }
    }

    private int firstLine(String file) throws IOException {
        String first = Files.readAllLines(logs.resolve(file)).getFirst();
        return Integer.parseInt(first.replaceAll(".* line (\\d+) .*", "$1"));
    }
}
