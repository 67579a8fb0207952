package dev.aiworkbench.curriculum;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.function.Consumer;
import java.util.function.Function;
import java.util.stream.Stream;

import static dev.aiworkbench.testing.PackFiles.at;
import static dev.aiworkbench.testing.PackFiles.copyDefaultPack;
import static dev.aiworkbench.testing.PackFiles.lines;
import static dev.aiworkbench.testing.PackFiles.load;
import static dev.aiworkbench.testing.PackFiles.read;
import static dev.aiworkbench.testing.PackFiles.replaceOnce;
import static dev.aiworkbench.testing.PackFiles.write;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Broken assessment files: the default pack with a small known assessment for milestone 1, edited once, must
 * report exactly the problem the edit made, at file:line:col.
 */
class BrokenAssessmentTest {
    private static final String FILE = "assessments/milestone-1.yaml";

    @TempDir
    Path temp;

    record Case(String name, Consumer<Path> edit, Function<Path, String> expected) {
        @Override
        public String toString() {
            return name;
        }
    }

    private static Consumer<Path> replace(String from, String to) {
        return root -> replaceOnce(root.resolve(FILE), from, to);
    }

    static Stream<Case> corpus() {
        return Stream.of(
                new Case("unknown week", replace("weeks: [week-01]", "weeks: [wek-01]"),
                        root -> at(root, FILE, "weeks: [|wek-01]") + ": unknown week 'wek-01' (did you mean 'week-01'?)"),
                new Case("unknown milestone", replace("milestone: milestone-1", "milestone: milestone-one"),
                        root -> at(root, FILE, "milestone: |milestone-one") + ": unknown milestone 'milestone-one'"
                                + " (did you mean 'milestone-1'?)"),
                new Case("two right answers to a single choice",
                        replace("correct: false\n        why: Only asyncio", "correct: true\n        why: Only asyncio"),
                        root -> at(root, FILE, "      |- text: It stalls") + ": a single choice item has exactly "
                                + "one correct choice; this one has 2 (use type: multiple for several)"),
                new Case("no right answer to a multiple choice",
                        replace("correct: true\n        why: Lax", "correct: false\n        why: Lax")
                                .andThen(replace("correct: true\n        why: ValidationError", "correct: false\n        why: ValidationError")),
                        root -> at(root, FILE, "      |- text: Coerces") + ": a multiple choice item has at "
                                + "least one correct choice; none is marked correct: true"),
                new Case("unknown evidence", replace("evidence: [ms1-container,", "evidence: [ms1-containr,"),
                        root -> at(root, FILE, "evidence: [|ms1-containr") + ": unknown evidence 'ms1-containr': name a "
                                + "lab, a task or a milestone checklist item of the pack (did you mean 'ms1-container'?)"),
                new Case("nearly above ready", replace("nearly: {quiz: 0.4", "nearly: {quiz: 0.7"),
                        root -> at(root, FILE, "nearly: {quiz: |0.7") + ": 'nearly' asks 0.7 of quiz, more than 'ready' "
                                + "asks (0.6); nearly is the lower bar"),
                new Case("an item id a task already has", replace("id: t-event-loop", "id: w01-event-loop"),
                        root -> at(root, FILE, "id: |w01-event-loop") + ": duplicate id 'w01-event-loop': a phase, module, "
                                + "milestone, week or task already uses it; assessment and item ids are unique across the pack"),
                new Case("two items with one id", replace("id: t-pydantic", "id: t-event-loop"),
                        root -> at(root, FILE, "id: |t-event-loop\n    type: multiple")
                                + ": duplicate id 't-event-loop' (first used at " + at(root, FILE, "id: |t-event-loop\n    type: single") + ")"),
                new Case("a short answer without a rubric", replace("    rubric:\n      - names cost attribution\n      - names regression detection\n", ""),
                        root -> at(root, FILE, "  - |id: t-whole-phase") + ": items[2]: missing field 'rubric'"),
                new Case("an answer on a choice item", replace("    prompt: What does one blocking", "    answer: no\n    prompt: What does one blocking"),
                        root -> at(root, FILE, "    answer: |no") + ": items[0]: unknown field 'answer'"),
                new Case("a choice without why", replace("        why: Validation is local.\n", ""),
                        root -> at(root, FILE, "      - |text: Calls the model server") + ": items[1].choices[2]: missing field 'why'"),
                new Case("an unknown type", replace("type: capability", "type: essay"),
                        root -> at(root, FILE, "type: |essay") + ": items[3].type: 'essay' is not one of "
                                + "[\"single\", \"multiple\", \"short\", \"capability\"]"),
                new Case("a source that is not a web address", replace("    prompt: Why does the gateway", "    source: docs/gateway.md\n    prompt: Why does the gateway"),
                        root -> at(root, FILE, "source: |docs/gateway.md") + ": 'docs/gateway.md' is not an absolute http or https address"));
    }

    private Path packWithFixture() {
        Path root = copyDefaultPack(temp.resolve("pack"));
        try (InputStream in = getClass().getResourceAsStream("/assessments/milestone-1.yaml")) {
            Files.createDirectories(root.resolve("assessments"));
            write(root.resolve(FILE), new String(in.readAllBytes(), StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return root;
    }

    @Test
    void theFixtureLoadsCleanAndBecomesTheMilestonesAssessment() {
        LoadResult result = load(packWithFixture());

        assertThat(lines(result)).isEmpty();
        Pack pack = result.pack().orElseThrow();
        Assessment assessment = pack.assessmentFor("milestone-1").orElseThrow();
        assertThat(assessment.id()).isEqualTo("fixture-before-milestone-1");
        assertThat(assessment.readiness().ready()).isEqualTo(new EvidenceLevels(0.6, 0.75, 0.3));
        assertThat(assessment.items()).extracting(AssessmentItem::type)
                .containsExactly(ItemType.SINGLE, ItemType.MULTIPLE, ItemType.SHORT, ItemType.CAPABILITY);
        assertThat(assessment.item("t-pydantic").orElseThrow().correctChoices()).containsExactly(0, 1);
        assertThat(assessment.item("t-container").orElseThrow().evidence()).containsExactly("ms1-container", "fastapi-typed-service");
        assertThat(pack.assessmentOfItem("t-whole-phase")).contains(assessment);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("corpus")
    void reportsExactlyTheProblemTheEditMade(Case broken) {
        Path root = packWithFixture();
        broken.edit().accept(root);

        LoadResult result = load(root);

        assertThat(lines(result)).containsExactly(broken.expected().apply(root));
        assertThat(result.valid()).isFalse();
    }

    @Test
    void aWeekOfThePhaseThatNoItemTestsIsAWarningNotAnError() {
        Path root = packWithFixture();
        replaceOnce(root.resolve(FILE), "week-10, week-11, week-12]", "week-10, week-12]");

        LoadResult result = load(root);

        assertThat(lines(result)).containsExactly(at(root, FILE, "  |- id: t-event-loop") + ": warning: no item tests week-11 of the phase this "
                + "milestone closes; add an item per week so readiness can point at weak weeks");
        assertThat(result.valid()).isTrue();
    }

    @Test
    void aSecondAssessmentForOneMilestoneIsRefused() {
        Path root = packWithFixture();
        String second = read(root.resolve(FILE)).replace("fixture-before-milestone-1", "another-before-milestone-1")
                .replace("id: t-", "id: u-");
        write(root.resolve("assessments/z-second-for-milestone-1.yaml"), second);

        LoadResult result = load(root);

        assertThat(lines(result)).containsExactly(at(root, "assessments/z-second-for-milestone-1.yaml", "milestone: |milestone-1")
                + ": milestone 'milestone-1' already has an assessment (at " + at(root, FILE, "milestone: |milestone-1")
                + "); a milestone has one, so its readiness is clear");
    }
}
