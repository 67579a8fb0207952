package dev.aiworkbench.labs.definition;

import dev.aiworkbench.curriculum.Pack;
import dev.aiworkbench.testing.TestPacks;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.function.Consumer;
import java.util.function.Function;
import java.util.stream.Stream;

import static dev.aiworkbench.labs.definition.LabFiles.ID;
import static dev.aiworkbench.labs.definition.LabFiles.LAB;
import static dev.aiworkbench.labs.definition.LabFiles.at;
import static dev.aiworkbench.labs.definition.LabFiles.lines;
import static dev.aiworkbench.labs.definition.LabFiles.oneCheck;
import static dev.aiworkbench.testing.PackFiles.insertAfterLine;
import static dev.aiworkbench.testing.PackFiles.replaceLine;
import static dev.aiworkbench.testing.PackFiles.replaceOnce;
import static dev.aiworkbench.testing.PackFiles.write;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * A corpus of broken labs: each is the valid lab with one edit (or a small lab written whole), and the loader
 * must report exactly the problem that edit made, as {@code file:line:col: message}, and nothing else. The lab
 * is loaded with the default pack, so the tasks it marks are checked too.
 */
class BrokenLabTest {
    private static final String ONE = "one-check";
    private static final String ONE_LAB = "labs/" + ONE + "/lab.yaml";
    private static final Pack PACK = TestPacks.defaultPack();

    @TempDir
    Path temp;

    /** One broken lab: the edit (given the folder holding labs/) and the lines it must produce, read after the edit. */
    record Case(String name, String labId, Consumer<Path> edit, Function<Path, List<String>> expected) {
        @Override
        public String toString() {
            return name;
        }
    }

    private static Case edit(String name, Consumer<Path> edit, Function<Path, String> expected) {
        return new Case(name, ID, edit, root -> List.of(expected.apply(root)));
    }

    /** A lab of one check with the given services; the expected line is read from its lab.yaml. */
    private static Case small(String name, String services, String check, Function<Path, String> expected) {
        return new Case(name, ONE, root -> LabFiles.writeLab(root, ONE, oneCheck(ONE, services, check)),
                root -> List.of(expected.apply(root)));
    }

    private static Path yaml(Path root) {
        return root.resolve(LAB);
    }

    private static Path lab(Path root) {
        return root.resolve("labs").resolve(ID);
    }

    static Stream<Case> corpus() {
        return Stream.of(
                // what the schema finds
                edit("YAML syntax error", root -> replaceLine(yaml(root), "title:", "title: A typed: service"),
                        root -> at(root, LAB, "title: A typed|: service") + ": YAML syntax error: "
                                + "mapping values are not allowed here"),
                edit("duplicate YAML key", root -> insertAfterLine(yaml(root), "title:", "title: Again"),
                        root -> at(root, LAB, "\ntitle|: Again") + ": YAML syntax error: duplicate key 'title'"),
                edit("missing field", root -> replaceLine(yaml(root), "summary:", ""),
                        root -> at(root, LAB, "\n|id: demo-lab") + ": missing field 'summary'"),
                edit("unknown field", root -> insertAfterLine(yaml(root), "summary:", "difficulty: hard"),
                        root -> at(root, LAB, "difficulty: |hard") + ": unknown field 'difficulty'"),
                edit("unknown field in a check", root -> replaceOnce(yaml(root), "        timeout: 5\n",
                                "        timeout: 5\n        retries: 3\n"),
                        root -> at(root, LAB, "retries: |3") + ": steps[0].checks[0]: unknown field 'retries'"),
                edit("a field of another check type", root -> replaceOnce(yaml(root), "        type: file\n",
                                "        type: file\n        prompt: Hello\n"),
                        root -> at(root, LAB, "prompt: |Hello") + ": steps[2].checks[1]: unknown field 'prompt'"),
                edit("unknown check type", root -> replaceOnce(yaml(root), "type: file\n", "type: files\n"),
                        root -> at(root, LAB, "type: |files") + ": steps[2].checks[1].type: 'files' is not one of "
                                + "[\"http\", \"qdrant\", \"ollama\", \"file\", \"command\", \"eval\", \"tool-choice\"]"),
                edit("http check without url", root -> replaceOnce(yaml(root), "        url: \"{{fastapi.url}}/health\"\n",
                                ""),
                        root -> at(root, LAB, "- |id: health-ok") + ": steps[0].checks[0]: missing field 'url'"),
                edit("step id not an id", root -> replaceOnce(yaml(root), "  - id: ask\n", "  - id: Ask Me\n"),
                        root -> at(root, LAB, "id: |Ask Me") + ": steps[2].id: 'Ask Me' is not a valid id "
                                + "(use lower-case letters, digits and hyphens)"),
                edit("marked task id not an id", root -> replaceOnce(yaml(root), "marks: [w03-health-lab]",
                                "marks: [W03]"),
                        root -> at(root, LAB, "marks: [|W03]") + ": marks[0]: 'W03' is not a valid id "
                                + "(use lower-case letters, digits and hyphens)"),
                edit("unknown service name", root -> replaceOnce(yaml(root), "  - fastapi\n", "  - fastapi\n  - redis\n"),
                        root -> at(root, LAB, "- |redis") + ": services[1]: 'redis' is not one of "
                                + "[\"ollama\", \"qdrant\", \"fastapi\"]"),
                edit("unknown service type", root -> replaceOnce(yaml(root), "  - fastapi\n",
                                "  - fastapi\n  - type: redis\n"),
                        root -> at(root, LAB, "type: |redis") + ": services[1].type: 'redis' is not one of "
                                + "[\"ollama\", \"qdrant\", \"fastapi\"]"),
                edit("unknown field in a service", root -> replaceOnce(yaml(root), "    apiKey: lab-secret\n",
                                "    apiKey: lab-secret\n    port: 6333\n"),
                        root -> at(root, LAB, "port: |6333") + ": services[1]: unknown field 'port'"),
                edit("timeout of zero", root -> replaceOnce(yaml(root), "timeout: 5\n", "timeout: 0\n"),
                        root -> at(root, LAB, "timeout: |0") + ": steps[0].checks[0].timeout: "
                                + "must have an exclusive minimum value of 0"),
                edit("pass rate above 1", root -> replaceOnce(yaml(root), "minPassRate: 0.8", "minPassRate: 2"),
                        root -> at(root, LAB, "minPassRate: |2") + ": steps[2].checks[3].minPassRate: "
                                + "must have a maximum value of 1"),
                edit("no steps", root -> replaceOnce(yaml(root), read(yaml(root)).substring(
                                read(yaml(root)).indexOf("steps:\n")), "steps: []\n"),
                        root -> at(root, LAB, "steps: |[]") + ": steps: needs at least 1 item(s)"),

                // the rules a schema cannot express
                edit("id differs from the folder name", root -> replaceLine(yaml(root), "id: demo-lab", "id: demo"),
                        root -> at(root, LAB, "\nid: |demo\n") + ": the id 'demo' differs from the lab's folder name "
                                + "'demo-lab': a lab's id is the name of its folder"),
                edit("duplicate step id", root -> replaceOnce(yaml(root), "  - id: ask\n", "  - id: index\n"),
                        root -> at(root, LAB, "  - id: |index\n    title: Ask") + ": duplicate step id 'index' "
                                + "(first used at " + at(root, LAB, "  - id: |index\n    title: Index") + ")"),
                edit("duplicate check id in another step", root -> replaceOnce(yaml(root), "- id: notes\n",
                                "- id: health-ok\n"),
                        root -> at(root, LAB, "- id: |health-ok\n        type: file") + ": duplicate check id "
                                + "'health-ok' (first used at " + at(root, LAB, "- id: |health-ok\n        type: http")
                                + ")"),
                edit("service declared twice", root -> replaceOnce(yaml(root), "  - fastapi\n",
                                "  - fastapi\n  - type: fastapi\n"),
                        root -> at(root, LAB, "type: |fastapi") + ": the service 'fastapi' is declared twice "
                                + "(first at " + at(root, LAB, "  - |fastapi") + ")"),
                edit("a field of another service", root -> replaceOnce(yaml(root), "    apiKey: lab-secret\n",
                                "    apiKey: lab-secret\n    model: llama3.2:1b\n"),
                        root -> at(root, LAB, "    model: |llama3.2:1b\n  - type: ollama")
                                + ": 'model' applies to the ollama service only"),
                edit("fastapi app that is not a uvicorn target", root -> replaceOnce(yaml(root), "  - fastapi\n",
                                "  - type: fastapi\n    app: main.py\n"),
                        root -> at(root, LAB, "app: |main.py") + ": 'main.py' is not a uvicorn target: write "
                                + "module:attribute, for example main:app"),
                small("an http check on a service the lab does not declare", "[fastapi]", """
                                - id: collections
                                  type: http
                                  url: "{{qdrant.url}}/collections"
                                """,
                        root -> at(root, ONE_LAB, "url: |\"{{qdrant") + ": {{qdrant.url}} needs the qdrant service: "
                                + "add qdrant to the lab's services"),
                small("a qdrant check without the qdrant service", "[fastapi]", """
                                - id: collection
                                  type: qdrant
                                  collection: items
                                """,
                        root -> at(root, ONE_LAB, "type: |qdrant") + ": a check of type qdrant needs the qdrant service: "
                                + "add qdrant to the lab's services"),
                small("an eval check without the ollama service", "[]", """
                                - id: quality
                                  type: eval
                                  suite: evals/suite.yaml
                                  minPassRate: 0.5
                                """,
                        root -> at(root, ONE_LAB, "type: |eval") + ": a check of type eval needs the ollama service: "
                                + "add ollama to the lab's services"),
                small("a text query without an embedding model", "[qdrant, ollama]", """
                                - id: search
                                  type: qdrant
                                  collection: docs
                                  query: {text: restart a pod}
                                """,
                        root -> at(root, ONE_LAB, "text: |restart") + ": query.text is embedded with the lab's "
                                + "embedding model: declare the ollama service with an embedModel"),
                edit("a query with both text and vector", root -> replaceOnce(yaml(root), "\n          text: a small widget\n",
                                "\n          text: a small widget\n          vector: [1, 0, 0, 0]\n"),
                        root -> at(root, LAB, "vector: |[1, 0") + ": give query.text or query.vector, not both"),
                edit("a top hit without a query", root -> replaceOnce(yaml(root),
                                "\n          vector: [0.1, 0.2, 0.3, 0.4]\n", "\n"),
                        root -> at(root, LAB, "topHit: |{name: widget}\n      - id: semantic")
                                + ": query.topHit needs query.text or query.vector to search with"),
                edit("a query vector of the wrong size", root -> replaceOnce(yaml(root), "[0.1, 0.2, 0.3, 0.4]",
                                "[0.1, 0.2, 0.3]"),
                        root -> at(root, LAB, "vector: |[0.1") + ": query.vector has 3 numbers but vectorSize is 4"),
                edit("{{python}} outside a command", root -> replaceOnce(yaml(root), "path: notes/answers.md",
                                "path: \"{{python}}.txt\""),
                        root -> at(root, LAB, "path: |\"{{python}}") + ": {{python}} may be used only in a command "
                                + "check's run list"),
                edit("unknown placeholder", root -> replaceOnce(yaml(root), "{{fastapi.url}}/health",
                                "{{fastapi.uri}}/health"),
                        root -> at(root, LAB, "url: |\"{{fastapi.uri}}") + ": unknown placeholder {{fastapi.uri}}: "
                                + "the workbench fills {{fastapi.url}}, {{qdrant.url}}, {{qdrant.grpc}}, {{ollama.url}}, "
                                + "and in a command check's run list {{python}}"),
                edit("expect without a prompt", root -> replaceOnce(yaml(root),
                                "        prompt: Reply with the single word OK.\n", ""),
                        root -> at(root, LAB, "expect: |{contains: OK}") + ": expect needs a prompt: the model is "
                                + "asked the prompt and its answer checked"),
                edit("output pattern that is not a regular expression", root -> replaceOnce(yaml(root),
                                "output: \"\\\\d+ passed\"", "output: \"(passed\""),
                        root -> at(root, LAB, "output: |\"(passed") + ": expect.output: '(passed' is not a valid "
                                + "regular expression (Unclosed group)"),
                edit("file check that leaves the workspace", root -> replaceOnce(yaml(root), "path: notes/answers.md",
                                "path: ../../.ssh/id_rsa"),
                        root -> at(root, LAB, "path: |../..") + ": path: '../../.ssh/id_rsa' leaves the workspace"),
                edit("absolute eval suite", root -> replaceOnce(yaml(root), "suite: evals/answers.yaml",
                                "suite: /etc/passwd"),
                        root -> at(root, LAB, "suite: |/etc") + ": suite: '/etc/passwd' is not relative: write it "
                                + "relative to the workspace"),
                edit("inline schema that is not a schema", root -> replaceOnce(yaml(root), "schema: schemas/item.json",
                                "schema: 42"),
                        root -> at(root, LAB, "schema: |42") + ": expect.schema: give a JSON Schema (an object) or "
                                + "the path of a schema file in the lab"),
                edit("marked task not in the pack", root -> replaceOnce(yaml(root), "marks: [w03-health-lab]",
                                "marks: [w03-health-lab, w99-nothing]"),
                        root -> at(root, LAB, "|w99-nothing") + ": unknown task 'w99-nothing': pack 'devops-to-ai' "
                                + "has no task or milestone check with that id"),
                edit("week not in the pack", root -> replaceOnce(yaml(root), "weeks: [3, 4]", "weeks: [3, 40]"),
                        root -> at(root, LAB, "weeks: [3, |40]") + ": week 40 is not in pack 'devops-to-ai' "
                                + "(it has weeks 1-36)"),

                // the files lab.yaml names
                edit("guide missing", root -> delete(lab(root).resolve("steps/02-index.md")),
                        root -> at(root, LAB, "guide: |steps/02") + ": guide: 'steps/02-index.md' does not exist in "
                                + "the lab folder"),
                edit("guide that leaves the lab folder", root -> replaceOnce(yaml(root), "guide: steps/02-index.md",
                                "guide: ../other-lab/steps/02-index.md"),
                        root -> at(root, LAB, "guide: |../other") + ": guide: '../other-lab/steps/02-index.md' "
                                + "leaves the lab folder"),
                edit("guide with an absolute path", root -> replaceOnce(yaml(root), "guide: steps/02-index.md",
                                "guide: /etc/passwd"),
                        root -> at(root, LAB, "guide: |/etc") + ": guide: '/etc/passwd' is not relative: write it "
                                + "relative to the lab folder"),
                edit("guide with backslashes", root -> replaceOnce(yaml(root), "guide: steps/02-index.md",
                                "guide: steps\\02-index.md"),
                        root -> at(root, LAB, "guide: |steps\\") + ": guide: 'steps\\02-index.md' uses backslashes: "
                                + "write paths with forward slashes"),
                edit("guide that is a folder", root -> replaceOnce(yaml(root), "guide: steps/02-index.md",
                                "guide: steps"),
                        root -> at(root, LAB, "guide: |steps\n    checks:\n      - id: collection")
                                + ": guide: 'steps' is a folder, not a Markdown file"),
                edit("empty guide", root -> write(lab(root).resolve("steps/02-index.md"), "\n  \n"),
                        root -> "labs/demo-lab/steps/02-index.md:1:1: the guide is empty: explain the step in Markdown"),
                edit("starter folder missing", root -> deleteTree(lab(root).resolve("starter")),
                        root -> at(root, LAB, "starter: |starter") + ": starter: 'starter' does not exist in the lab "
                                + "folder"),
                edit("solution that is a file", root -> replaceOnce(yaml(root), "solution: solution",
                                "solution: solution/main.py"),
                        root -> at(root, LAB, "solution: |solution/main.py") + ": solution: 'solution/main.py' is a "
                                + "file, not a folder"),
                edit("starter that is the lab folder itself", root -> replaceOnce(yaml(root), "starter: starter",
                                "starter: ."),
                        root -> at(root, LAB, "starter: |.") + ": starter: '.' names the lab folder itself"),
                edit("schema file missing", root -> delete(lab(root).resolve("schemas/item.json")),
                        root -> at(root, LAB, "schema: |schemas") + ": expect.schema: 'schemas/item.json' does not "
                                + "exist in the lab folder"),
                edit("schema file that is not JSON", root -> write(lab(root).resolve("schemas/item.json"),
                                "{\n  \"type\": \"object\",\n  \"required\": [\"id\"\n}\n"),
                        root -> "labs/demo-lab/schemas/item.json:4:1: JSON syntax error: Unexpected close marker '}': "
                                + "expected ']'"),
                edit("file check naming a schema the lab lacks", root -> replaceOnce(yaml(root),
                                "        path: notes/answers.md\n", "        path: notes/answers.md\n        schema: schemas/notes.json\n"),
                        root -> at(root, LAB, "schema: |schemas/notes") + ": schema: 'schemas/notes.json' does not exist"
                                + " in the lab folder"),
                edit("file check whose schema is a number", root -> replaceOnce(yaml(root),
                                "        path: notes/answers.md\n", "        path: notes/answers.md\n        schema: 42\n"),
                        root -> at(root, LAB, "schema: |42") + ": schema: give a JSON Schema (an object) or the path of"
                                + " a schema file in the lab"),
                edit("schema file that is not a schema", root -> write(lab(root).resolve("schemas/item.json"), "[1, 2]\n"),
                        root -> "labs/demo-lab/schemas/item.json:1:1: is not a JSON Schema: a schema is an object "
                                + "such as {\"type\": \"object\"}"),
                edit("lab.yaml missing", root -> delete(yaml(root)),
                        root -> "labs/demo-lab/lab.yaml:1:1: file is missing: every lab has a lab.yaml in its folder"),
                edit("a guide over the size bound", root -> write(lab(root).resolve("steps/02-index.md"),
                                "#" + "x".repeat(1024 * 1024) + "\n"),
                        root -> "labs/demo-lab/steps/02-index.md:1:1: is larger than 1024 KB"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("corpus")
    void reportsExactlyTheProblemTheEditMade(Case broken) {
        Path root = temp.resolve("repo");
        LabFiles.writeValidLab(root);
        broken.edit().accept(root);

        LabLoadResult result = LabFiles.load(root, broken.labId(), Optional.of(PACK));

        assertThat(lines(result)).containsExactlyElementsOf(broken.expected().apply(root));
        assertThat(result.valid()).isFalse();
    }

    @Test
    void aSymbolicLinkAnywhereInTheLabIsReportedAndNotFollowed() throws IOException {
        Path root = temp.resolve("repo");
        Path lab = LabFiles.writeValidLab(root);
        Path secret = Files.writeString(temp.resolve("secret.md"), "# secret\n");
        Files.delete(lab.resolve("steps/02-index.md"));
        Files.createSymbolicLink(lab.resolve("steps/02-index.md"), secret);
        Files.createSymbolicLink(lab.resolve("starter/config.py"), secret);

        LabLoadResult result = LabFiles.load(root, ID);

        assertThat(lines(result)).containsExactly(
                "labs/demo-lab/starter/config.py:1:1: is a symbolic link; labs may not contain links",
                "labs/demo-lab/steps/02-index.md:1:1: is a symbolic link; labs may not contain links");
        assertThat(result.lab().orElseThrow().steps().get(1).guide()).isEmpty();
    }

    @Test
    void aLinkedLabYamlOrLabFolderIsRefused() throws IOException {
        Path root = temp.resolve("repo");
        Path lab = LabFiles.writeValidLab(root);
        Path outside = Files.copy(lab.resolve("lab.yaml"), temp.resolve("outside.yaml"));
        Files.delete(lab.resolve("lab.yaml"));
        Files.createSymbolicLink(lab.resolve("lab.yaml"), outside);
        Files.createSymbolicLink(root.resolve("labs/linked-lab"), lab);

        assertThat(lines(LabFiles.load(root, ID)))
                .containsExactly("labs/demo-lab/lab.yaml:1:1: is a symbolic link; labs may not contain links");
        assertThat(lines(LabFiles.load(root, "linked-lab")))
                .containsExactly("labs/linked-lab:1:1: is a symbolic link; labs may not contain links");
        LabCatalog catalog = LabCatalog.load(root, Optional.empty());
        assertThat(catalog.ids()).containsExactly(ID);
        assertThat(lines(catalog.allProblems())).containsExactly(
                "labs/demo-lab/lab.yaml:1:1: is a symbolic link; labs may not contain links",
                "labs/linked-lab:1:1: is a symbolic link; labs may not contain links");
    }

    @Test
    void aFolderWithoutLabYamlIsNotALabButLoadingItByIdSaysWhatIsMissing() {
        Path root = temp.resolve("repo");
        LabFiles.writeValidLab(root);
        write(root.resolve("labs/fastapi-stub/main.py"), "app = None\n");

        assertThat(LabCatalog.load(root, Optional.empty()).ids()).containsExactly(ID);
        assertThat(lines(LabFiles.load(root, "fastapi-stub")))
                .containsExactly("labs/fastapi-stub/lab.yaml:1:1: file is missing: every lab has a lab.yaml in its folder");
        assertThat(lines(LabFiles.load(root, "no-such-lab")))
                .containsExactly("labs/no-such-lab/lab.yaml:1:1: file is missing: there is no lab folder labs/no-such-lab/");
        assertThat(lines(LabFiles.load(root, "..")))
                .containsExactly("labs/..:1:1: '..' is not a lab folder name");
    }

    @Test
    void everyProblemIsReportedAtOnceInFileOrder() {
        Path root = temp.resolve("repo");
        Path lab = LabFiles.writeValidLab(root);
        replaceLine(yaml(root), "id: demo-lab", "id: demo");
        replaceOnce(yaml(root), "- id: notes\n", "- id: health-ok\n");
        replaceOnce(yaml(root), "        timeout: 5\n", "        timeout: 5\n        retries: 3\n");
        delete(lab.resolve("steps/01-health.md"));
        write(lab.resolve("schemas/item.json"), "[]\n");

        LabLoadResult result = LabFiles.load(root, ID);

        assertThat(lines(result)).containsExactly(
                at(root, LAB, "\nid: |demo\n") + ": the id 'demo' differs from the lab's folder name 'demo-lab': "
                        + "a lab's id is the name of its folder",
                at(root, LAB, "guide: |steps/01") + ": guide: 'steps/01-health.md' does not exist in the lab folder",
                at(root, LAB, "retries: |3") + ": steps[0].checks[0]: unknown field 'retries'",
                at(root, LAB, "- id: |health-ok\n        type: file") + ": duplicate check id 'health-ok' (first used at "
                        + at(root, LAB, "- id: |health-ok\n        type: http") + ")",
                "labs/demo-lab/schemas/item.json:1:1: is not a JSON Schema: a schema is an object such as "
                        + "{\"type\": \"object\"}");
        assertThat(result.errorCount()).isEqualTo(5);
    }

    @Test
    void aBrokenLabStillYieldsWhatCouldBeRead() {
        Path root = temp.resolve("repo");
        LabFiles.writeValidLab(root);
        replaceOnce(yaml(root), "        url: \"{{fastapi.url}}/health\"\n", "");
        replaceOnce(yaml(root), "  - id: ask\n    title: Ask", "  - title: Ask");
        replaceOnce(yaml(root), "  - fastapi\n", "  - fastapi\n  - redis\n");

        LabLoadResult result = LabFiles.load(root, ID);

        assertThat(result.valid()).isFalse();
        assertThat(result.errorCount()).isEqualTo(3);
        LabDefinition partial = result.lab().orElseThrow();
        assertThat(partial.id()).isEqualTo(ID);
        assertThat(partial.services()).extracting(ServiceSpec::type)
                .containsExactly(ServiceType.FASTAPI, ServiceType.QDRANT, ServiceType.OLLAMA);
        assertThat(partial.steps()).extracting(LabStep::id).containsExactly("health", "index");
        assertThat(partial.steps().get(0).checks()).extracting(CheckSpec::id).containsExactly("create-item");
        assertThat(partial.steps().get(0).guide()).isEqualTo(LabFiles.GUIDE_1);
    }

    @Test
    void aNamedStarterAndSolutionAreNotWarnedAboutButUnnamedOnesAre() {
        Path root = temp.resolve("repo");
        LabFiles.writeValidLab(root);
        replaceOnce(yaml(root), "  starter: starter\n  solution: solution\n", "");

        LabLoadResult result = LabFiles.load(root, ID);

        assertThat(lines(result)).containsExactly(
                at(root, LAB, "workspace:\n  |stub") + ": warning: the lab has a solution/ folder but "
                        + "workspace.solution does not name it, so it is not used",
                at(root, LAB, "workspace:\n  |stub") + ": warning: the lab has a starter/ folder but "
                        + "workspace.starter does not name it, so it is not used");
        assertThat(result.valid()).isTrue();
        assertThat(result.lab().orElseThrow().starter()).isNull();
    }

    private static String read(Path file) {
        return dev.aiworkbench.testing.PackFiles.read(file);
    }

    private static void delete(Path file) {
        try {
            Files.delete(file);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static void deleteTree(Path folder) {
        try (Stream<Path> files = Files.walk(folder)) {
            files.sorted(java.util.Comparator.reverseOrder()).forEach(BrokenLabTest::delete);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
