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
}
