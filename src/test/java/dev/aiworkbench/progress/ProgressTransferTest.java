package dev.aiworkbench.progress;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.aiworkbench.curriculum.Pack;
import dev.aiworkbench.store.Backup;
import dev.aiworkbench.store.BackupFolder;
import dev.aiworkbench.store.Backups;
import dev.aiworkbench.store.Database;
import dev.aiworkbench.testing.DatabaseDump;
import dev.aiworkbench.testing.MutableClock;
import dev.aiworkbench.testing.TestPacks;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.function.Consumer;

import static dev.aiworkbench.testing.TestPacks.checkId;
import static dev.aiworkbench.testing.TestPacks.taskId;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.tuple;

/** Export and import of progress: an exact round trip, and refusals that write nothing. */
class ProgressTransferTest {
    private static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);
    private final Pack pack = TestPacks.grid(2, 2, 2, 3, 12);
    private final MutableClock clock = MutableClock.at("2025-03-03T09:00", ZoneId.of("Europe/Berlin"));

    @TempDir
    Path temp;
    private Database source;
    private Database target;

    @BeforeEach
    void open() {
        source = Database.open(temp.resolve("source.db"));
        target = Database.open(temp.resolve("target.db"));
    }

    @AfterEach
    void close() {
        source.close();
        target.close();
    }

    private ProgressTransfer transfer(Database database) {
        return new ProgressTransfer(database, List.of(), new Backups(database, new BackupFolder(temp.resolve("backups")),
                clock));
    }

    /** Progress of every kind: states, history, notes, timed and manual minutes, a running timer, a plan. */
    private void recordVariedProgress(Database database) {
        ProgressService progress = new ProgressService(database, clock);
        progress.setPlan(pack, new PlanSettings(LocalDate.of(2025, 2, 17), 7.5));
        progress.mark(pack, "week-1", TaskState.DONE);
        clock.advance(Duration.ofMinutes(3));
        progress.mark(pack, taskId(2, 1), TaskState.SKIPPED);
        progress.mark(pack, taskId(2, 2), TaskState.IN_PROGRESS);
        progress.mark(pack, checkId(1, 1), TaskState.DONE);
        progress.mark(pack, taskId(1, 3), TaskState.TODO);
        progress.saveNote(pack, "week-1", "Line one\n\n- \"quoted\" & <tagged> ünïcödé");
        progress.saveNote(pack, "week-2", "second note");
        progress.startTimer(pack, taskId(2, 2));
        clock.advance(Duration.ofMinutes(50));
        progress.stopTimer(pack);
        progress.addMinutes(pack, taskId(2, 3), 45);
        clock.advance(Duration.ofMillis(1234));
        progress.startTimer(pack, taskId(2, 3));
    }

    private Path export(Database database, String name) throws IOException {
        Path file = temp.resolve(name);
        transfer(database).exportTo(pack, file);
        return file;
    }

    /** A copy of an export with one change made to its JSON. */
    private Path edited(Path export, Consumer<ObjectNode> change) throws IOException {
        ObjectNode root = (ObjectNode) JSON.readTree(export.toFile());
        change.accept(root);
        Path file = temp.resolve("edited.json");
        JSON.writeValue(file.toFile(), root);
        return file;
    }

    private void assertRefusedLeavingTargetUnchanged(Path file, boolean replace, String message) {
        String before = DatabaseDump.of(target);
        assertThatThrownBy(() -> transfer(target).importFrom(pack, file, replace))
                .isInstanceOf(ImportRefusedException.class).hasMessage(message);
        assertThat(DatabaseDump.of(target)).isEqualTo(before);
    }

    @Test
    void exportThenImportIntoAFreshDatabaseThenExportAgainIsByteIdentical() throws Exception {
        recordVariedProgress(source);
        Path first = export(source, "first.json");

        ProgressArchive imported = transfer(target).importFrom(pack, first, false);
        Path second = export(target, "second.json");

        assertThat(Files.readAllBytes(second)).isEqualTo(Files.readAllBytes(first));
        assertThat(imported).isEqualTo(transfer(source).export(pack));
        ProgressSnapshot original = new ProgressService(source, clock).snapshot(pack);
        ProgressSnapshot restored = new ProgressService(target, clock).snapshot(pack);
        assertThat(restored).isEqualTo(original);
    }

    @Test
    void anImportFirstBacksUpTheDatabaseAsItWasAndARefusedImportMakesNoBackup() throws Exception {
        recordVariedProgress(source);
        Path file = export(source, "first.json");
        new ProgressService(target, clock).mark(pack, "week-1", TaskState.DONE);
        String before = DatabaseDump.of(target);
        BackupFolder backups = new BackupFolder(temp.resolve("backups"));

        assertThatThrownBy(() -> transfer(target).importFrom(pack, file, false)).isInstanceOf(ImportRefusedException.class);
        assertThat(backups.list()).isEmpty();

        transfer(target).importFrom(pack, file, true);

        assertThat(backups.list()).singleElement().extracting(Backup::reason).isEqualTo(Backups.BEFORE_IMPORT);
        try (Database copy = Database.open(backups.list().get(0).file())) {
            assertThat(DatabaseDump.of(copy)).isEqualTo(before);
        }
        assertThat(DatabaseDump.of(target)).isNotEqualTo(before);
    }

    @Test
    void theExportHoldsEveryKindOfProgress() throws Exception {
        recordVariedProgress(source);

        ProgressArchive archive = transfer(source).export(pack);

        assertThat(archive.format()).isEqualTo("ai-workbench-progress");
        assertThat(archive.formatVersion()).isEqualTo(2);
        assertThat(archive.pack()).isEqualTo(new ProgressArchive.PackRef("test-pack", "1.0.0"));
        assertThat(archive.plan()).isEqualTo(new ProgressArchive.Plan("2025-02-17", 7.5));
        assertThat(archive.items()).extracting(ProgressArchive.State::item, ProgressArchive.State::state)
                .containsExactly(
                        tuple(checkId(1, 1), "done"),
                        tuple(taskId(1, 1), "done"),
                        tuple(taskId(1, 2), "done"),
                        tuple(taskId(1, 3), "todo"),
                        tuple(taskId(2, 1), "skipped"),
                        tuple(taskId(2, 2), "in-progress"));
        assertThat(archive.events()).hasSize(3 + 4 + 2 + 2);
        assertThat(archive.events()).filteredOn(e -> e.kind().equals("time")).extracting(ProgressArchive.Event::minutes)
                .containsExactly(50, 45);
        assertThat(archive.notes()).extracting(ProgressArchive.Note::week).containsExactly("week-1", "week-2");
        assertThat(archive.time()).hasSize(3);
        assertThat(archive.time().get(2)).isEqualTo(new ProgressArchive.Time(taskId(2, 3), "timer",
                "2025-03-03T08:53:01.234Z", null, null));
    }

    @Test
    void anImportForAnotherPackIsRefused() throws Exception {
        recordVariedProgress(source);
        Path file = edited(export(source, "export.json"), root -> ((ObjectNode) root.get("pack")).put("id", "other-pack"));

        assertRefusedLeavingTargetUnchanged(file, false, "This export holds progress for the pack 'other-pack', but the "
                + "installed pack is 'test-pack'. Install that pack, or import a file exported from this one.");
    }

    @Test
    void anImportMentioningItemsThePackDoesNotHaveIsRefused() throws Exception {
        recordVariedProgress(source);
        Path file = edited(export(source, "export.json"), root -> {
            ((ObjectNode) root.get("items").get(0)).put("item", "w1-t99");
            ((ObjectNode) root.get("notes").get(1)).put("week", "week-99");
        });

        assertRefusedLeavingTargetUnchanged(file, false, "This export does not match the installed pack test-pack 1.0.0 "
                + "(it came from version 1.0.0): it mentions 2 item(s) the pack does not have: w1-t99, week-99. "
                + "Nothing was imported.");
    }

    @Test
    void anExportFromANewerFormatIsRefused() throws Exception {
        recordVariedProgress(source);
        Path file = edited(export(source, "export.json"), root -> root.put("formatVersion", 3));

        assertRefusedLeavingTargetUnchanged(file, false, "This export was written by a newer version of AI Engineer "
                + "Workbench (format 3); update the app to import it.");
    }

    @Test
    void malformedJsonIsRefusedWithWhereItBreaks() throws Exception {
        recordVariedProgress(source);
        Path export = export(source, "export.json");
        String text = Files.readString(export);
        Path truncated = Files.writeString(temp.resolve("truncated.json"), text.substring(0, text.indexOf("\"events\"")));

        String before = DatabaseDump.of(target);
        assertThatThrownBy(() -> transfer(target).importFrom(pack, truncated, false))
                .isInstanceOf(ImportRefusedException.class)
                .hasMessageStartingWith(truncated + " is not a valid progress export (line ")
                .hasMessageContaining("end-of-input");
        assertThat(DatabaseDump.of(target)).isEqualTo(before);
    }

    @Test
    void anUnknownFieldIsRefused() throws Exception {
        recordVariedProgress(source);
        Path file = edited(export(source, "export.json"), root -> root.put("exportedBy", "someone"));

        assertRefusedLeavingTargetUnchanged(file, false, file + " is not a progress export this version understands: "
                + "unexpected field 'exportedBy' at line " + lineOf(file, "\"exportedBy\"") + ".");
    }

    @Test
    void anUnknownFieldInsideAnEntryIsRefused() throws Exception {
        recordVariedProgress(source);
        Path file = edited(export(source, "export.json"),
                root -> ((ObjectNode) root.get("items").get(0)).put("colour", "green"));

        assertRefusedLeavingTargetUnchanged(file, false, file + " is not a progress export this version understands: "
                + "unexpected field 'colour' at line " + lineOf(file, "\"colour\"") + ".");
    }

    @Test
    void invalidEntriesAreRefusedTogether() throws Exception {
        recordVariedProgress(source);
        Path file = edited(export(source, "export.json"), root -> {
            ((ObjectNode) root.get("items").get(0)).put("state", "finished");
            ((ObjectNode) root.get("events").get(0)).put("at", "yesterday");
            ArrayNode time = (ArrayNode) root.get("time");
            time.add(time.get(2).deepCopy());
        });

        assertRefusedLeavingTargetUnchanged(file, false, "This export has invalid entries: items: 'finished' is not a "
                + "task state; events: 'yesterday' is not a UTC timestamp; time: more than one running timer. "
                + "Nothing was imported.");
    }

    @Test
    void aFileThatDoesNotExistIsRefused() {
        Path missing = temp.resolve("missing.json");

        assertRefusedLeavingTargetUnchanged(missing, false, missing + " does not exist.");
    }

    @Test
    void importingOverExistingProgressNeedsReplace() throws Exception {
        recordVariedProgress(source);
        Path file = export(source, "export.json");
        new ProgressService(target, clock).mark(pack, taskId(8, 1), TaskState.DONE);

        assertRefusedLeavingTargetUnchanged(file, false, "This data folder already has progress for 'test-pack'. "
                + "Export it first if you want to keep it, then import again with --replace to overwrite it.");

        transfer(target).importFrom(pack, file, true);

        assertThat(Files.readAllBytes(export(target, "after.json"))).isEqualTo(Files.readAllBytes(file));
        assertThat(new ProgressService(target, clock).snapshot(pack).state(taskId(8, 1))).isEqualTo(TaskState.TODO);
    }

    @Test
    void anImportTouchesOnlyItsOwnPack() throws Exception {
        recordVariedProgress(source);
        Path file = export(source, "export.json");
        Pack other = TestPacks.defaultPack();
        new ProgressService(target, clock).mark(other, "w01-project-setup", TaskState.DONE);
        new ProgressService(target, clock).saveNote(other, "week-01", "mine");

        transfer(target).importFrom(pack, file, false);

        ProgressSnapshot untouched = new ProgressService(target, clock).snapshot(other);
        assertThat(untouched.state("w01-project-setup")).isEqualTo(TaskState.DONE);
        assertThat(untouched.note("week-01")).isPresent();
    }

    private static int lineOf(Path file, String text) throws IOException {
        var lines = Files.readAllLines(file);
        for (int i = 0; i < lines.size(); i++) {
            if (lines.get(i).contains(text)) {
                return i + 1;
            }
        }
        throw new AssertionError(text + " not in " + file);
    }
}
