package dev.aiworkbench.providers;

import dev.aiworkbench.llm.ApiKey;
import dev.aiworkbench.llm.KeySupplier;
import dev.aiworkbench.llm.OllamaEndpoint;
import dev.aiworkbench.llm.ProviderKind;
import dev.aiworkbench.store.Database;

import java.io.IOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * Run by {@link OsKeychainSecretServiceTest} in its own JVM inside a D-Bus session with a GNOME Keyring daemon (a JVM
 * reads the session bus's address from its environment, which a running test cannot change). It adds a provider with
 * a key through the real keychain, reads the key back through a second keychain opened afresh, removes the provider,
 * and prints one {@code probe fact: value} line per step for the test to check.
 *
 * <p>Arguments: the data folder for the SQLite file, and the key to plant.
 */
public final class SecretServiceProbe {
    private SecretServiceProbe() {
    }

    public static void main(String[] args) throws IOException {
        Path folder = Path.of(args[0]);
        ApiKey planted = ApiKey.of(args[1]);
        Keychain keychain = OsKeychain.open(System.getenv());
        fact("available", keychain.status().available());
        fact("explanation", keychain.status().explanation());
        if (!keychain.status().available()) {
            System.exit(0);
        }
        Path file = folder.resolve("workbench.db");
        String account;
        try (Database database = Database.open(file)) {
            Providers providers = new Providers(database, () -> keychain, Map.of(),
                    () -> new OllamaEndpoint(OllamaEndpoint.DEFAULT, "default"));
            ProviderConfig added = providers.add(new ProviderConfig("hosted", ProviderKind.OPENAI,
                    Optional.of(URI.create("http://127.0.0.1:9/v1")), Optional.empty()), Optional.of(planted));
            account = added.key().orElseThrow().name();
            fact("reference", added.key().orElseThrow().text());
            fact("read-afresh", OsKeychain.open(System.getenv()).read(account).map(planted::equals).orElse(false));
            KeySupplier resolved = providers.resolve(ProviderChoice.of("hosted")).key();
            fact("resolved-from", resolved.source());
            fact("resolved-matches", resolved.key().map(planted::equals).orElse(false));
            fact("key-in-sqlite", inFiles(folder, planted.reveal()));
            providers.remove("hosted");
        }
        fact("key-in-sqlite-after-close", inFiles(folder, planted.reveal()));
        fact("deleted", OsKeychain.open(System.getenv()).read(account).isEmpty());
        // java-keyring's D-Bus connections run on threads that keep a JVM alive; the app ends its process itself.
        System.exit(0);
    }

    /** Whether any file of the folder (the database, its WAL and shared memory) holds the text. */
    private static boolean inFiles(Path folder, String text) throws IOException {
        byte[] wanted = text.getBytes(StandardCharsets.UTF_8);
        try (Stream<Path> files = Files.list(folder)) {
            for (Path file : files.filter(Files::isRegularFile).toList()) {
                if (contains(Files.readAllBytes(file), wanted)) {
                    return true;
                }
            }
        }
        return false;
    }

    private static boolean contains(byte[] haystack, byte[] needle) {
        outer:
        for (int i = 0; i + needle.length <= haystack.length; i++) {
            for (int j = 0; j < needle.length; j++) {
                if (haystack[i + j] != needle[j]) {
                    continue outer;
                }
            }
            return true;
        }
        return false;
    }

    private static void fact(String name, Object value) {
        System.out.println("probe " + name + ": " + value);
    }
}
