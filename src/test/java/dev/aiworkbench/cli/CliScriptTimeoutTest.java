package dev.aiworkbench.cli;

import dev.aiworkbench.eval.run.EvalHarness;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The script time limit: the suite's {@code evaluateOptions.scriptTimeoutMs}, {@code eval run --script-timeout} over
 * it, else the default; a check that never ends fails with the limit it ran into.
 */
class CliScriptTimeoutTest {
    @TempDir
    Path temp;

    private EvalHarness h;

    @BeforeEach
    void start() {
        h = new EvalHarness(temp);
        h.writeItems(2);
    }

    @AfterEach
    void stop() {
        h.close();
    }

    @ParameterizedTest(name = "suite {0} ms, flag {1} s: {2}")
    @CsvSource(nullValues = "-", value = {
            "300, -,    It ran longer than its limit of 300 ms and was stopped.",
            "300, 0.2,  It ran longer than its limit of 200 ms and was stopped.",
            "-,   0.25, It ran longer than its limit of 250 ms and was stopped.",
            "-,   1,    It ran longer than its limit of 1 s and was stopped.",
            "-,   0,    --script-timeout is the seconds each script call may take, more than 0 and at most 600, not 0.0",
            "-,   601,  --script-timeout is the seconds each script call may take, more than 0 and at most 600, not 601.0"})
    void theLimitIsTheFlagsElseTheSuitesElseTheDefault(String suiteMs, String flagSeconds, String expected)
            throws IOException {
        Path suite = h.write(EvalHarness.SUITE, """
                prompts: "Answer for item {{n}}"
                providers: [ollama:chat:tiny]
                defaultTest:
                  assert:
                    - type: javascript
                      value: |
                        while (true) {}
                        return true;
                tests: file://items.csv
                """ + (suiteMs == null ? "" : "evaluateOptions:\n  scriptTimeoutMs: " + suiteMs + "\n"));
        Path json = temp.resolve("results.json");
        List<String> args = new ArrayList<>(List.of("eval", "run", suite.toString(), "-o", json.toString(),
                "--ollama-url", h.fake.baseUrl()));
        if (flagSeconds != null) {
            args.addAll(List.of("--script-timeout", flagSeconds));
        }

        CliHarness.Run run = new CliHarness(temp.resolve("data")).run(args.toArray(String[]::new));

        if (expected.startsWith("--script-timeout")) {
            assertThat(run.exitCode()).as(run.toString()).isEqualTo(Cli.USAGE);
            assertThat(run.err()).contains(expected);
            assertThat(h.fake.requests()).as("calls to the model server").isEmpty();
        } else {
            assertThat(run.exitCode()).as(run.toString()).isZero();
            assertThat(run.out()).contains("0 passed, 2 failed");
            assertThat(Files.readString(json)).contains(expected);
        }
    }
}
