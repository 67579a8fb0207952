package dev.aiworkbench.cli;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.util.stream.StreamSupport;

import static org.assertj.core.api.Assertions.assertThat;

/** {@code workbench doctor}: what is present, what is missing and how to fix it. */
class CliDoctorTest {
    @TempDir
    Path temp;

    private static JsonNode check(JsonNode checks, String name) {
        return StreamSupport.stream(checks.spliterator(), false).filter(c -> c.get("name").asText().equals(name))
                .findFirst().orElseThrow(() -> new AssertionError("no check named " + name + " in " + checks));
    }

    @Test
    void reportsJavaPresentAndAnUnreachableOllamaWithHowToStartIt() {
        CliHarness.Run run = new CliHarness(temp.resolve("data"))
                .run("doctor", "--json", "--ollama-url", "http://127.0.0.1:1");

        assertThat(run.exitCode()).as(run.toString()).isZero();
        JsonNode checks = run.json();
        assertThat(checks).extracting(c -> c.get("name").asText())
                .contains("Java", "Data folder", "Database", "Curriculum pack", "Ollama", "Docker", "Python with FastAPI");

        JsonNode java = check(checks, "Java");
        assertThat(java.get("status").asText()).isEqualTo("PRESENT");
        assertThat(java.get("required").asBoolean()).isTrue();
        assertThat(java.get("detail").asText()).contains(String.valueOf(Runtime.version().feature()));

        assertThat(check(checks, "Data folder").get("status").asText()).isEqualTo("PRESENT");
        assertThat(check(checks, "Curriculum pack").get("status").asText()).isEqualTo("PRESENT");

        JsonNode ollama = check(checks, "Ollama");
        assertThat(ollama.get("status").asText()).isEqualTo("MISSING");
        assertThat(ollama.get("required").asBoolean()).isFalse();
        assertThat(ollama.get("detail").asText()).startsWith("not running at http://127.0.0.1:1");
        assertThat(ollama.get("fix").asText()).contains("`ollama serve`").contains("OLLAMA_HOST");
    }

    @Test
    void aDamagedDatabaseIsARequiredCheckThatFails() throws Exception {
        Path data = temp.resolve("data");
        java.nio.file.Files.createDirectories(data);
        java.nio.file.Files.writeString(data.resolve("workbench.db"), "garbage ".repeat(500));

        CliHarness.Run run = new CliHarness(data).run("doctor", "--ollama-url", "http://127.0.0.1:1");

        assertThat(run.exitCode()).isEqualTo(1);
        assertThat(run.out()).contains("MISSING  Database").contains("fix: Run `workbench database set-aside`")
                .contains("ok       Java");
    }
}
