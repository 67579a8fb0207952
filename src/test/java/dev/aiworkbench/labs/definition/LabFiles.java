package dev.aiworkbench.labs.definition;

import dev.aiworkbench.curriculum.Pack;
import dev.aiworkbench.curriculum.PackAccessException;
import dev.aiworkbench.diagnostics.Problem;
import dev.aiworkbench.testing.PackFiles;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;

import static dev.aiworkbench.testing.PackFiles.write;

/**
 * Labs on disk for tests: a folder holding {@code labs/<id>/} with a complete, valid lab that uses every kind of
 * check and service, so that a test breaks it with one edit; and small labs written whole.
 */
final class LabFiles {
    static final String ID = "demo-lab";
    static final String LAB = "labs/" + ID + "/lab.yaml";

    static final String VALID_LAB = """
            # yaml-language-server: $schema=../../src/main/resources/schemas/lab.schema.json
            id: demo-lab
            title: A typed FastAPI service with search
            summary: Answer a health check, accept items, index them in Qdrant and ask a local model about them.
            weeks: [3, 4]
            marks: [w03-health-lab]
            workspace:
              starter: starter
              solution: solution
              stub: true
            services:
              - fastapi
              - type: qdrant
                apiKey: lab-secret
              - type: ollama
                model: llama3.2:1b
                embedModel: nomic-embed-text
            steps:
              - id: health
                title: Answer the health check
                guide: steps/01-health.md
                checks:
                  - id: health-ok
                    type: http
                    title: GET /health answers ok
                    url: "{{fastapi.url}}/health"
                    timeout: 5
                    hint: 'Return {"status": "ok"} from GET /health.'
                    expect:
                      status: 200
                      json:
                        $.status: ok
                      maxLatencyMs: 500
                  - id: create-item
                    type: http
                    method: POST
                    url: "{{ fastapi.url }}/items"
                    headers:
                      X-Trace: lab
                    body: {name: widget, price: 2.5}
                    expect:
                      status: 201
                      schema: schemas/item.json
                      contains: widget
              - id: index
                title: Index the items in Qdrant
                guide: steps/02-index.md
                checks:
                  - id: collection
                    type: qdrant
                    collection: items
                    vectorSize: 4
                    distance: Cosine
                    minPoints: 3
                    query:
                      vector: [0.1, 0.2, 0.3, 0.4]
                      topHit: {name: widget}
                  - id: semantic-search
                    type: qdrant
                    collection: items
                    query:
                      text: a small widget
                      topHit: {name: widget}
                  - id: collections-api
                    type: http
                    url: "{{qdrant.url}}/collections/items"
                    headers:
                      api-key: lab-secret
                    expect:
                      json:
                        $.result.status: green
              - id: ask
                title: Ask a local model and test the service
                checks:
                  - id: model-answers
                    type: ollama
                    model: llama3.2:1b
                    prompt: Reply with the single word OK.
                    expect: {contains: OK}
                  - id: notes
                    type: file
                    path: notes/answers.md
                    contains: "(?i)qdrant"
                  - id: pytest
                    type: command
                    title: The service's tests pass
                    run: ["{{python}}", "-m", "pytest", "-q"]
                    timeout: 120
                    expect: {exitCode: 0, output: "\\\\d+ passed"}
                  - id: answer-quality
                    type: eval
                    suite: evals/answers.yaml
                    minPassRate: 0.8
            """;

    static final String GUIDE_1 = "# Answer the health check\n\nAdd `GET /health` returning `{\"status\": \"ok\"}`.\n";
    static final String GUIDE_2 = "# Index the items\n\nCreate the collection `items` with 4-dimensional vectors.\n";
    static final String ITEM_SCHEMA = """
            {
              "type": "object",
              "required": ["id", "name"],
              "properties": {"id": {"type": "integer"}, "name": {"type": "string"}}
            }
            """;

    private LabFiles() {
    }

    /** Writes the valid lab into {@code <root>/labs/demo-lab/} and returns its folder. */
    static Path writeValidLab(Path root) {
        Path lab = root.resolve("labs").resolve(ID);
        write(lab.resolve("lab.yaml"), VALID_LAB);
        write(lab.resolve("steps/01-health.md"), GUIDE_1);
        write(lab.resolve("steps/02-index.md"), GUIDE_2);
        write(lab.resolve("schemas/item.json"), ITEM_SCHEMA);
        write(lab.resolve("starter/main.py"), "from fastapi import FastAPI\n\napp = FastAPI()\n");
        write(lab.resolve("solution/main.py"), "from fastapi import FastAPI\n\napp = FastAPI()\n\n\n"
                + "@app.get(\"/health\")\ndef health():\n    return {\"status\": \"ok\"}\n");
        return lab;
    }

    /** Writes a lab made of lab.yaml alone into {@code <root>/labs/<id>/}. */
    static Path writeLab(Path root, String id, String labYaml) {
        Path lab = root.resolve("labs").resolve(id);
        write(lab.resolve("lab.yaml"), labYaml);
        return lab;
    }

    /** A lab.yaml with one step and one check, with the given services (a YAML flow list) and check (YAML lines). */
    static String oneCheck(String id, String services, String checkLines) {
        return "id: " + id + "\ntitle: One check\nsummary: A lab with one check.\nservices: " + services + "\n"
                + "steps:\n  - id: only\n    title: The only step\n    checks:\n"
                + checkLines.strip().lines().map(l -> "      " + l).reduce((a, b) -> a + "\n" + b).orElse("") + "\n";
    }

    static LabLoadResult load(Path root, String id) {
        return load(root, id, Optional.empty());
    }

    static LabLoadResult load(Path root, String id, Optional<Pack> pack) {
        try (LabLocation location = LabLocation.open(root)) {
            return new LabLoader(pack).load(location, id);
        } catch (PackAccessException e) {
            throw new AssertionError(e.getMessage(), e);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static List<String> lines(LabLoadResult result) {
        return lines(result.problems());
    }

    static List<String> lines(List<Problem> problems) {
        return problems.stream().map(Problem::toString).toList();
    }

    /** Where a problem about some text should point; see {@link PackFiles#at}. */
    static String at(Path root, String relativeFile, String needle) {
        return PackFiles.at(root, relativeFile, needle);
    }
}
