package dev.aiworkbench.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.aiworkbench.assessment.Answer;
import dev.aiworkbench.assessment.Grade;
import dev.aiworkbench.assessment.GradedBy;
import dev.aiworkbench.assessment.ModelGrade;
import dev.aiworkbench.curriculum.Assessment;
import dev.aiworkbench.curriculum.AssessmentItem;
import dev.aiworkbench.curriculum.Pack;
import dev.aiworkbench.testing.FakeOllama;
import dev.aiworkbench.testing.MutableClock;
import dev.aiworkbench.testing.TestPacks;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.stream.Collectors;

import static dev.aiworkbench.cli.CliAssessTest.M1;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@code workbench assess take} on the terminal (stdin fed by the test), {@code assess report} and
 * {@code assess review}, over the default pack's before-milestone-1 (51 short, 11 single, 8 multiple and
 * 9 capability items; the short ones come first).
 */
class CliAssessSessionTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    private final Pack pack = TestPacks.defaultPack();
    private final MutableClock clock = MutableClock.utc("2026-03-02T09:00");

    @TempDir
    Path temp;

    private CliHarness cli() {
        return new CliHarness(temp.resolve("data"), clock);
    }

    private static CliHarness.Run ok(CliHarness.Run run) {
        assertThat(run.exitCode()).as(run.toString()).isZero();
        return run;
    }

    private Path answers(String json) throws IOException {
        return Files.writeString(temp.resolve("answers.json"), json);
    }

    @Test
    void anInterruptedQuizKeepsItsAnswersAndResumesAtTheFirstUnansweredItem() {
        String typed = "\n"                                            // no answer yet: asked again
                + "asyncio.sleep yields to the loop;\ntime.sleep blocks it.\n\n"
                + "7\n2\n"                                             // a confidence outside 1-3, then 2
                + "maybe\ny\n"                                         // graded right by the learner
                + "The others are cancelled.\n\n1\nn\n"                // item 2: confidence 1, graded wrong
                + "q\n";

        CliHarness.Run first = ok(cli().runTyping(typed, "assess", "take", M1));

        assertThat(first.out())
                .contains("How answers are marked: give each answer a confidence of 1 (a guess), 2 (fairly sure) or 3 "
                        + "(sure).\n  confidence 1: right +1, wrong  0\n  confidence 2: right +2, wrong -2\n"
                        + "  confidence 3: right +3, wrong -6\nChoose 1 when your chance of being right is below 2/3, "
                        + "2 between 2/3 and 0.8, and 3 only above 0.8:\n")
                .contains("Item 1 of 79 · short · week-01 · m1-w01-check-1\n")
                .contains("Please write an answer, then an empty line (or q to stop).\n")
                .contains("Please type a number from 1 to 3 (or q to stop).\n")
                .contains("Please type y or n (or q to stop).\n")
                .contains("A good answer makes these points:\n  - asyncio.sleep yields control to the event loop while "
                        + "the timer runs\n")
                .contains("Marked right: +2 at confidence 2.\n")
                .contains("Item 2 of 79 · short · week-01 · m1-w01-check-2\n")
                .contains("Marked wrong: 0 at confidence 1.\n")
                .contains("Item 3 of 79 · short · week-01 · m1-w01-check-3\n")
                .contains("Stopped with 2 of 79 answered. Your answers are kept: `workbench assess take "
                        + "before-milestone-1` goes on where you stopped.\n")
                .contains("Attempt 1 at before-milestone-1 (not finished): 2 of 79 items answered, 1 right.\n");

        CliHarness.Run second = ok(cli().runTyping("q\n", "assess", "take", M1));

        assertThat(second.out()).contains("Going on with attempt 1: 2 of 79 answered.\n")
                .contains("Item 3 of 79 · short · week-01 · m1-w01-check-3\n")
                .doesNotContain("Item 1 of 79").doesNotContain("Item 2 of 79");

        CliHarness.Run endOfInput = ok(cli().runTyping("", "assess", "take", M1, "--json"));

        assertThat(endOfInput.err()).contains("Going on with attempt 1: 2 of 79 answered.\n")
                .contains("Stopped with 2 of 79 answered.");
        assertThat(endOfInput.json().get("attemptId").asInt()).isEqualTo(1);
        assertThat(endOfInput.json().get("answered").asInt()).isEqualTo(2);
        assertThat(endOfInput.json().get("correct").asInt()).isEqualTo(1);
    }

    @Test
    void choicesAreNumberedFromOneAndEachChoiceSaysWhy() {
        String typed = "a\n\n1\nn\n".repeat(51)                         // the 51 short items, graded wrong at 1
                + "0\n5\n3\n3\n"                                       // fan-out-cancel: 0 and 5 are no choices; 3 is right
                + "1\n2\n"                                             // extra-forbid: 1 is wrong (2 is right)
                + "q\n";

        CliHarness.Run run = ok(cli().runTyping(typed, "assess", "take", M1));

        assertThat(run.out())
                .contains("Item 52 of 79 · single · week-01 · m1-w01-fan-out-cancel\n")
                .contains("  1. `await asyncio.gather(*checks)`\n")
                .contains("Please type a number from 1 to 4 (or q to stop).\n")
                .contains("Right: +3 at confidence 3.\n")
                .contains("  3. `async with asyncio.TaskGroup() as tg:` with one `tg.create_task(...)` per check "
                        + "[right, your pick]\n     A TaskGroup cancels the remaining tasks when one fails")
                .contains("Wrong: -2 at confidence 2. The answer is 2.\n")
                .contains("  1. The unknown key is dropped and `severity` is left unset [wrong, your pick]\n")
                .contains("Item 54 of 79 · single · week-03 · m1-w03-blocking-client\n")
                .contains("Stopped with 53 of 79 answered.");
        assertThat(ok(cli().runTyping("q\n", "assess", "take", M1)).out())
                .contains("Going on with attempt 1: 53 of 79 answered.\n")
                .contains("Item 54 of 79 · single · week-03 · m1-w03-blocking-client\n");
    }

    @Test
    void aWholeQuizOnTheTerminalEndsWithItsResult() throws Exception {
        Assessment assessment = pack.assessment(M1).orElseThrow();
        StringBuilder typed = new StringBuilder();
        for (AssessmentItem item : assessment.items()) {
            if (item.id().equals("m1-w01-blocks-loop")) {
                typed.append("1 9\nall\n");                            // not choices: asked again
            } else if (item.id().equals("m1-w01-cap-concurrency")) {
                typed.append("6\n");
            }
            typed.append(switch (item.type()) {
                case SHORT -> "My own answer.\n\n2\ny\n";
                case SINGLE -> (item.correctChoices().get(0) + 1) + "\n3\n";
                case MULTIPLE -> item.correctChoices().stream().map(i -> String.valueOf(i + 1))
                        .collect(Collectors.joining(" ")) + "\n1\n";
                case CAPABILITY -> "4\n";
            });
        }

        CliHarness.Run run = ok(cli().runTyping(typed.toString(), "assess", "take", M1, "--json"));

        // 51 short right at 2 (+102), 11 single right at 3 (+33), 8 multiple right at 1 (+8): 143 over 70 graded
        assertThat(run.json()).isEqualTo(JSON.readTree("""
                {"assessment": "before-milestone-1", "attemptId": 1, "answered": 79, "correct": 70,
                 "cbm": {"total": 143, "mean": 2.0429},
                 "byConfidence": [{"confidence": 1, "n": 8, "correct": 8},
                                  {"confidence": 2, "n": 51, "correct": 51},
                                  {"confidence": 3, "n": 11, "correct": 11}],
                 "pending": [],
                 "weakWeeks": ["week-01", "week-03", "week-05", "week-06", "week-07", "week-08", "week-09",
                               "week-10", "week-11", "week-12"]}"""));
        assertThat(run.err()).contains("Please type one or more numbers from 1 to 5, separated by spaces (or q to "
                        + "stop).\nYour answers (the choices' numbers, separated by spaces): Please type one or more")
                .contains("Please type a number from 1 to 5 (or q to stop).\n")
                .contains("Item 79 of 79 · capability · week-12 · m1-w12-cap-ship\n")
                .contains("Evidence that would prove it: milestone-1-gateway, w12-container-lab")
                .contains("Rated 4 of 5.\n")
                .endsWith("All 79 items answered.\n");
        assertThat(ok(cli().runTyping("q\n", "assess", "take", M1)).out())
                .as("a finished attempt is not resumed").contains("Item 1 of 79 ·").doesNotContain("Going on");
    }

    @Test
    void aLocalModelGradesAShortAnswerAndTheLearnerMayOverruleIt() {
        try (FakeOllama fake = FakeOllama.start()) {
            fake.model("judge").answer("{\"reason\": \"It names the event loop.\", \"score\": 1, \"pass\": true}");

            CliHarness.Run run = ok(cli().runTyping("The loop runs them together.\n\n2\nn\nq\n", "--ollama-url",
                    fake.baseUrl(), "assess", "take", M1, "--grade-with-model"));

            assertThat(run.out()).contains("A good answer makes these points:\n")
                    .contains("Asking judge:latest to grade your answer…\n")
                    .contains("The model (judge:latest) says right: It names the event loop.\n"
                            + "Accept its verdict (n marks it wrong)? [y/n] Marked wrong: -2 at confidence 2.\n");
            assertThat(fake.lastRequest("/api/chat").json().toString()).contains("The loop runs them together.");
        }
        Answer answer = CliAssessTest.attempts(temp.resolve("data")).get(0).answer("m1-w01-check-1").orElseThrow();
        assertThat(answer.grade()).isEqualTo(Grade.WRONG);
        assertThat(answer.gradedBy()).isEqualTo(GradedBy.LEARNER);
        assertThat(answer.modelGrade()).contains(new ModelGrade("judge:latest", true, "It names the event loop."));
    }

    @Test
    void withoutAModelServerTheLearnerGradesShortAnswers() throws Exception {
        String closed = CliAssessTest.closedAddress();

        CliHarness.Run run = ok(cli().runTyping("It blocks.\n\n1\ny\nq\n", "--ollama-url", closed, "assess",
                "take", M1, "--grade-with-model"));

        assertThat(run.err()).isEqualTo("Note: no model server with a model answers at " + closed + ", so you grade "
                + "short answers yourself. Start Ollama and pull a model (`workbench models pull <name>`) to have short "
                + "answers graded.\n");
        assertThat(run.out()).contains("Did your answer make most of these points, and nothing wrong? [y/n] "
                + "Marked right: +1 at confidence 1.\n");
    }

    @Test
    void reportGivesReadinessPerMilestoneAndCalibrationOverAllAttempts() throws Exception {
        // right at 3 (+3), right at 2 (+2), wrong at 1 (0): 5 marks of the 3 x 70 the graded items could give
        Path file = answers("""
                [{"item": "m1-w01-fan-out-cancel", "answer": 2, "confidence": 3},
                 {"item": "m1-w01-blocks-loop", "answer": [0, 1, 2], "confidence": 2},
                 {"item": "m1-w02-extra-forbid", "answer": 3, "confidence": 1}]""");
        CliHarness cli = cli();
        ok(cli.run("assess", "take", M1, "--answers", file.toString()));
        ok(cli.run("progress", "mark", "ms1-ask-contract", "done"));
        int checklist = pack.milestone("milestone-1").orElseThrow().checklist().size();

        JsonNode report = ok(cli.run("assess", "report", "--json")).json();

        JsonNode m1 = report.at("/milestones/0");
        assertThat(m1.get("milestone").asText()).isEqualTo("milestone-1");
        assertThat(m1.get("assessment").asText()).isEqualTo(M1);
        assertThat(m1.get("verdict").asText()).isEqualTo("not-yet");
        assertThat(m1.get("quiz")).isEqualTo(JSON.readTree("""
                {"share": 0.0238, "attemptId": 1, "cbm": {"total": 5, "mean": 1.6667}}"""));
        assertThat(m1.get("checklist")).isEqualTo(JSON.readTree("{\"done\": 1, \"total\": " + checklist
                + ", \"share\": " + AssessJson.round(1.0 / checklist) + "}"));
        assertThat(m1.at("/labs/passed").asInt()).isZero();
        assertThat(m1.at("/labs/total").asInt()).isPositive();
        assertThat(m1.at("/labs/share").asDouble()).isZero();
        assertThat(m1.get("weakWeeks")).extracting(JsonNode::asText).containsExactly("week-02");
        assertThat(report.get("milestones")).extracting(m -> m.get("milestone").asText())
                .containsExactly("milestone-1", "milestone-2", "milestone-3");
        assertThat(report.at("/milestones/1/quiz")).isEqualTo(JSON.readTree("""
                {"share": 0.0, "attemptId": null, "cbm": {"total": 0, "mean": 0.0}}"""));
        // Wilson 95%: 0 of 1 gives 0 to z^2/(1+z^2) = 0.7935; 1 of 1 gives 1/(1+z^2) = 0.2065 to 1
        assertThat(report.get("calibration")).isEqualTo(JSON.readTree("""
                {"graded": 3, "correct": 2, "cbm": {"total": 5, "mean": 1.6667}, "verdict": "too-few-answers",
                 "byConfidence": [
                   {"confidence": 1, "n": 1, "correct": 0, "accuracy": 0.0, "low": 0.0, "high": 0.7935,
                    "bandLow": 0.0, "bandHigh": 0.6667},
                   {"confidence": 2, "n": 1, "correct": 1, "accuracy": 1.0, "low": 0.2065, "high": 1.0,
                    "bandLow": 0.6667, "bandHigh": 0.8},
                   {"confidence": 3, "n": 1, "correct": 1, "accuracy": 1.0, "low": 0.2065, "high": 1.0,
                    "bandLow": 0.8, "bandHigh": 1.0}],
                 "advice": "Answer at least 10 graded items before reading much into calibration."}"""));

        CliHarness.Run text = ok(cli.run("assess", "report"));
        assertThat(text.outLines()).contains(
                "MILESTONE      VERDICT  QUIZ         LABS         CHECKLIST    WEAK WEEKS",
                "  milestone-2 is ready at quiz 60%, labs 75%, checklist 30%; take it with `workbench assess take "
                        + "before-milestone-2`.",
                "Calibration over all attempts: 3 graded, 2 right, marks 5 (1.67 per answer): too few answers.",
                "  1                1      0  0% (0%-79%)            0%-67%",
                "Answer at least 10 graded items before reading much into calibration.");
        assertThat(text.out()).containsPattern("milestone-1 +Not yet +2% +0/\\d+ 0% +1/" + checklist + " \\d+% +week-02\n");
    }

    @Test
    void aMissedItemIsDueForReviewTheNextDay() throws Exception {
        Path file = answers("""
                [{"item": "m1-w01-fan-out-cancel", "answer": 2, "confidence": 3},
                 {"item": "m1-w02-extra-forbid", "answer": 0, "confidence": 2}]""");
        CliHarness cli = cli();
        ok(cli.run("assess", "take", M1, "--answers", file.toString()));

        assertThat(ok(cli.run("assess", "review", "--json")).json()).isEmpty();

        clock.advance(Duration.ofDays(1));
        JsonNode due = ok(cli.run("assess", "review", "--json")).json();

        // FSRS-6, rated Again: stability w0 = 0.212 days; a day later R = (1 + (0.9^(1/-0.1542) - 1) / 0.212)^-0.1542
        String prompt = pack.assessmentItem("m1-w02-extra-forbid").orElseThrow().prompt().strip();
        assertThat(due).isEqualTo(JSON.readTree("""
                [{"item": "m1-w02-extra-forbid", "assessment": "before-milestone-1", "type": "single",
                  "prompt": %s, "due": "2026-03-03", "retrievability": 0.7662, "reviews": 1, "lapses": 1}]"""
                .formatted(JSON.writeValueAsString(prompt))));
    }

    @Test
    void aReviewSessionAsksTheDueItemsAndMovesTheirSchedule() throws Exception {
        Path file = answers("[{\"item\": \"m1-w02-extra-forbid\", \"answer\": 0, \"confidence\": 2}]");
        CliHarness cli = cli();
        ok(cli.run("assess", "take", M1, "--answers", file.toString()));
        clock.advance(Duration.ofDays(1));

        CliHarness.Run run = ok(cli.runTyping("x\n2\n2\n", "assess", "review"));

        // rated Good a day after an Again: the stability grows to 1.887 days, so it comes back in 2 days
        assertThat(run.out()).startsWith("1 item(s) due for review. Type q to stop; what you reviewed is kept.\n")
                .contains("Review 1 of 1 (before-milestone-1) · single · week-02 · m1-w02-extra-forbid\n")
                .contains("Please type a number from 1 to 4 (or q to stop).\n")
                .contains("Right: +2 at confidence 2.\n")
                .contains("Next review: 2026-03-05.\n")
                .endsWith("Reviewed 1 of 1 due item(s).\n");
        assertThat(ok(cli.run("assess", "review", "--json")).json()).isEmpty();
        assertThat(ok(cli.run("assess", "review")).out()).isEqualTo("Nothing is due for review today.\n");

        clock.advance(Duration.ofDays(2));
        assertThat(ok(cli.run("assess", "review", "--json")).json().at("/0/reviews").asInt()).isEqualTo(2);
        CliHarness.Run stopped = ok(cli.runTyping("q\n", "assess", "review"));
        assertThat(stopped.out()).endsWith("Stopped.\nReviewed 0 of 1 due item(s).\n");
    }
}
