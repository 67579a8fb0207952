package dev.aiworkbench.diagnostics;

import com.code_intelligence.jazzer.junit.FuzzTest;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Timeout;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Any text handed to the YAML reader is parsed or refused with a problem at a place in the file: nothing else escapes.
 * The normal build runs it on the inputs under {@code YamlDocumentFuzzTestInputs}; {@code .ci/run} also fuzzes it for
 * {@code maxDuration}.
 */
class YamlDocumentFuzzTest {
    @FuzzTest(maxDuration = "30s")
    @Timeout(10)
    void anyTextIsParsedOrRefusedAsAProblem(byte[] bytes) {
        String text = new String(bytes, StandardCharsets.UTF_8);
        try {
            YamlDocument document = YamlDocument.parse("fuzzed.yaml", text, 0);
            assertThat(document.position(document.root()).line()).isPositive();
        } catch (ProblemException e) {
            assertThat(e.problem().line()).as("a refusal points at a line").isPositive();
        }
    }
}
