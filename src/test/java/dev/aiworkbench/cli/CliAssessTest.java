package dev.aiworkbench.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.aiworkbench.app.Workbench;
import dev.aiworkbench.app.WorkbenchOptions;
import dev.aiworkbench.assessment.Answer;
import dev.aiworkbench.assessment.Attempt;
import dev.aiworkbench.assessment.Grade;
import dev.aiworkbench.assessment.GradedBy;
import dev.aiworkbench.curriculum.Pack;
import dev.aiworkbench.testing.FakeOllama;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@code workbench assess list} and {@code assess take --answers} over the default pack's real assessment
 * before-milestone-1 (item ids and right choices read from curriculum/devops-to-ai/assessments/milestone-1.yaml).
 */
class CliAssessTest {
    static final String M1 = "before-milestone-1";
    /** The answers file every form check starts from: one good entry before the faulty one. */
    private static final String GOOD_ENTRY = "{\"item\": \"m1-w01-fan-out-cancel\", \"answer\": 2, \"confidence\": 3}";
    private static final String SHORT_ANSWER = "asyncio.sleep hands control back to the event loop, time.sleep blocks "
            + "its only thread.";
    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    Path temp;

    private CliHarness cli() {
        return new CliHarness(temp.resolve("data"));
    }

    private static CliHarness.Run ok(CliHarness.Run run) {
        assertThat(run.exitCode()).as(run.toString()).isZero();
        return run;
    }

    private Path answers(String json) throws IOException {
        return Files.writeString(temp.resolve("answers.json"), json);
    }

    private List<Attempt> attempts() {
        return attempts(temp.resolve("data"));
    }

    /** Every attempt at before-milestone-1 in the data folder, newest first, read through the service. */
    static List<Attempt> attempts(Path data) {
        try (Workbench workbench = Workbench.open(new WorkbenchOptions(Optional.of(data), Optional.empty()),
                Clock.systemUTC())) {
            Pack pack = workbench.pack().pack().orElseThrow();
            return workbench.assessments().attempts(pack, M1);
        } catch (Exception e) {
            throw new AssertionError(e);
        }
    }

    @Test
    void listShowsEachAssessmentWithItsMilestoneAndSize() throws Exception {
        CliHarness.Run run = ok(cli().run("assess", "list", "--json"));

        assertThat(run.json()).isEqualTo(JSON.readTree("""
                [{"id": "before-milestone-1", "title": "Before milestone 1: the complexity-routed LLM gateway",
                  "milestone": "milestone-1", "items": 79},
                 {"id": "before-milestone-2", "title": "Before milestone 2: a monitored RAG assistant on Kubernetes",
                  "milestone": "milestone-2", "items": 86},
                 {"id": "before-milestone-3", "title": "Before milestone 3: the end-to-end LLMOps pipeline",
                  "milestone": "milestone-3", "items": 87}]"""));
        assertThat(ok(cli().run("assess", "list")).outLines()).containsExactly(
                "ASSESSMENT             MILESTONE      ITEMS  TITLE",
                "before-milestone-1     milestone-1       79  Before milestone 1: the complexity-routed LLM gateway",
                "before-milestone-2     milestone-2       86  Before milestone 2: a monitored RAG assistant on Kubernetes",
                "before-milestone-3     milestone-3       87  Before milestone 3: the end-to-end LLMOps pipeline");
    }

    @Test
    void anAnswersFileIsGradedAtOnceByCertaintyBasedMarking() throws Exception {
        // right at 3: +3; wrong at 2: -2; right at 1: +1; wrong at 2: -2; right at 2: +2; wrong at 3: -6 => -4 over 6
        Path file = answers("""
                [{"item": "m1-w01-fan-out-cancel", "answer": 2, "confidence": 3},
                 {"item": "m1-w02-extra-forbid", "answer": 0, "confidence": 2},
                 {"item": "m1-w01-blocks-loop", "answer": [2, 0, 1], "confidence": 1},
                 {"item": "m1-w05-retryable", "answer": [0, 1], "confidence": 2},
                 {"item": "m1-w07-trim-pairs", "answer": [2], "confidence": 2},
                 {"item": "m1-w12-compose-ready", "answer": 0, "confidence": 3},
                 {"item": "m1-w01-check-1", "answer": "%s", "confidence": 2},
                 {"item": "m1-w02-cap-models", "answer": 1},
                 {"item": "m1-w10-cap-router", "answer": 5, "confidence": 3}]""".formatted(SHORT_ANSWER));

        CliHarness.Run run = ok(cli().run("assess", "take", M1, "--answers", file.toString(), "--json"));

        assertThat(run.json()).isEqualTo(JSON.readTree("""
                {"assessment": "before-milestone-1", "attemptId": 1, "answered": 9, "correct": 3,
                 "cbm": {"total": -4, "mean": -0.6667},
                 "byConfidence": [{"confidence": 1, "n": 1, "correct": 1},
                                  {"confidence": 2, "n": 3, "correct": 1},
                                  {"confidence": 3, "n": 2, "correct": 1}],
                 "pending": ["m1-w01-check-1"],
                 "weakWeeks": ["week-01", "week-02", "week-03", "week-05", "week-12"]}"""));
        assertThat(run.err()).isEmpty();
        Attempt attempt = attempts().get(0);
        assertThat(attempt.finished()).isTrue();
        assertThat(attempt.answer("m1-w01-check-1").orElseThrow().grade()).isEqualTo(Grade.PENDING);
    }

    @Test
    void theHumanResultSaysTheSameThings() throws Exception {
        Path file = answers("""
                [{"item": "m1-w01-fan-out-cancel", "answer": 2, "confidence": 3},
                 {"item": "m1-w02-extra-forbid", "answer": 0, "confidence": 2},
                 {"item": "m1-w01-check-1", "answer": "%s", "confidence": 2}]""".formatted(SHORT_ANSWER));

        CliHarness.Run run = ok(cli().run("assess", "take", M1, "--answers", file.toString()));

        assertThat(run.outLines()).containsExactly("",
                "Attempt 1 at before-milestone-1: 3 of 79 items answered, 1 right.",
                "Certainty-based marks: 1 in all, 0.50 per graded answer.",
                "  confidence 1: 0 right of 0",
                "  confidence 2: 0 right of 1",
                "  confidence 3: 1 right of 1",
                "Waiting for a grade: m1-w01-check-1.",
                "Weak weeks (missed or unsure): week-02.",
                "Calibration: Answer at least 10 graded items before reading much into calibration.");
    }

    @Test
    void anUnknownAssessmentIsAUsageErrorWithASuggestion() {
        CliHarness.Run run = cli().run("assess", "take", "befor-milestone-1", "--answers", "missing.json");

        assertThat(run.exitCode()).isEqualTo(2);
        assertThat(run.err()).isEqualTo("The pack has no assessment 'befor-milestone-1'. Did you mean "
                + "'before-milestone-1'? It has: before-milestone-1, before-milestone-2, before-milestone-3.\n");
        assertThat(attempts()).isEmpty();
    }

    @Test
    void answersThatDoNotFitTheirItemsAreRefusedWithTheReasonAndNothingIsRecorded() throws Exception {
        refused("[" + GOOD_ENTRY + ", {\"item\": \"m1-w01-fan-out-cancl\", \"answer\": 1, \"confidence\": 2}]",
                "Assessment before-milestone-1 has no item 'm1-w01-fan-out-cancl'. Did you mean "
                        + "'m1-w01-fan-out-cancel'? Nothing was recorded.");
        refused("[{\"item\": \"m1-w02-extra-forbid\", \"answer\": 4, \"confidence\": 2}, " + GOOD_ENTRY + "]",
                "Item m1-w02-extra-forbid has choices 0 to 3; there is no choice 4. Nothing was recorded.");
        refused("[" + GOOD_ENTRY + ", {\"item\": \"m1-w01-blocks-loop\", \"answer\": [0, -1], \"confidence\": 2}]",
                "Item m1-w01-blocks-loop has choices 0 to 4; there is no choice -1. Nothing was recorded.");
        refused("[" + GOOD_ENTRY + ", {\"item\": \"m1-w02-extra-forbid\", \"answer\": 1, \"confidence\": 4}]",
                "A confidence is 1 (a guess), 2 (fairly sure) or 3 (sure); item m1-w02-extra-forbid got 4. "
                        + "Nothing was recorded.");
        refused("[" + GOOD_ENTRY + ", {\"item\": \"m1-w02-extra-forbid\", \"answer\": 1, \"confidence\": 0}]",
                "A confidence is 1 (a guess), 2 (fairly sure) or 3 (sure); item m1-w02-extra-forbid got 0. "
                        + "Nothing was recorded.");
        refused("[" + GOOD_ENTRY + ", {\"item\": \"m1-w02-extra-forbid\", \"answer\": 1}]",
                "Item m1-w02-extra-forbid needs a confidence: 1 (a guess), 2 (fairly sure) or 3 (sure). "
                        + "Nothing was recorded.");
        refused("[" + GOOD_ENTRY + ", " + GOOD_ENTRY + "]",
                "Item m1-w01-fan-out-cancel is answered twice; answer each item once. Nothing was recorded.");
    }

    @Test
    void aMalformedAnswersFileNamesTheEntryAtFaultAndNothingIsRecorded() throws Exception {
        Path file = temp.resolve("answers.json");
        refused("[" + GOOD_ENTRY + ", {\"answer\": 1, \"confidence\": 2}]", "Entry 2 of " + file + " has no \"item\"; "
                + "name the item it answers by its id, e.g. \"item\": \"m1-w01-check-1\". Nothing was recorded.");
        refused("[" + GOOD_ENTRY + ", {\"item\": 7, \"answer\": 1, \"confidence\": 2}]", "Entry 2 of " + file
                + " has an \"item\" that is not an id in quotes; name the item it answers by its id, e.g. \"item\": "
                + "\"m1-w01-check-1\". Nothing was recorded.");
        refused("[" + GOOD_ENTRY + ", {\"item\": \"m1-w02-extra-forbid\", \"confidence\": 2}]", "Entry 2 of " + file
                + " (item m1-w02-extra-forbid) has no \"answer\"; give a choice index from 0, a list of them, a text, "
                + "or a rating 1-5. Nothing was recorded.");
        refused("[" + GOOD_ENTRY + ", {\"item\": \"m1-w02-extra-forbid\", \"answer\": true, \"confidence\": 2}]",
                "Entry 2 of " + file + " (item m1-w02-extra-forbid): an answer is a choice index, a list of them, a "
                        + "text or a rating, not true. Nothing was recorded.");
        refused("[" + GOOD_ENTRY + ", {\"item\": \"m1-w02-extra-forbid\", \"answer\": [\"b\"], \"confidence\": 2}]",
                "Entry 2 of " + file + " (item m1-w02-extra-forbid): a choice is given by its index (a whole number), "
                        + "not \"b\". Nothing was recorded.");
        refused("[" + GOOD_ENTRY + ", {\"item\": \"m1-w02-extra-forbid\", \"answer\": 1, \"confidence\": \"high\"}]",
                "Entry 2 of " + file + " (item m1-w02-extra-forbid): \"confidence\" is 1, 2 or 3, not \"high\". "
                        + "Nothing was recorded.");
        refused("[" + GOOD_ENTRY + ", \"m1-w02-extra-forbid\"]", "Entry 2 of " + file + " is a text, not an object "
                + "like {\"item\": …, \"answer\": …, \"confidence\": …}. Nothing was recorded.");
        refused(GOOD_ENTRY, file + " must hold a JSON array of answers, " + AnswersFile.FORM + "; it holds an object. "
                + "Nothing was recorded.");
        refused("[]", file + " holds no answers; give at least one, " + AnswersFile.FORM + ". Nothing was recorded.");
        refused("", file + " must hold a JSON array of answers, " + AnswersFile.FORM + "; it holds nothing. "
                + "Nothing was recorded.");
        refused("[" + GOOD_ENTRY + ",", file + " is not valid JSON (line 1, column 66: Unexpected end-of-input within/"
                + "between Array entries); fix it and run the command again. Nothing was recorded.");
    }

    @Test
    void aMissingAnswersFileIsAUsageError() {
        Path missing = temp.resolve("no-such.json");

        CliHarness.Run run = cli().run("assess", "take", M1, "--answers", missing.toString());

        assertThat(run.exitCode()).isEqualTo(2);
        assertThat(run.err()).isEqualTo(missing + " does not exist; give the path of a JSON file of answers, "
                + AnswersFile.FORM + ". Nothing was recorded.\n");
        assertThat(attempts()).isEmpty();
    }

    private void refused(String json, String reason) throws IOException {
        Path file = answers(json);

        CliHarness.Run run = cli().run("assess", "take", M1, "--answers", file.toString(), "--json");

        assertThat(run.exitCode()).as(run.toString()).isEqualTo(2);
        assertThat(run.err()).isEqualTo(reason + "\n");
        assertThat(run.out()).isEmpty();
        assertThat(attempts()).as("attempts after: " + json).isEmpty();
    }

    @Test
    void shortAnswersAreGradedByALocalModelWhenAsked() throws Exception {
        Path file = answers("""
                [{"item": "m1-w01-check-1", "answer": "%s", "confidence": 2},
                 {"item": "m1-w01-check-2", "answer": "The others go on running.", "confidence": 3}]"""
                .formatted(SHORT_ANSWER));
        try (FakeOllama fake = FakeOllama.start()) {
            fake.model("judge").answer("{\"reason\": \"It names the event loop and the blocked thread.\", "
                    + "\"score\": 1, \"pass\": true}");

            CliHarness.Run run = ok(cli().run("--ollama-url", fake.baseUrl(), "assess", "take", M1, "--answers",
                    file.toString(), "--grade-with-model", "--model", "judge", "--json"));

            assertThat(run.err()).isEmpty();
            assertThat(run.json().get("pending")).isEmpty();
            assertThat(run.json().get("correct").asInt()).isEqualTo(2);
            assertThat(run.json().at("/cbm/total").asInt()).isEqualTo(5);
            assertThat(fake.requests("/api/chat")).hasSize(2);
            assertThat(fake.lastRequest("/api/chat").json().toString()).contains("The others go on running.")
                    .contains("The group waits for the cancelled tasks to finish before exiting");
        }
        Answer graded = attempts().get(0).answer("m1-w01-check-1").orElseThrow();
        assertThat(graded.grade()).isEqualTo(Grade.RIGHT);
        assertThat(graded.gradedBy()).isEqualTo(GradedBy.MODEL);
        assertThat(graded.modelGrade().orElseThrow().model()).isEqualTo("judge:latest");
        assertThat(graded.modelGrade().orElseThrow().reason()).isEqualTo("It names the event loop and the blocked thread.");
    }

    @Test
    void anUnknownModelFallsBackToTheServersFirstWithANote() throws Exception {
        Path file = answers("[{\"item\": \"m1-w01-check-1\", \"answer\": \"It blocks.\", \"confidence\": 1}]");
        try (FakeOllama fake = FakeOllama.start()) {
            fake.model("judge").answer("{\"reason\": \"Too thin.\", \"score\": 0, \"pass\": false}");

            CliHarness.Run run = ok(cli().run("--ollama-url", fake.baseUrl(), "assess", "take", M1, "--answers",
                    file.toString(), "--model", "nope", "--json"));

            assertThat(run.err()).isEqualTo("Note: the model server has no model 'nope'; grading with judge:latest.\n");
            assertThat(run.json().get("pending")).isEmpty();
            assertThat(run.json().get("correct").asInt()).isZero();
            assertThat(run.json().get("weakWeeks")).extracting(JsonNode::asText).containsExactly("week-01");
        }
    }

    @Test
    void withoutAModelServerShortAnswersStayPendingWithANote() throws Exception {
        Path file = answers("[{\"item\": \"m1-w01-check-1\", \"answer\": \"It blocks.\", \"confidence\": 1}]");
        String closed = closedAddress();

        CliHarness.Run run = ok(cli().run("--ollama-url", closed, "assess", "take", M1, "--answers", file.toString(),
                "--grade-with-model", "--json"));

        assertThat(run.json().get("pending")).extracting(JsonNode::asText).containsExactly("m1-w01-check-1");
        assertThat(run.err()).isEqualTo("Note: no model server with a model answers at " + closed + ", so 1 short "
                + "answer(s) stay pending. Start Ollama and pull a model (`workbench models pull <name>`) to have short "
                + "answers graded.\n");
        assertThat(attempts()).hasSize(1);
    }

    /** The address of a port nothing listens on. */
    static String closedAddress() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return "http://127.0.0.1:" + socket.getLocalPort();
        }
    }
}
