package dev.aiworkbench.labs.checks;

import dev.aiworkbench.labs.definition.CheckSpec;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;

import static dev.aiworkbench.labs.checks.Specs.file;
import static org.assertj.core.api.Assertions.assertThat;

class FileCheckTest {
    private static CheckEngine engine;

    @TempDir
    Path workspace;

    @BeforeAll
    static void start() {
        engine = new CheckEngine();
    }

    @AfterAll
    static void stop() {
        engine.close();
    }

    @Test
    void passesWhenTheFileIsThereAndMatches() throws Exception {
        Files.createDirectories(workspace.resolve("app"));
        Files.writeString(workspace.resolve("app/main.py"), "from fastapi import FastAPI\n\n@app.get(\"/health\")\ndef health():\n");

        CheckResult exists = engine.run(file("app/main.py", null), CheckContext.of(workspace));
        CheckResult matches = engine.run(file("app/main.py", "^@app\\.get\\(\"/health\"\\)$"), CheckContext.of(workspace));
        CheckResult folder = engine.run(file("app", null), CheckContext.of(workspace));

        assertThat(exists.status()).isEqualTo(CheckStatus.PASS);
        assertThat(exists.message()).isEqualTo("The file 'app/main.py' is in your workspace.");
        assertThat(matches.status()).as(matches.message()).isEqualTo(CheckStatus.PASS);
        assertThat(matches.message()).contains("(\"@app.get(\"/health\")\")");
        assertThat(folder.status()).isEqualTo(CheckStatus.PASS);
    }

    @Test
    void failsWhenTheFileIsMissingOrDoesNotMatch() throws Exception {
        Files.writeString(workspace.resolve("notes.md"), "nothing yet\n");

        CheckResult missing = engine.run(file("ingest.py", null), CheckContext.of(workspace));
        CheckResult unmatched = engine.run(file("notes.md", "chunk_size\\s*=\\s*\\d+"), CheckContext.of(workspace));

        assertThat(missing.status()).isEqualTo(CheckStatus.FAIL);
        assertThat(missing.message()).isEqualTo("Expected the file 'ingest.py' in your workspace (" + workspace
                + "), but it is not there. Create it as the step describes, then run the check again.");
        assertThat(unmatched.status()).isEqualTo(CheckStatus.FAIL);
        assertThat(unmatched.message()).startsWith("Expected the file 'notes.md' to match /chunk_size\\s*=\\s*\\d+/, but "
                + "it does not.");
    }

    @Test
    void theLabsHintIsTheNextStepOfAFailure() {
        CheckSpec.File spec = new CheckSpec.File("f", "f", null, "Save your answers in answers.md.", "answers.md", null);

        CheckResult result = engine.run(spec, CheckContext.of(workspace));

        assertThat(result.message()).endsWith("but it is not there. Save your answers in answers.md.");
    }

    @Test
    void pathsOutsideTheWorkspaceAndBadPatternsAreErrorsOfTheLab() throws Exception {
        Files.writeString(workspace.resolve("a.txt"), "x");

        CheckResult outside = engine.run(file("../../etc/passwd", null), CheckContext.of(workspace));
        CheckResult badPattern = engine.run(file("a.txt", "(unclosed"), CheckContext.of(workspace));

        assertThat(outside.status()).isEqualTo(CheckStatus.ERROR);
        assertThat(outside.message()).contains("is outside the workspace").contains("mistake in the lab");
        assertThat(badPattern.status()).isEqualTo(CheckStatus.ERROR);
        assertThat(badPattern.message()).contains("is not a valid regular expression");
    }

    private static final String GPU_SCHEMA = """
            {"type": "object", "required": ["kind", "spec"],
             "properties": {"kind": {"const": "Deployment"},
                            "spec": {"type": "object", "required": ["replicas"],
                                     "properties": {"replicas": {"type": "integer", "minimum": 1}}}}}
            """;

    private static CheckSpec.File schemaCheck(String path, String pattern, String schema) throws Exception {
        return new CheckSpec.File("manifest", "manifest", null, "Write the Deployment as the guide shows.", path,
                pattern, schema.startsWith("{") ? Text.JSON.readTree(schema) : Text.JSON.getNodeFactory().textNode(schema));
    }

    @Test
    void aYamlManifestIsCheckedOfflineAgainstTheSchemaOfTheLab(@TempDir Path lab) throws Exception {
        Files.createDirectories(lab.resolve("schemas"));
        Files.writeString(lab.resolve("schemas/deployment.json"), GPU_SCHEMA);
        CheckContext context = CheckContext.of(workspace).withSchemas(SchemaResolver.folder(lab));
        Files.writeString(workspace.resolve("good.yaml"), "kind: Deployment\nspec:\n  replicas: 2\n");
        Files.writeString(workspace.resolve("bad.yaml"), "kind: Deployment\nspec:\n  replicas: zero\n");
        Files.writeString(workspace.resolve("broken.yaml"), "kind: Deployment\nspec:\n replicas: 1\n  x: [\n");
        Files.writeString(workspace.resolve("good.json"), "{\"kind\": \"Deployment\", \"spec\": {\"replicas\": 1}}");

        CheckResult good = engine.run(schemaCheck("good.yaml", "replicas", "schemas/deployment.json"), context);
        CheckResult json = engine.run(schemaCheck("good.json", null, GPU_SCHEMA), context);
        CheckResult bad = engine.run(schemaCheck("bad.yaml", null, "schemas/deployment.json"), context);
        CheckResult broken = engine.run(schemaCheck("broken.yaml", null, GPU_SCHEMA), context);
        CheckResult wrongPattern = engine.run(schemaCheck("good.yaml", "nvidia", GPU_SCHEMA), context);

        assertThat(good.status()).as(good.message()).isEqualTo(CheckStatus.PASS);
        assertThat(good.message()).isEqualTo("The file 'good.yaml' matches /replicas/ (\"replicas\") and matches the"
                + " check's JSON Schema.");
        assertThat(json.status()).as(json.message()).isEqualTo(CheckStatus.PASS);
        assertThat(bad.status()).isEqualTo(CheckStatus.FAIL);
        assertThat(bad.message()).startsWith("Expected the file 'bad.yaml' to match the check's JSON Schema, but $.spec"
                + ".replicas").contains("Write the Deployment as the guide shows.");
        assertThat(broken.status()).isEqualTo(CheckStatus.FAIL);
        assertThat(broken.message()).startsWith("Expected the file 'broken.yaml' to be YAML, but it cannot be read at line");
        assertThat(wrongPattern.status()).isEqualTo(CheckStatus.FAIL);
    }

    @Test
    void aSchemaTheLabCannotSupplyIsTheLabsMistake() throws Exception {
        Files.writeString(workspace.resolve("good.yaml"), "kind: Deployment\n");
        CheckResult missing = engine.run(schemaCheck("good.yaml", null, "schemas/nope.json"), CheckContext.of(workspace));
        assertThat(missing.status()).isEqualTo(CheckStatus.ERROR);
        assertThat(missing.message()).contains("The check's JSON Schema cannot be used", "correct the check's schema");
    }
}
