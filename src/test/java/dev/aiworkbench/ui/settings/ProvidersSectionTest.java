package dev.aiworkbench.ui.settings;

import dev.aiworkbench.app.ProviderSetup;
import dev.aiworkbench.app.WorkbenchOptions;
import dev.aiworkbench.llm.ProviderKind;
import dev.aiworkbench.testing.FakeOllama;
import dev.aiworkbench.testing.KeyCheckingGateway;
import dev.aiworkbench.testing.MemoryKeychain;
import dev.aiworkbench.ui.AppDriver;
import dev.aiworkbench.ui.WorkbenchApp;
import dev.aiworkbench.ui.shell.ScreenRegistry;
import javafx.scene.control.Label;
import javafx.scene.control.ListView;
import javafx.scene.control.PasswordField;
import javafx.scene.input.KeyCode;
import javafx.scene.input.KeyCodeCombination;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import static dev.aiworkbench.ui.AppDriver.node;
import static dev.aiworkbench.ui.AppDriver.waitFor;
import static org.assertj.core.api.Assertions.assertThat;

/** Settings > Providers in the real app: a provider added with its key shows it by its last four characters only. */
@Tag("ui")
@ExtendWith(ApplicationExtension.class)
class ProvidersSectionTest {
    private static final String KEY = "sk-settings-test-4c0ffee-abcd";

    @TempDir
    Path data;

    private FakeOllama fake;
    private WorkbenchApp app;
    private final MemoryKeychain keychain = MemoryKeychain.available();
    private final List<String> seen = KeyCheckingGateway.seenKeys();

    @AfterEach
    void stop() throws Exception {
        if (app != null) {
            AppDriver.stop(app);
        }
        if (fake != null) {
            fake.close();
        }
    }

    private void startApp(FxRobot robot, MemoryKeychain keys) throws Exception {
        fake = FakeOllama.start();
        fake.model("gpt-4o-mini").answer("Hi.");
        ProviderSetup setup = ProviderSetup.system().withEnvironment(Map.of()).withKeychain(keys)
                .withGateway(ProviderKind.OPENAI, KeyCheckingGateway.accepting(Set.of(KEY), seen));
        app = AppDriver.start(new WorkbenchOptions(Optional.of(data), Optional.empty(), Optional.of(fake.baseUrl()))
                .withProviders(setup));
        AppDriver.waitUntilReady(app);
        KeyCode key = ((KeyCodeCombination) ScreenRegistry.entry(ScreenRegistry.SETTINGS).shortcut()).getCode();
        robot.press(KeyCode.CONTROL).type(key).release(KeyCode.CONTROL);
        waitFor(() -> robot.lookup("#settings #providers").tryQuery().isPresent());
    }

    @SuppressWarnings("unchecked")
    private static ListView<ProviderLine> providers(FxRobot robot) {
        return robot.lookup("#provider-list").queryAs(ListView.class);
    }

    private static String status(FxRobot robot) {
        return node(robot, "#provider-status", Label.class).getText();
    }

    @Test
    void a_provider_added_with_a_key_shows_its_last_four_characters_and_its_connection_test_answers(FxRobot robot)
            throws Exception {
        startApp(robot, keychain);
        waitFor(() -> providers(robot).getItems().size() == 1);
        assertThat(providers(robot).getItems().get(0).text()).startsWith("ollama (ollama) · " + fake.baseUrl());

        AppDriver.reveal(robot, "#provider-name");
        robot.clickOn("#provider-name").write("gpu-box");
        robot.clickOn("#provider-base-url").write(fake.baseUrl() + "/v1");
        robot.clickOn("#provider-key").write(KEY);
        robot.clickOn("#add-provider");

        waitFor(() -> providers(robot).getItems().size() == 2);
        ProviderLine added = providers(robot).getItems().get(1);
        assertThat(added.text()).isEqualTo("gpu-box (openai) · " + fake.baseUrl() + "/v1 · key …abcd from the keychain");
        assertThat(status(robot)).isEqualTo("Added gpu-box with the key …abcd in the keychain.");
        assertThat(node(robot, "#provider-key", PasswordField.class).getText()).isEmpty();
        assertThat(keychain.entries().values()).extracting(k -> k.reveal()).containsExactly(KEY);

        robot.interact(() -> providers(robot).getSelectionModel().select(1));
        AppDriver.reveal(robot, "#test-provider");
        robot.clickOn("#test-provider");
        waitFor(() -> status(robot).startsWith("gpu-box answers"));
        assertThat(status(robot)).isEqualTo("gpu-box answers at " + fake.baseUrl() + "/v1 (version "
                + FakeOllama.DEFAULT_VERSION + ") and serves 1 model: gpt-4o-mini:latest.");
        assertThat(seen).containsOnly(KEY);

        robot.clickOn("#remove-provider");
        waitFor(() -> providers(robot).getItems().size() == 1);
        assertThat(keychain.entries()).isEmpty();
    }

    @Test
    void without_a_keychain_the_key_field_is_off_and_the_section_says_why(FxRobot robot) throws Exception {
        startApp(robot, MemoryKeychain.unavailable("No keychain is reachable in this test."));

        waitFor(() -> node(robot, "#keychain-status", Label.class).getText().startsWith("No keychain is reachable"));
        assertThat(node(robot, "#keychain-status", Label.class).getText()).contains("read from the environment only");
        assertThat(node(robot, "#provider-key", PasswordField.class).isDisabled()).isTrue();
    }
}
