package dev.aiworkbench.cli;

import dev.aiworkbench.app.ProviderSetup;
import dev.aiworkbench.testing.MemoryKeychain;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.Map;

/**
 * The suite the matrix tests run: two prompts on two models, the second model filtered to the first prompt (three
 * cells), and eight items that pass when the answer contains "world".
 */
final class MatrixSuite {
    private static final String CONFIG = """
            description: matrix
            prompts:
              - {raw: 'Say {{x}}', label: plain}
              - {raw: 'Please say {{x}}', label: polite}
            providers:
              - ollama:chat:steady
              - id: ollama:chat:shaky
                prompts: [plain]
            defaultTest:
              assert: [{type: contains, value: world}]
            tests:
            """ + "  - vars: {x: a}\n  - vars: {x: b}\n  - vars: {x: c}\n  - vars: {x: d}\n"
            + "  - vars: {x: e}\n  - vars: {x: f}\n  - vars: {x: g}\n  - vars: {x: h}\n";

    private MatrixSuite() {
    }

    /** Writes the suite as {@code promptfooconfig.yaml} in the folder and returns its path. */
    static Path write(Path folder) throws IOException {
        return Files.writeString(folder.resolve("promptfooconfig.yaml"), CONFIG);
    }

    /** The command line over a data folder, with no hosted provider's key anywhere. */
    static CliHarness cli(Path data) {
        return new CliHarness(data, Clock.systemDefaultZone(), ProviderSetup.system()
                .withEnvironment(Map.of()).withKeychain(MemoryKeychain.unavailable("No keychain in this test.")));
    }
}
