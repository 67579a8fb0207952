package dev.aiworkbench.llm;

import java.util.Optional;
import java.util.function.Supplier;

/**
 * A provider's key as a gateway reads it: a plain {@code Supplier<String>} (null when there is none), looked up on the
 * first request rather than when the gateway is made, since a keychain may take seconds to answer or ask the user to
 * unlock it. Its text names where the key comes from, never the key.
 */
public final class KeySupplier implements Supplier<String> {
    public static final KeySupplier NONE = new KeySupplier(Optional::empty, "no key");

    private final Supplier<Optional<ApiKey>> lookup;
    private final String source;
    private volatile Optional<ApiKey> key;

    /** @param source where the key comes from, for messages: "the keychain", "OPENAI_API_KEY" */
    public KeySupplier(Supplier<Optional<ApiKey>> lookup, String source) {
        this.lookup = lookup;
        this.source = source;
    }

    /** The key, looked up once. */
    public Optional<ApiKey> key() {
        Optional<ApiKey> found = key;
        if (found == null) {
            synchronized (this) {
                if (key == null) {
                    key = lookup.get();
                }
                found = key;
            }
        }
        return found;
    }

    @Override
    public String get() {
        return key().map(ApiKey::reveal).orElse(null);
    }

    public String source() {
        return source;
    }

    @Override
    public String toString() {
        return "key from " + source;
    }
}
