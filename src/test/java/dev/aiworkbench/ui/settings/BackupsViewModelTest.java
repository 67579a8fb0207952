package dev.aiworkbench.ui.settings;

import dev.aiworkbench.app.Workbench;
import dev.aiworkbench.store.Backup;
import dev.aiworkbench.store.Database;
import dev.aiworkbench.testing.DatabaseDump;
import dev.aiworkbench.testing.MutableClock;
import dev.aiworkbench.testing.WorkbenchFixture;
import dev.aiworkbench.ui.common.ThemeChoice;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.concurrent.atomic.AtomicInteger;

import static org.assertj.core.api.Assertions.assertThat;

/** The Backups section of Settings, over a real workbench on the synchronous executor. */
class BackupsViewModelTest {
    @TempDir
    Path data;

    private final MutableClock clock = MutableClock.utc("2026-03-02T09:00:00");
    private final AtomicInteger closes = new AtomicInteger();
    private WorkbenchFixture fixture;
    private BackupsViewModel model;

    @BeforeEach
    void open() throws Exception {
        fixture = WorkbenchFixture.open(data, clock);
        Workbench workbench = fixture.workbench();
        model = new BackupsViewModel(new BackupOperations(workbench.backups()::list,
                () -> workbench.backups().backup("manual"), workbench::restoreOnClose), fixture.tasks(),
                closes::incrementAndGet, ZoneId.of("Europe/Berlin"));
    }

    @AfterEach
    void close() {
        fixture.close();
    }

    @Test
    void back_up_now_adds_the_backup_to_the_list_and_says_where_it_went() {
        model.load();
        assertThat(model.backups()).isEmpty();

        model.backUpNow();

        assertThat(model.backups()).singleElement().extracting(Backup::reason).isEqualTo("manual");
        assertThat(model.statusProperty().get()).isEqualTo("Backed up to workbench-20260302-090000-manual.db.");
        assertThat(model.describe(model.backups().get(0))).startsWith("2026-03-02 10:00 (manual, ");
    }

    @Test
    void a_restore_asks_first_and_cancelling_changes_nothing() {
        model.backUpNow();
        Backup backup = model.backups().get(0);

        model.askRestore(backup);
        assertThat(model.restoreQuestionProperty().get()).startsWith("Restore the backup of 2026-03-02 10:00 (manual")
                .contains("The app will close").contains("set aside (kept, not deleted)")
                .endsWith("Start the app again to continue from the backup.");
        model.cancelRestore();

        assertThat(model.restoreQuestionProperty().get()).isEmpty();
        assertThat(closes).hasValue(0);
    }

    @Test
    void a_confirmed_restore_closes_the_app_and_the_backup_is_in_place_once_it_has_closed() throws Exception {
        fixture.workbench().saveTheme(ThemeChoice.DARK.id());
        model.backUpNow();
        Backup backup = model.backups().get(0);
        String atBackup;
        try (Database copy = Database.open(backup.file())) {
            atBackup = DatabaseDump.of(copy);
        }
        clock.advance(Duration.ofMinutes(5));
        fixture.workbench().saveTheme(ThemeChoice.LIGHT.id());

        model.askRestore(backup);
        model.confirmRestore();
        assertThat(closes).hasValue(1);
        fixture.close();

        try (Database restored = Database.open(fixture.workbench().dataFolder().database())) {
            assertThat(DatabaseDump.of(restored)).isEqualTo(atBackup);
        }
        fixture = WorkbenchFixture.open(data, clock);
        assertThat(fixture.workbench().savedTheme()).contains(ThemeChoice.DARK.id());
    }

    @Test
    void a_file_that_is_not_a_backup_is_refused_with_the_reason_and_the_app_stays_open() throws Exception {
        Path text = Files.writeString(data.resolve("not-a-backup.db"), "plain text");

        model.askRestore(new Backup(text, Instant.parse("2026-03-01T09:00:00Z"), "daily", 10));
        model.confirmRestore();

        assertThat(closes).hasValue(0);
        assertThat(model.statusProperty().get()).startsWith("Cannot restore " + text + ": it is not a readable SQLite "
                + "database.");
    }
}
