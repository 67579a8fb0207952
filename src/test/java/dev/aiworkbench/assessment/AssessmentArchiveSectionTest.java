package dev.aiworkbench.assessment;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.aiworkbench.curriculum.Assessment;
import dev.aiworkbench.curriculum.Pack;
import dev.aiworkbench.progress.ImportRefusedException;
import dev.aiworkbench.progress.ProgressService;
import dev.aiworkbench.progress.ProgressTransfer;
import dev.aiworkbench.progress.TaskState;
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

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Consumer;

import static dev.aiworkbench.testing.TestAssessments.assessment;
import static dev.aiworkbench.testing.TestAssessments.capability;
import static dev.aiworkbench.testing.TestAssessments.shortItem;
import static dev.aiworkbench.testing.TestAssessments.single;
import static dev.aiworkbench.testing.TestAssessments.with;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Self-assessment travels with {@code progress export}/{@code import}: exactly, or not at all. */
class AssessmentArchiveSectionTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    private final MutableClock clock = MutableClock.at("2026-03-02T10:00", ZoneId.of("Europe/Berlin"));
    private final Assessment quiz = assessment("before-milestone-1", "milestone-1", single("s1", 0, 4, "week-1"),
            single("s2", 1, 4, "week-2"), shortItem("t1", "week-3"), capability("c1", List.of("w1-t1"), "week-4"));
    private final Pack pack = with(TestPacks.grid(1, 1, 4, 2, 10), Map.of(), quiz);

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
        return new ProgressTransfer(database, List.of(new AssessmentArchiveSection(database)),
                new Backups(database, new BackupFolder(temp.resolve("backups")), clock));
    }

    private AssessmentService service(Database database) {
        return new AssessmentService(database, clock, id -> new CheckTally(0, 0));
    }

    /** A finished attempt with a model-graded short answer, an open one, and a review. */
    private void recordAssessment(Database database) {
        AssessmentService service = service(database);
        new ProgressService(database, clock).mark(pack, TestPacks.checkId(1, 1), TaskState.DONE);
        Attempt finished = service.answerAll(pack, quiz.id(), List.of(
                new GivenAnswer("s1", new Response.Choices(List.of(2)), Optional.of(3)),
                new GivenAnswer("t1", new Response.Text("Line one\n\"quoted\" ünïcödé"), Optional.of(2)),
                new GivenAnswer("c1", new Response.Level(3), Optional.empty())));
        service.grade(pack, finished.id(), "t1", true, GradedBy.MODEL,
                Optional.of(new ModelGrade("qwen3:0.6b", true, "Both points are made.")));
        clock.advance(Duration.ofDays(1));
        Attempt open = service.resumeOrStart(pack, quiz.id());
        service.answer(pack, open.id(), "s2", new Response.Choices(List.of(1)), Optional.of(1), 42);
        service.review(pack, "s1", true, 2);
    }

    private Path export(Database database, String name) throws Exception {
        Path file = temp.resolve(name);
        transfer(database).exportTo(pack, file);
        return file;
    }

    @Test
    void exportThenImportThenExportAgainIsByteIdenticalAndRestoresEveryAttemptAndReview() throws Exception {
        recordAssessment(source);
        Path first = export(source, "first.json");

        transfer(target).importFrom(pack, first, false);

        assertThat(Files.readAllBytes(export(target, "second.json"))).isEqualTo(Files.readAllBytes(first));
        AssessmentService restored = service(target);
        AssessmentService original = service(source);
        assertThat(restored.attempts(pack, quiz.id())).hasSize(2);
        assertThat(restored.attempts(pack, quiz.id()).get(1).answers())
                .isEqualTo(original.attempts(pack, quiz.id()).get(1).answers());
        assertThat(restored.resumeOrStart(pack, quiz.id()).nextItem(quiz).orElseThrow().id()).isEqualTo("s1");
        assertThat(restored.cards(pack)).isEqualTo(original.cards(pack));
        assertThat(restored.calibration(pack)).isEqualTo(original.calibration(pack));
    }

    private Path edited(Path export, Consumer<ObjectNode> change) throws Exception {
        ObjectNode root = (ObjectNode) JSON.readTree(export.toFile());
        change.accept((ObjectNode) root.path("sections").path("assessment"));
        Path file = temp.resolve("edited.json");
        JSON.writeValue(file.toFile(), root);
        return file;
    }

    private static ObjectNode answerTo(String item, ObjectNode section) {
        for (var answer : section.withArray("attempts").get(0).withArray("answers")) {
            if (answer.path("item").asText().equals(item)) {
                return (ObjectNode) answer;
            }
        }
        throw new AssertionError("the first attempt has no answer to " + item);
    }

    private void assertRefusedWritingNothing(Path file, String message) {
        String before = DatabaseDump.of(target);
        assertThatThrownBy(() -> transfer(target).importFrom(pack, file, false))
                .isInstanceOf(ImportRefusedException.class).hasMessage(message);
        assertThat(DatabaseDump.of(target)).isEqualTo(before);
    }

    @Test
    void anAnswerToAnItemThePackDoesNotHaveIsRefused() throws Exception {
        recordAssessment(source);
        Path file = edited(export(source, "export.json"), section -> answerTo("s1", section).put("item", "s9"));

        assertRefusedWritingNothing(file, "This export's self-assessment mentions 1 assessment(s) or item(s) the "
                + "installed pack does not have: s9. Nothing was imported.");
    }

    @Test
    void anAnswerThatDoesNotFitItsItemIsRefused() throws Exception {
        recordAssessment(source);
        Path file = edited(export(source, "export.json"), section -> {
            ObjectNode answer = answerTo("s1", section);
            ((ArrayNode) answer.withArray("response")).removeAll().add(9);
        });

        assertRefusedWritingNothing(file, "This export's self-assessment has invalid entries: Item s1 has choices 0 to 3; "
                + "there is no choice 9. Nothing was imported.");
    }

    @Test
    void aFormatOneExportWithoutSectionsStillImports() throws Exception {
        new ProgressService(source, clock).mark(pack, TestPacks.checkId(1, 1), TaskState.DONE);
        ObjectNode root = (ObjectNode) JSON.readTree(export(source, "export.json").toFile());
        root.put("formatVersion", 1);
        root.remove("sections");
        Path file = temp.resolve("v1.json");
        JSON.writeValue(file.toFile(), root);

        transfer(target).importFrom(pack, file, false);

        assertThat(new ProgressService(target, clock).snapshot(pack).state(TestPacks.checkId(1, 1)))
                .isEqualTo(TaskState.DONE);
    }

    @Test
    void recordedAttemptsAloneAreProgressThatAnImportWillNotOverwriteUnasked() throws Exception {
        recordAssessment(source);
        Path file = export(source, "export.json");
        service(target).resumeOrStart(pack, quiz.id());

        assertRefusedWritingNothing(file, "This data folder already has progress for 'test-pack'. Export it first if you "
                + "want to keep it, then import again with --replace to overwrite it.");
    }
}
