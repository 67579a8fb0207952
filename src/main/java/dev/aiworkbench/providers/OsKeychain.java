package dev.aiworkbench.providers;

import com.github.javakeyring.BackendNotSupportedException;
import com.github.javakeyring.Keyring;
import com.github.javakeyring.KeyringStorageType;
import com.github.javakeyring.PasswordAccessException;
import dev.aiworkbench.llm.ApiKey;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * The operating system's keychain through java-keyring: the macOS Keychain, the Windows Credential Manager, or on
 * Linux the Secret Service (GNOME Keyring, KWallet) over the D-Bus session bus. Opening it can take seconds (a bus
 * that has no Secret Service is waited for), so it is opened once, off the FX thread. Where none answers (a headless
 * machine, CI) it says why and the workbench reads keys from the environment only.
 */
public final class OsKeychain implements Keychain {
    /** The service every entry is filed under; the account is the provider's key reference. */
    public static final String SERVICE = "AI Engineer Workbench";
    private static final Logger LOG = LoggerFactory.getLogger(OsKeychain.class);

    private final Keyring keyring;
    private final KeychainStatus status;

    private OsKeychain(Keyring keyring, KeychainStatus status) {
        this.keyring = keyring;
        this.status = status;
    }

    /** Opens the keychain, or an unavailable one that says why. */
    public static Keychain open(Map<String, String> environment) {
        String os = System.getProperty("os.name", "").toLowerCase(Locale.ROOT);
        if (os.contains("linux") && blank(environment.get("DBUS_SESSION_BUS_ADDRESS"))) {
            return unavailable("No keychain is reachable: on Linux keys go to the Secret Service (GNOME Keyring or "
                    + "KWallet) over the D-Bus session bus, and this session has none (DBUS_SESSION_BUS_ADDRESS is "
                    + "not set).");
        }
        try {
            Keyring keyring = Keyring.create();
            return new OsKeychain(keyring, KeychainStatus.available(describe(keyring.getKeyringStorageType())));
        } catch (BackendNotSupportedException | RuntimeException | LinkageError e) {
            LOG.info("no keychain: {}", e.toString());
            return unavailable(os.contains("linux")
                    ? "No keychain answered: the D-Bus session bus has no Secret Service (install and unlock GNOME "
                    + "Keyring or KWallet to keep keys there)."
                    : "The system keychain could not be opened.");
        }
    }

    private static Keychain unavailable(String reason) {
        return new Unavailable(KeychainStatus.unavailable(reason));
    }

    private static boolean blank(String value) {
        return value == null || value.isBlank();
    }

    private static String describe(KeyringStorageType type) {
        return switch (type) {
            case OSX_KEYCHAIN, LEGACY_OSX_KEYCHAIN -> "the macOS Keychain";
            case WINDOWS_CREDENTIAL_STORE -> "the Windows Credential Manager";
            case GNOME_KEYRING -> "the Secret Service (GNOME Keyring)";
            case KWALLET -> "KWallet";
        };
    }

    @Override
    public KeychainStatus status() {
        return status;
    }

    @Override
    public Optional<ApiKey> read(String account) {
        try {
            String value = keyring.getPassword(SERVICE, account);
            return value == null || value.isBlank() ? Optional.empty() : Optional.of(ApiKey.of(value));
        } catch (PasswordAccessException e) {
            // java-keyring reports a missing entry and a refused one alike; either way there is no key to use.
            LOG.info("no keychain entry {} could be read", account);
            return Optional.empty();
        }
    }

    @Override
    public void write(String account, ApiKey key) {
        try {
            keyring.setPassword(SERVICE, account, key.reveal());
        } catch (PasswordAccessException | RuntimeException e) {
            LOG.warn("the keychain refused to store entry {}: {}", account, e.getClass().getSimpleName());
            throw new KeychainException("The keychain refused to store the key (it may be locked): unlock it and "
                    + "try again, or set the key in the environment instead.", null);
        }
    }

    @Override
    public void delete(String account) {
        try {
            keyring.deletePassword(SERVICE, account);
        } catch (PasswordAccessException e) {
            LOG.info("keychain entry {} could not be removed (it may not exist)", account);
        }
    }

    /** Where no keychain answers: nothing is read and nothing can be stored. */
    private record Unavailable(KeychainStatus status) implements Keychain {
        @Override
        public Optional<ApiKey> read(String account) {
            return Optional.empty();
        }

        @Override
        public void write(String account, ApiKey key) {
            throw new KeychainException(status.explanation(), null);
        }

        @Override
        public void delete(String account) {
            // nothing was ever stored
        }
    }
}
