package dev.aiworkbench.authoring;

import dev.aiworkbench.app.AppInfo;
import dev.aiworkbench.diagnostics.Problem;
import dev.aiworkbench.testing.PackFiles;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * One test per lint rule: a copy of the default pack with one edit reports exactly the problem that edit made, as
 * {@code file:line:col: severity: rule: message}.
 */
class PackLinterTest {
    private static final String WEEK_1 = "weeks/01-async-python.md";
    private static final String MILESTONE_1 = "assessments/milestone-1.yaml";

    @TempDir
    Path temp;

    private static LintReport lint(Path root) {
        return new PackLinter(AppInfo.version()).lint(root);
    }

    private static List<String> lines(Path root) {
        return lint(root).problems().stream().map(PackLinterTest::line).toList();
    }

    private static String line(Problem p) {
        return p.file() + ":" + p.line() + ":" + p.column() + ": " + p.severity().name().toLowerCase(Locale.ROOT)
                + ": " + p.rule() + ": " + p.message();
    }

    private Path pack() {
        return PackFiles.copyDefaultPack(temp.resolve("pack"));
    }

    /** Without assessments, so that an edit to a week is not echoed by the items that test it. */
    private Path packWithoutAssessments() {
        return PackFiles.copyDefaultPackWithoutAssessments(temp.resolve("pack"));
    }

    @Test
    void theDefaultPackLintsClean() {
        LintReport report = lint(PackFiles.DEFAULT_PACK);

        assertThat(report.problems()).isEmpty();
        assertThat(report.pack()).isEqualTo("devops-to-ai 2026.1.0");
    }

    @Test
    void theZippedDefaultPackLintsClean() {
        Path zip = PackFiles.zip(PackFiles.DEFAULT_PACK, temp.resolve("pack.zip"), "devops-to-ai");

        assertThat(lint(zip).problems()).isEmpty();
    }

    @Test
    void schema() {
        Path root = pack();
        PackFiles.insertAfterLine(root.resolve("pack.yaml"), "license:", "homepage: https://example.com");

        assertThat(lines(root)).containsExactly(
                PackFiles.at(root, "pack.yaml", "homepage: |https") + ": error: schema: unknown field 'homepage'");
    }

    @Test
    void duplicateId() {
        Path root = packWithoutAssessments();
        PackFiles.replaceLine(root.resolve(WEEK_1), "  - id: w01-reflect", "  - id: w01-read-asyncio");

        assertThat(lines(root)).containsExactly(PackFiles.at(root, WEEK_1, "  - id: |w01-read-asyncio\n    kind: reflect")
                + ": error: duplicate-id: duplicate id 'w01-read-asyncio' (first used at "
                + PackFiles.at(root, WEEK_1, "  - id: |w01-read-asyncio\n    kind: read") + ")");
    }

    @Test
    void idKebabCase() {
        Path root = packWithoutAssessments();
        PackFiles.replaceLine(root.resolve(WEEK_1), "  - id: w01-reflect", "  - id: w01--reflect-");

        assertThat(lines(root)).containsExactly(PackFiles.at(root, WEEK_1, "  - id: |w01--reflect-")
                + ": error: id-kebab-case: the id 'w01--reflect-' is not kebab-case: join words with single hyphens "
                + "and do not end with one (for example 'w01-reflect')");
    }

    @Test
    void unknownReference() {
        Path root = pack();
        PackFiles.replaceLine(root.resolve(WEEK_1), "module:", "module: m01-python-foundatons");

        assertThat(lines(root)).containsExactly(PackFiles.at(root, WEEK_1, "module: |m01-python-foundatons")
                + ": error: unknown-reference: unknown module 'm01-python-foundatons'");
    }

    @Test
    void aGuideLinkToAFileThePackLacksIsAnUnknownReference() {
        Path root = pack();
        appendToGuide(root, WEEK_1, "\nThe [loop, drawn](img/loop.png) shows it.\n");

        assertThat(lines(root)).containsExactly(PackFiles.at(root, WEEK_1, "|[loop, drawn]")
                + ": error: unknown-reference: the link 'img/loop.png' points at weeks/img/loop.png, which is not a "
                + "file of the pack: fix the path or add the file");
    }

    @Test
    void weekTaskCount() {
        Path root = packWithoutAssessments();
        Path week = root.resolve(WEEK_1);
        PackFiles.replaceLine(week, "hours:", "hours: 6");
        for (String id : List.of("w01-event-loop", "w01-read-asyncio", "w01-reflect")) {
            dropTask(week, id);
        }

        assertThat(lines(root)).containsExactly(PackFiles.at(root, WEEK_1, "tasks:\n  |- id: w01-project-setup")
                + ": error: week-task-count: the week has 2 tasks; a week has 3 to 6: split a task or add one");
    }

    @Test
    void weekHoursThatFallShortOfTheWeekAreAnErrorToo() {
        Path root = pack();
        PackFiles.replaceLine(root.resolve(WEEK_1), "hours:", "hours: 13");

        assertThat(lines(root)).containsExactly(PackFiles.at(root, WEEK_1, "hours: |13")
                + ": error: week-hours: the tasks' hours add up to 12 but the week has 13: change the week's hours "
                + "or a task's so they agree");
    }

    @Test
    void weekHoursThatExceedTheWeekAreReportedOnceByTheLinter() {
        Path root = pack();
        PackFiles.replaceLine(root.resolve(WEEK_1), "hours:", "hours: 11.5");

        assertThat(lines(root)).containsExactly(PackFiles.at(root, WEEK_1, "hours: |11.5")
                + ": error: week-hours: the tasks' hours add up to 12 but the week has 11.5: change the week's hours "
                + "or a task's so they agree");
    }

    @Test
    void httpsLinks() {
        Path root = pack();
        PackFiles.replaceOnce(root.resolve(WEEK_1), "url: https://docs.python.org/3/library/asyncio.html",
                "url: http://docs.python.org/3/library/asyncio.html");
        appendToGuide(root, WEEK_1, "\nSee [the old page](http://example.com/old).\n");

        LintReport report = lint(root);

        assertThat(report.problems().stream().map(PackLinterTest::line)).containsExactly(
                PackFiles.at(root, WEEK_1, "url: |http://docs") + ": warning: https-links: "
                        + "'http://docs.python.org/3/library/asyncio.html' is plain http: link the https address, "
                        + "which browsers do not flag and nobody on the way can change",
                PackFiles.at(root, WEEK_1, "See |[the old page]") + ": warning: https-links: 'http://example.com/old' "
                        + "is plain http: link the https address, which browsers do not flag and nobody on the way "
                        + "can change");
        assertThat(report.passes()).isTrue();
    }

    @Test
    void labCheckService() throws IOException {
        Path root = pack();
        Path lab = copyLab("rag-qdrant", root);
        PackFiles.replaceOnce(lab.resolve("lab.yaml"), "services:\n  - type: qdrant\n", "services:\n");

        List<Problem> problems = lint(root).problems();

        assertThat(problems).isNotEmpty().allSatisfy(p -> assertThat(p.rule()).isEqualTo("lab-check-service"));
        assertThat(problems.stream().map(PackLinterTest::line)).contains(
                PackFiles.at(root, "labs/rag-qdrant/lab.yaml", "      - id: collection-shape\n        type: |qdrant")
                        + ": error: lab-check-service: a check of type qdrant needs the qdrant "
                        + "service: add qdrant to the lab's services");
    }

    @Test
    void assessmentKey() {
        Path root = pack();
        Path file = root.resolve(MILESTONE_1);
        String text = PackFiles.read(file);
        int single = text.indexOf("type: single");
        int wrong = text.indexOf("correct: false", single);
        PackFiles.write(file, text.substring(0, wrong) + "correct: true" + text.substring(wrong + "correct: false".length()));

        assertThat(lines(root)).containsExactly(PackFiles.at(root, MILESTONE_1,
                "|- text: \"`await asyncio.gather(*checks)`\"")
                + ": error: assessment-key: a single choice item has exactly one correct choice; this one has 2 "
                + "(use type: multiple for several)");
    }

    @Test
    void weekUntested() {
        Path root = pack();
        Path file = root.resolve(MILESTONE_1);
        PackFiles.write(file, PackFiles.read(file).replace("weeks: [week-02, week-06]", "weeks: [week-06]")
                .replace("weeks: [week-02]", "weeks: [week-01]"));

        assertThat(lines(root)).containsExactly(PackFiles.at(root, MILESTONE_1, "  |- id: m1-w01-check-1\n")
                + ": warning: week-untested: no item tests week-02 of the phase this milestone closes; add an item per "
                + "week so readiness can point at weak weeks");
    }

    @Test
    void unreferencedFile() {
        Path root = pack();
        PackFiles.write(root.resolve("weeks/notes.txt"), "ideas for week 3\n");

        assertThat(lines(root)).containsExactly("weeks/notes.txt:1:1: warning: unreferenced-file: nothing in the pack "
                + "uses this file: link it from a week's guide, or delete it so it does not ship to every learner");
    }

    @Test
    void anImageAGuideLinksIsReferenced() {
        Path root = pack();
        PackFiles.write(root.resolve("weeks/img/loop.svg"), "<svg xmlns=\"http://www.w3.org/2000/svg\"/>\n");
        appendToGuide(root, WEEK_1, "\n![The event loop](img/loop.svg)\n");

        assertThat(lines(root)).isEmpty();
    }

    @Test
    void anUnusedLabFolderIsOneWarning() throws IOException {
        Path root = pack();
        copyLab("tool-agent", root);
        Files.move(root.resolve("labs/tool-agent"), root.resolve("labs/stray"));
        PackFiles.replaceLine(root.resolve("labs/stray/lab.yaml"), "id:", "id: stray");

        assertThat(lines(root)).containsExactly("labs/stray/lab.yaml:1:1: warning: unreferenced-file: no week uses "
                + "the lab folder labs/stray/ and pack.yaml does not list it: list 'stray' in pack.yaml's labs and "
                + "use it in a week, or delete the folder");
    }

    @Test
    void utf8() throws IOException {
        Path root = pack();
        Path week = root.resolve(WEEK_1);
        String before = PackFiles.read(week);
        assertThat(before).endsWith("\n");
        Files.write(week, concat(Files.readAllBytes(week), "Caf".getBytes(), new byte[] {(byte) 0xE9, '\n'}));
        int lastLine = (int) before.lines().count() + 1;

        assertThat(lines(root)).contains(WEEK_1 + ":" + lastLine + ":4: error: utf-8: the byte 0xE9 here is not "
                + "valid UTF-8: save the file as UTF-8 in your editor (it was probably written in another encoding)");
    }

    private static void appendToGuide(Path root, String file, String markdown) {
        PackFiles.write(root.resolve(file), PackFiles.read(root.resolve(file)) + markdown);
    }

    /** Removes a task (its id line and the indented lines after it) from a week's front matter. */
    private static void dropTask(Path week, String id) {
        List<String> lines = PackFiles.read(week).lines().toList();
        StringBuilder kept = new StringBuilder();
        boolean dropping = false;
        for (String line : lines) {
            if (line.equals("  - id: " + id)) {
                dropping = true;
                continue;
            }
            if (dropping && line.startsWith("    ")) {
                continue;
            }
            dropping = false;
            kept.append(line).append('\n');
        }
        PackFiles.write(week, kept.toString());
    }

    /** Copies a lab from the repository's labs/ into the pack's labs/. */
    private static Path copyLab(String id, Path root) throws IOException {
        Path source = Path.of("labs", id);
        Path target = root.resolve("labs").resolve(id);
        try (Stream<Path> files = Files.walk(source)) {
            for (Path file : files.toList()) {
                Path copy = target.resolve(source.relativize(file).toString());
                if (Files.isDirectory(file)) {
                    Files.createDirectories(copy);
                } else {
                    Files.copy(file, copy);
                }
            }
        } catch (UncheckedIOException e) {
            throw e.getCause();
        }
        return target;
    }

    private static byte[] concat(byte[]... parts) {
        int length = 0;
        for (byte[] part : parts) {
            length += part.length;
        }
        byte[] all = new byte[length];
        int at = 0;
        for (byte[] part : parts) {
            System.arraycopy(part, 0, all, at, part.length);
            at += part.length;
        }
        return all;
    }
}
