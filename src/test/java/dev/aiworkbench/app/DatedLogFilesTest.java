package dev.aiworkbench.app;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;

import static org.assertj.core.api.Assertions.assertThat;

class DatedLogFilesTest {
    private static final LocalDate TODAY = LocalDate.of(2026, 12, 6);

    @TempDir
    Path logs;

    @Test
    void day_named_files_more_than_two_weeks_old_go_and_everything_else_stays() throws IOException {
        Path old = write("workbench.2026-11-01.0.log");
        Path oldSecondPart = write("workbench.2026-11-21.3.log");
        Path fourteenDaysOld = write("workbench.2026-11-22.0.log");
        Path recent = write("workbench.2026-12-05.1.log");
        Path current = write("workbench.log");
        Path rolled = write("workbench.1.log");
        Path notADate = write("workbench.2026-13-45.0.log");
        Path someoneElses = write("notes.2026-01-01.0.log");

        assertThat(DatedLogFiles.removeExpired(logs, TODAY)).containsExactlyInAnyOrder(old, oldSecondPart);

        assertThat(old).doesNotExist();
        assertThat(oldSecondPart).doesNotExist();
        assertThat(fourteenDaysOld).exists();
        assertThat(recent).exists();
        assertThat(current).exists();
        assertThat(rolled).exists();
        assertThat(notADate).exists();
        assertThat(someoneElses).exists();
    }

    @Test
    void a_data_folder_without_logs_yet_is_fine() {
        assertThat(DatedLogFiles.removeExpired(logs.resolve("missing"), TODAY)).isEmpty();
    }

    private Path write(String name) throws IOException {
        return Files.writeString(logs.resolve(name), "a line\n");
    }
}
