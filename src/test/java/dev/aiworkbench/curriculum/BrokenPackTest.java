package dev.aiworkbench.curriculum;

import dev.aiworkbench.app.AppInfo;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.function.Consumer;
import java.util.function.Function;
import java.util.stream.Stream;

import static dev.aiworkbench.testing.PackFiles.at;
import static dev.aiworkbench.testing.PackFiles.copyDefaultPackWithoutAssessments;
import static dev.aiworkbench.testing.PackFiles.insertAfterLine;
import static dev.aiworkbench.testing.PackFiles.lines;
import static dev.aiworkbench.testing.PackFiles.load;
import static dev.aiworkbench.testing.PackFiles.phaseFile;
import static dev.aiworkbench.testing.PackFiles.read;
import static dev.aiworkbench.testing.PackFiles.replaceLine;
import static dev.aiworkbench.testing.PackFiles.replaceOnce;
import static dev.aiworkbench.testing.PackFiles.weekFile;
import static dev.aiworkbench.testing.PackFiles.write;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * A corpus of broken packs: each is a copy of the default pack (its assessments left out: BrokenAssessmentTest
 * covers them) with one edit, and the validator must
 * report exactly the problem that edit made, as {@code file:line:col: message}. Where one mistake
 * necessarily breaks a second rule too (a week outside every module also lies outside its own), both
 * lines are expected, and nothing else.
 */
class BrokenPackTest {
    private static final String PACK = "pack.yaml";
    private static final String W01 = weekFile(1);
    private static final String W02 = weekFile(2);
    private static final String W04 = weekFile(4);
    private static final String W05 = weekFile(5);
    private static final String W06 = weekFile(6);
    private static final String W13 = weekFile(13);
    private static final String W36 = weekFile(36);
    private static final String P1 = phaseFile(1);
    private static final String P2 = phaseFile(2);
    private static final String P3 = phaseFile(3);

    @TempDir
    Path temp;

    /** One broken pack: the edit that breaks it and the problem lines it must produce, computed after the edit. */
    record Case(String name, Consumer<Path> edit, Function<Path, List<String>> expected) {
        @Override
        public String toString() {
            return name;
        }
    }

    private static Case one(String name, Consumer<Path> edit, Function<Path, String> expected) {
        return new Case(name, edit, root -> List.of(expected.apply(root)));
    }

    static Stream<Case> corpus() {
        return Stream.of(
                one("missing field", root -> replaceLine(root.resolve(W01), "title:", ""),
                        root -> at(root, W01, "\n|id: week-01\n") + ": missing field 'title'"),
                one("wrong type", root -> replaceLine(root.resolve(W01), "hours:", "hours: twelve"),
                        root -> at(root, W01, "hours: |twelve") + ": hours: wrong type: expected number, found string"),
                one("unknown field", root -> insertAfterLine(root.resolve(W01), "hours:", "difficulty: very-hard"),
                        root -> at(root, W01, "difficulty: |very-hard") + ": unknown field 'difficulty'"),
                one("value outside an enum", root -> replaceOnce(root.resolve(W01), "    kind: build\n", "    kind: built\n"),
                        root -> at(root, W01, "kind: |built") + ": tasks[2].kind: 'built' is not one of "
                                + "[\"study\", \"build\", \"lab\", \"read\", \"reflect\"]"),
                one("duplicate id across files", root -> replaceLine(root.resolve(W02), "id:", "id: week-01"),
                        root -> at(root, W02, "\nid: |week-01\n") + ": duplicate id 'week-01' (first used at "
                                + at(root, W01, "\nid: |week-01\n") + ")"),
                one("unknown module reference",
                        root -> replaceLine(root.resolve(W01), "module:", "module: m01-no-such-module"),
                        root -> at(root, W01, "module: |m01-no-such-module") + ": unknown module 'm01-no-such-module'"),
                one("week gap", root -> delete(root.resolve(W05)),
                        root -> at(root, W06, "\nweek: |6\n") + ": weeks are not contiguous: week 5 is missing before week 6"),
                one("duplicate week number", root -> write(root.resolve("weeks/04-extra.md"), """
                                ---
                                id: week-04-extra
                                week: 4
                                module: m01-python-foundations
                                title: An extra week 4
                                hours: 2
                                goals: [Notice the duplicate]
                                tasks:
                                  - {id: w04-extra-task, kind: study, title: Study}
                                resources:
                                  - {title: Python, url: "https://docs.python.org/3/"}
                                ---
                                # Extra
                                """),
                        root -> at(root, W04, "\nweek: |4\n") + ": duplicate week number 4 (also in weeks/04-extra.md)"),
                one("file name number differs from week number",
                        root -> move(root, W36, "weeks/37-" + W36.substring("weeks/36-".length())),
                        root -> at(root, "weeks/37-" + W36.substring("weeks/36-".length()), "\nweek: |36\n")
                                + ": the file name says week 37 but the front matter says week 36"),
                one("bad URL", root -> insertAfterLine(root.resolve(W01), "resources:",
                                "  - title: A link without a scheme\n    url: docs.example.com/page"),
                        root -> at(root, W01, "url: |docs.example.com/page")
                                + ": 'docs.example.com/page' is not an absolute http or https address"),
                one("YAML syntax error", root -> replaceLine(root.resolve(PACK), "license:", "license: CC-BY: 4.0"),
                        root -> at(root, PACK, "license: CC-BY|: 4.0")
                                + ": YAML syntax error: mapping values are not allowed here"),
                one("duplicate YAML key", root -> insertAfterLine(root.resolve(PACK), "license:", "license: MIT"),
                        root -> at(root, PACK, "\nlicense|: MIT\n") + ": YAML syntax error: duplicate key 'license'"),
                one("modules overlap", root -> replaceOnce(root.resolve(P1), "weeks: {first: 5, last: 8}",
                                "weeks: {first: 4, last: 8}"),
                        root -> at(root, P1, "weeks: |{first: 4, last: 8}")
                                + ": module 'm02-llm-apis' overlaps the module before it in week 4"),
                new Case("modules leave a gap", root -> replaceOnce(root.resolve(P2), "weeks: {first: 13, last: 16}",
                        "weeks: {first: 14, last: 16}"),
                        root -> List.of(at(root, P2, "weeks: |{first: 14, last: 16}")
                                        + ": Week 13 belongs to no module (module 'm04-rag-pipelines' starts in week 14)",
                                at(root, W13, "module: |m04-rag-pipelines")
                                        + ": week 13 is outside module 'm04-rag-pipelines' (weeks 14-16)")),
                one("milestone not in the phase's last week",
                        root -> replaceOnce(root.resolve(P1), "\n  week: 12\n", "\n  week: 11\n"),
                        root -> at(root, P1, "\n  week: |11\n") + ": the milestone is due in week 11 but the phase ends "
                                + "in week 12; a milestone closes its phase"),
                one("missing pack.yaml", root -> delete(root.resolve(PACK)),
                        root -> "pack.yaml:1:1: file is missing: every pack has a pack.yaml at its top"),
                one("week file without front matter", root -> write(root.resolve("weeks/README.md"), "# Weeks\n"),
                        root -> "weeks/README.md:1:1: no front matter: a week file starts with a line '---', then its "
                                + "YAML fields, then another '---'"),
                new Case("front matter missing from a real week", root -> dropOpeningLine(root.resolve(W01)),
                        root -> List.of(W01 + ":1:1: no front matter: a week file starts with a line '---', then its "
                                        + "YAML fields, then another '---'",
                                at(root, W02, "\nweek: |2\n") + ": weeks are not contiguous: week 1 is missing before week 2")),
                one("empty guide", root -> {
                            String text = read(root.resolve(W01));
                            write(root.resolve(W01), text.substring(0, text.indexOf("\n---\n") + 5) + "\n   \n");
                        },
                        root -> W01 + ":1:1: the week has no guide: write it in Markdown after the closing ---"),
                one("pack needs a newer app", root -> replaceLine(root.resolve(PACK), "requires:", "requires: \">=99.0.0\""),
                        root -> at(root, PACK, "requires: |\">=99.0.0\"")
                                + ": this pack needs AI Engineer Workbench 99.0.0 or newer; this is " + AppInfo.version()),
                one("unknown lab in a week", root -> replaceLine(root.resolve(W01), "labs:", "labs: [rag-lab]"),
                        root -> at(root, W01, "labs: [|rag-lab]") + ": unknown lab 'rag-lab': the pack has no "
                                + "folder labs/rag-lab/ and the app has no lab of that id"),
                one("unknown lab on a task", root -> replaceOnce(root.resolve(W01), "    kind: build\n",
                                "    kind: build\n    lab: gateway-lab\n"),
                        root -> at(root, W01, "lab: |gateway-lab")
                                + ": unknown lab 'gateway-lab': the pack has no folder labs/gateway-lab/ and the app "
                                + "has no lab of that id"),
                new Case("YAML error in a week's front matter is reported at its line in the file",
                        root -> insertAfterLine(root.resolve(W36), "week:", "week: 36"),
                        root -> List.of(at(root, P3, "weeks: |{first: 33, last: 36}") + ": module "
                                        + "'m09-portfolio-and-interviews' ends in week 36 but the pack's last week is 35",
                                at(root, W36, "week: 36\nweek|: 36") + ": YAML syntax error: duplicate key 'week'")));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("corpus")
    void reportsExactlyTheProblemTheEditMade(Case broken) {
        Path root = copyDefaultPackWithoutAssessments(temp.resolve("pack"));
        broken.edit().accept(root);

        LoadResult result = load(root);

        assertThat(lines(result)).containsExactlyElementsOf(broken.expected().apply(root));
        assertThat(result.valid()).isFalse();
    }

    @Test
    void aLabThatThePackShipsIsAccepted() throws IOException {
        Path root = copyDefaultPackWithoutAssessments(temp.resolve("pack"));
        replaceLine(root.resolve(W01), "labs:", "labs: [rag-lab]");
        Files.createDirectories(root.resolve("labs/rag-lab"));

        assertThat(lines(load(root))).isEmpty();
        assertThat(load(root).pack().orElseThrow().weekNumber(1).orElseThrow().labs()).containsExactly("rag-lab");
    }

    @Test
    void aPackRequiringExactlyThisVersionIsAccepted() {
        Path root = copyDefaultPackWithoutAssessments(temp.resolve("pack"));
        replaceLine(root.resolve(PACK), "requires:", "requires: \">=1.2.3\"");

        assertThat(lines(load(root, "1.2.3"))).isEmpty();
        assertThat(lines(load(root, "1.2.2"))).singleElement().asString().contains("needs AI Engineer Workbench 1.2.3");
    }

    @Test
    void warningsAreReportedButLeaveThePackValid() {
        Path root = copyDefaultPackWithoutAssessments(temp.resolve("pack"));
        move(root, weekFile(12), "weeks/milestone-week.md");
        replaceLine(root.resolve(W01), "hours:", "hours: 0.5");
        double taskHours = read(root.resolve(W01)).lines().filter(l -> l.matches(" {4}hours: [0-9.]+"))
                .mapToDouble(l -> Double.parseDouble(l.substring(l.indexOf(':') + 1).strip())).sum();

        LoadResult result = load(root);

        assertThat(lines(result)).containsExactly(
                at(root, W01, "hours: |0.5") + ": warning: the tasks' hours add up to " + taskHours
                        + ", more than the week's 0.5",
                "weeks/milestone-week.md:1:1: warning: week files are named NN-title.md (for example 12-intro.md)");
        assertThat(result.warningCount()).isEqualTo(2);
        assertThat(result.valid()).isTrue();
    }

    @Test
    void reportsEveryProblemAtOnceInFileOrder() {
        Path root = copyDefaultPackWithoutAssessments(temp.resolve("pack"));
        insertAfterLine(root.resolve(PACK), "license:", "homepage: https://example.com");
        replaceLine(root.resolve(weekFile(3)), "hours:", "hours: lots");
        replaceOnce(root.resolve(P2), "\n  week: 24\n", "\n  week: 23\n");

        LoadResult result = load(root);

        assertThat(lines(result)).containsExactly(
                at(root, PACK, "homepage: |https://example.com") + ": unknown field 'homepage'",
                at(root, P2, "\n  week: |23\n") + ": the milestone is due in week 23 but the phase ends in week 24; "
                        + "a milestone closes its phase",
                at(root, weekFile(3), "hours: |lots") + ": hours: wrong type: expected number, found string");
        assertThat(result.errorCount()).isEqualTo(3);
    }

    @Test
    void aBrokenPackStillYieldsWhatCouldBeRead() {
        Path root = copyDefaultPackWithoutAssessments(temp.resolve("pack"));
        dropOpeningLine(root.resolve(W05));
        replaceLine(root.resolve(weekFile(7)), "hours:", "hours: many");

        LoadResult result = load(root);

        assertThat(result.valid()).isFalse();
        assertThat(result.errorCount()).isEqualTo(3);
        Pack partial = result.pack().orElseThrow();
        assertThat(partial.id()).isEqualTo("devops-to-ai");
        assertThat(partial.phases()).hasSize(3);
        assertThat(partial.weeks()).hasSize(35);
        assertThat(partial.weekNumber(5)).isEmpty();
        assertThat(partial.weekNumber(7)).get().satisfies(w -> assertThat(w.tasks()).isNotEmpty());
        assertThat(partial.weekNumber(36)).isPresent();
        assertThat(partial.workItem("w01-project-setup")).isPresent();
    }

    @Test
    void aPackWithoutItsManifestHasNoModelButStillListsTheOtherProblems() {
        Path root = copyDefaultPackWithoutAssessments(temp.resolve("pack"));
        delete(root.resolve(PACK));
        replaceLine(root.resolve(W01), "hours:", "hours: none");

        LoadResult result = load(root);

        assertThat(result.pack()).isEmpty();
        assertThat(lines(result)).containsExactly(
                "pack.yaml:1:1: file is missing: every pack has a pack.yaml at its top",
                at(root, W01, "hours: |none") + ": hours: wrong type: expected number, found string");
    }

    /** Removes the opening {@code ---} line of a week file, so it has no front matter. */
    private static void dropOpeningLine(Path weekFile) {
        String text = read(weekFile);
        assertThat(text).startsWith("---\n");
        write(weekFile, text.substring(4));
    }

    private static void delete(Path file) {
        try {
            Files.delete(file);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static void move(Path root, String from, String to) {
        try {
            Files.move(root.resolve(from), root.resolve(to));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
