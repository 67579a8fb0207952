package dev.aiworkbench.app;

import org.junit.jupiter.api.Test;

import java.util.Map;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;

/** The options a workbench opens with print no environment value, since the environment holds keys. */
class ProviderSetupTest {

    @Test
    void optionsAndTheSetupPrintNoVariableValue() {
        ProviderSetup setup = ProviderSetup.system().withEnvironment(Map.of("OPENAI_API_KEY", "sk-printed-never-5150"));
        WorkbenchOptions options = new WorkbenchOptions(Optional.empty(), Optional.empty()).withProviders(setup);

        assertThat(options.toString()).doesNotContain("sk-printed").contains("1 environment variables");
        assertThat(ProviderSetup.system()).isSameAs(ProviderSetup.system());
    }
}
