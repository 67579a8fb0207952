package dev.aiworkbench.providers;

import java.util.Optional;

/**
 * Where a provider's key lives, which is all the database keeps of it: an entry of the operating system's keychain,
 * or an environment variable. Never the key.
 *
 * @param name the keychain entry's account, or the variable's name
 */
public record KeyReference(Where where, String name) {
    private static final String KEYCHAIN = "keychain:";
    private static final String ENVIRONMENT = "env:";

    public enum Where { KEYCHAIN, ENVIRONMENT }

    public KeyReference {
        if (name == null || name.isBlank() || name.length() > 50
                || (where == Where.ENVIRONMENT && !name.matches("[A-Z_][A-Z0-9_]*"))
                || (where == Where.KEYCHAIN && !name.matches("[a-z0-9.-]+"))) {
            throw new IllegalArgumentException(where == Where.ENVIRONMENT
                    ? "'" + name + "' is not an environment variable name: use capitals, digits and _, e.g. VLLM_API_KEY"
                    : "'" + name + "' is not a keychain entry name");
        }
    }

    public static KeyReference keychain(String account) {
        return new KeyReference(Where.KEYCHAIN, account);
    }

    public static KeyReference environment(String variable) {
        return new KeyReference(Where.ENVIRONMENT, variable);
    }

    /** As stored: {@code keychain:<account>} or {@code env:<NAME>}. */
    public String text() {
        return (where == Where.KEYCHAIN ? KEYCHAIN : ENVIRONMENT) + name;
    }

    /** Reads the stored form; empty for none. */
    public static Optional<KeyReference> parse(String text) {
        if (text == null || text.isBlank()) {
            return Optional.empty();
        }
        if (text.startsWith(KEYCHAIN)) {
            return Optional.of(keychain(text.substring(KEYCHAIN.length())));
        }
        if (text.startsWith(ENVIRONMENT)) {
            return Optional.of(environment(text.substring(ENVIRONMENT.length())));
        }
        throw new IllegalArgumentException("a key reference is keychain:<entry> or env:<VARIABLE>");
    }

    @Override
    public String toString() {
        return text();
    }
}
