package dev.aiworkbench.providers;

import dev.aiworkbench.llm.ApiKey;
import org.junit.jupiter.api.Test;

import java.util.Locale;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * The real keychain adapter where no keychain answers (a headless Linux session, as on the build machines): it says
 * why in a sentence instead of failing, reads nothing and refuses to store.
 */
class OsKeychainTest {

    private static void onLinuxWithoutASessionBus() {
        assumeTrue(System.getProperty("os.name", "").toLowerCase(Locale.ROOT).contains("linux"));
        assumeTrue(System.getenv("DBUS_SESSION_BUS_ADDRESS") == null, "a desktop session may have a real keychain");
    }

    @Test
    void withoutASessionBusItSaysSoAtOnce() {
        onLinuxWithoutASessionBus();

        Keychain keychain = OsKeychain.open(Map.of());

        assertThat(keychain.status().available()).isFalse();
        assertThat(keychain.status().explanation()).startsWith("No keychain is reachable: on Linux keys go to the "
                + "Secret Service").contains("DBUS_SESSION_BUS_ADDRESS").contains("read from the environment only");
        assertThat(keychain.read("openai-000000")).isEmpty();
        assertThatThrownBy(() -> keychain.write("openai-000000", ApiKey.of("sk-never-stored-1234")))
                .isInstanceOf(KeychainException.class).hasMessageNotContaining("sk-never");
    }

    @Test
    void whenTheLibraryFindsNoBackendTheReasonIsASentenceNotItsMessage() {
        onLinuxWithoutASessionBus();

        // The variable is set for the check here, but java-keyring reads the real (absent) bus and finds no backend.
        Keychain keychain = OsKeychain.open(Map.of("DBUS_SESSION_BUS_ADDRESS", "unix:path=/nonexistent/bus"));

        assertThat(keychain.status().available()).isFalse();
        assertThat(keychain.status().explanation()).startsWith("No keychain answered: the D-Bus session bus has no "
                + "Secret Service").doesNotContain("Exception");
    }
}
