package dev.aiworkbench.curriculum;

import com.code_intelligence.jazzer.junit.FuzzTest;
import dev.aiworkbench.diagnostics.ProblemException;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Timeout;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Any bytes handed over as a pack zip are either read or refused with a reason: the only exceptions a caller sees are
 * the documented refusals. A RuntimeException, an OutOfMemoryError or a hang fails the test. The normal build runs it
 * on the inputs under {@code PackZipFuzzTestInputs}; {@code .ci/run} also fuzzes it for {@code maxDuration}.
 */
class PackZipFuzzTest {
    @FuzzTest(maxDuration = "30s")
    @Timeout(10)
    void anyZipIsReadOrRefusedWithAReason(byte[] bytes) throws IOException {
        Path zip = Files.createTempFile("fuzzed-pack", ".zip");
        try {
            Files.write(zip, bytes);
            readEverything(zip);
        } finally {
            Files.deleteIfExists(zip);
        }
    }

    private static void readEverything(Path zip) {
        try (PackLocation pack = PackLocation.open(zip)) {
            for (String name : pack.files()) {
                pack.read(pack.resolve(name));
            }
            for (String week : pack.list("weeks", ".yaml").stream().map(pack::relativeName).toList()) {
                pack.read(pack.resolve(week));
            }
            pack.folders("labs", "lab.yaml");
        } catch (PackAccessException | ProblemException e) {
            assertThat(e.getMessage()).as("a refusal says why").isNotBlank();
        } catch (IOException e) {
            assertThat(e.getMessage()).as("an I/O failure says why").isNotBlank();
        }
    }
}
