package dev.aiworkbench.labs.definition;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.aiworkbench.testing.PackFiles;
import dev.aiworkbench.testing.TestPacks;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import static dev.aiworkbench.labs.definition.LabFiles.ID;
import static dev.aiworkbench.labs.definition.LabFiles.lines;
import static org.assertj.core.api.Assertions.assertThat;

/** A valid lab loads completely: every field of lab.yaml reaches the model, guides are read, nothing is reported. */
class LabLoaderTest {
    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    Path temp;

    @Test
    void aValidLabLoadsFullyWithoutAnyProblem() throws IOException {
        Path root = temp.resolve("repo");
        Path folder = LabFiles.writeValidLab(root);

        LabLoadResult result = LabFiles.load(root, ID, Optional.of(TestPacks.defaultPack()));

        assertThat(lines(result)).isEmpty();
        assertThat(result.valid()).isTrue();
        assertThat(result.id()).isEqualTo(ID);
        assertThat(result.folder().toRealPath()).isEqualTo(folder.toRealPath());
        LabDefinition lab = result.lab().orElseThrow();
        assertThat(lab.id()).isEqualTo(ID);
        assertThat(lab.title()).isEqualTo("A typed FastAPI service with search");
        assertThat(lab.summary()).startsWith("Answer a health check");
        assertThat(lab.weeks()).containsExactly(3, 4);
        assertThat(lab.marks()).containsExactly("w03-health-lab");
        assertThat(lab.starter()).isEqualTo("starter");
        assertThat(lab.solution()).isEqualTo("solution");
        assertThat(lab.hasSolution()).isTrue();
        assertThat(lab.stub()).isTrue();
        assertThat(lab.folder()).isEqualTo("labs/demo-lab");

        assertThat(lab.services()).containsExactly(
                new ServiceSpec(ServiceType.FASTAPI, null, null, null, ServiceSpec.DEFAULT_APP),
                new ServiceSpec(ServiceType.QDRANT, null, null, "lab-secret", null),
                new ServiceSpec(ServiceType.OLLAMA, "llama3.2:1b", "nomic-embed-text", null, null));
        assertThat(lab.service(ServiceType.OLLAMA)).map(ServiceSpec::embedModel).contains("nomic-embed-text");

        assertThat(lab.steps()).extracting(LabStep::id).containsExactly("health", "index", "ask");
        assertThat(lab.steps()).extracting(LabStep::title).containsExactly("Answer the health check",
                "Index the items in Qdrant", "Ask a local model and test the service");
        assertThat(lab.steps()).extracting(LabStep::guide).containsExactly(LabFiles.GUIDE_1, LabFiles.GUIDE_2, "");

        List<CheckSpec> health = lab.steps().get(0).checks();
        assertThat(health.get(0)).isEqualTo(new CheckSpec.Http("health-ok", "GET /health answers ok",
                Duration.ofSeconds(5), "Return {\"status\": \"ok\"} from GET /health.", "GET",
                "{{fastapi.url}}/health", Map.of(), null, 200, Map.of("$.status", JSON.readTree("\"ok\"")), null,
                null, 500L));
        assertThat(health.get(1)).isEqualTo(new CheckSpec.Http("create-item", "create-item",
                CheckSpec.DEFAULT_TIMEOUT, null, "POST", "{{ fastapi.url }}/items", Map.of("X-Trace", "lab"),
                JSON.readTree("{\"name\": \"widget\", \"price\": 2.5}"), 201, Map.of(), JSON.readTree("\"schemas/item.json\""),
                "widget", null));
        assertThat(health).allSatisfy(c -> assertThat(c.needs()).isEqualTo(ServiceType.FASTAPI));

        List<CheckSpec> index = lab.steps().get(1).checks();
        assertThat(index.get(0)).isEqualTo(new CheckSpec.Qdrant("collection", "collection", CheckSpec.DEFAULT_TIMEOUT,
                null, "items", 4, "Cosine", 3, null, List.of(0.1, 0.2, 0.3, 0.4),
                Map.of("name", JSON.readTree("\"widget\""))));
        assertThat(index.get(1)).isEqualTo(new CheckSpec.Qdrant("semantic-search", "semantic-search",
                CheckSpec.DEFAULT_TIMEOUT, null, "items", null, null, null, "a small widget", null,
                Map.of("name", JSON.readTree("\"widget\""))));
        assertThat(index.get(2)).isInstanceOfSatisfying(CheckSpec.Http.class, http -> {
            assertThat(http.needs()).isEqualTo(ServiceType.QDRANT);
            assertThat(http.headers()).containsExactly(Map.entry("api-key", "lab-secret"));
            assertThat(http.jsonPaths()).containsOnlyKeys("$.result.status");
            assertThat(http.status()).isNull();
        });

        List<CheckSpec> ask = lab.steps().get(2).checks();
        assertThat(ask).containsExactly(
                new CheckSpec.Ollama("model-answers", "model-answers", CheckSpec.DEFAULT_TIMEOUT, null, "llama3.2:1b",
                        "Reply with the single word OK.", "OK", false),
                new CheckSpec.File("notes", "notes", CheckSpec.DEFAULT_TIMEOUT, null, "notes/answers.md", "(?i)qdrant"),
                new CheckSpec.Command("pytest", "The service's tests pass", Duration.ofSeconds(120), null,
                        List.of("{{python}}", "-m", "pytest", "-q"), 0, "\\d+ passed"),
                new CheckSpec.Eval("answer-quality", "answer-quality", CheckSpec.DEFAULT_TIMEOUT, null,
                        "evals/answers.yaml", 0.8));
        assertThat(ask).extracting(CheckSpec::needs)
                .containsExactly(ServiceType.OLLAMA, null, null, ServiceType.OLLAMA);
    }

    @Test
    void orderOfHeadersAndJsonPathsIsKeptAsWritten() {
        Path root = temp.resolve("repo");
        LabFiles.writeLab(root, "ordered", LabFiles.oneCheck("ordered", "[fastapi]", """
                - id: ordered
                  type: http
                  url: "{{fastapi.url}}/"
                  timeout: 0.25
                  headers: {z-last: "1", a-first: "2"}
                  expect:
                    json: {$.z: 1, $.a: [1, 2], $.m: {k: v}}
                """));

        LabLoadResult result = LabFiles.load(root, "ordered");

        assertThat(lines(result)).isEmpty();
        CheckSpec.Http http = (CheckSpec.Http) result.lab().orElseThrow().steps().get(0).checks().get(0);
        assertThat(http.headers().keySet()).containsExactly("z-last", "a-first");
        assertThat(http.jsonPaths().keySet()).containsExactly("$.z", "$.a", "$.m");
        assertThat(http.jsonPaths().get("$.m").toString()).isEqualTo("{\"k\":\"v\"}");
        assertThat(http.timeout()).isEqualTo(Duration.ofMillis(250));
        assertThat(http.method()).isEqualTo("GET");
    }

    @Test
    void aLabWithoutThePackDoesNotCheckTheTasksItMarks() {
        Path root = temp.resolve("repo");
        LabFiles.writeValidLab(root);
        PackFiles.replaceOnce(root.resolve(LabFiles.LAB), "marks: [w03-health-lab]", "marks: [w99-nothing]");

        assertThat(lines(LabFiles.load(root, ID))).isEmpty();
        assertThat(lines(LabFiles.load(root, ID, Optional.of(TestPacks.defaultPack())))).singleElement().asString()
                .endsWith("unknown task 'w99-nothing': pack 'devops-to-ai' has no task or milestone check with that id");
    }

    @Test
    void aMilestoneCheckMayBeMarked() {
        Path root = temp.resolve("repo");
        LabFiles.writeValidLab(root);
        String check = TestPacks.defaultPack().phases().get(0).milestone().checklist().get(0).id();
        PackFiles.replaceOnce(root.resolve(LabFiles.LAB), "marks: [w03-health-lab]", "marks: [w03-health-lab, "
                + check + "]");

        assertThat(lines(LabFiles.load(root, ID, Optional.of(TestPacks.defaultPack())))).isEmpty();
    }

    @Test
    void labsInAPackZipLoadWithTheirFilesNamedFromThePack() throws IOException {
        Path root = temp.resolve("pack");
        LabFiles.writeValidLab(root);
        Files.delete(root.resolve("labs/demo-lab/steps/02-index.md"));
        PackFiles.write(root.resolve("pack.yaml"), "id: my-pack\n");
        Path zip = PackFiles.zip(root, temp.resolve("pack.zip"), "my-pack-1.0.0");

        LabCatalog catalog = LabCatalog.load(zip, Optional.empty());

        assertThat(catalog.ids()).containsExactly(ID);
        assertThat(lines(catalog.allProblems())).containsExactly(LabFiles.at(root, LabFiles.LAB, "guide: |steps/02")
                + ": guide: 'steps/02-index.md' does not exist in the lab folder");
        assertThat(catalog.lab(ID).orElseThrow().steps().get(0).guide()).isEqualTo(LabFiles.GUIDE_1);
    }

    @Test
    void aCatalogOfAFolderListsEveryLabWithItsResult() {
        Path root = temp.resolve("repo");
        LabFiles.writeValidLab(root);
        LabFiles.writeLab(root, "broken-lab", "id: broken-lab\ntitle: Broken\n");
        LabFiles.writeLab(root, "small-lab", LabFiles.oneCheck("small-lab", "[]", """
                - id: readme
                  type: file
                  path: README.md
                """));
        PackFiles.write(root.resolve("labs/fastapi-stub/main.py"), "app = None\n");

        LabCatalog catalog = LabCatalog.load(root, Optional.empty());

        assertThat(catalog.source()).isEqualTo(root.toString());
        assertThat(catalog.ids()).containsExactly("broken-lab", ID, "small-lab");
        assertThat(catalog.result("broken-lab").orElseThrow().valid()).isFalse();
        assertThat(catalog.result(ID).orElseThrow().valid()).isTrue();
        assertThat(catalog.lab("small-lab")).map(LabDefinition::title).contains("One check");
        assertThat(catalog.definitions()).extracting(LabDefinition::id).containsExactly("broken-lab", ID, "small-lab");
        assertThat(lines(catalog.allProblems())).containsExactly(
                "labs/broken-lab/lab.yaml:1:1: missing field 'services'",
                "labs/broken-lab/lab.yaml:1:1: missing field 'steps'",
                "labs/broken-lab/lab.yaml:1:1: missing field 'summary'");
        assertThat(catalog.valid()).isFalse();
    }

    @Test
    void aLabWhoseYamlCannotBeReadIsListedButHasNoDefinition() {
        Path root = temp.resolve("repo");
        LabFiles.writeValidLab(root);
        LabFiles.writeLab(root, "unreadable-lab", "id: [unreadable\n");

        LabCatalog catalog = LabCatalog.load(root, Optional.empty());

        assertThat(catalog.ids()).containsExactly(ID, "unreadable-lab");
        assertThat(catalog.lab("unreadable-lab")).isEmpty();
        assertThat(catalog.definitions()).extracting(LabDefinition::id).containsExactly(ID);
    }

    @Test
    void aFolderWithoutLabsHasAnEmptyCatalogAndAMissingFolderSaysSo() {
        assertThat(LabCatalog.load(temp, Optional.empty()).labs()).isEmpty();
        assertThat(LabCatalog.load(temp, Optional.empty()).allProblems()).isEmpty();
        Path missing = temp.resolve("nowhere");
        assertThat(lines(LabCatalog.load(missing, Optional.empty()).allProblems()))
                .containsExactly(missing + ":1:1: " + missing + " does not exist");
    }
}
