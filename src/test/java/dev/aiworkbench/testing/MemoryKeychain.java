package dev.aiworkbench.testing;

import dev.aiworkbench.llm.ApiKey;
import dev.aiworkbench.providers.Keychain;
import dev.aiworkbench.providers.KeychainException;
import dev.aiworkbench.providers.KeychainStatus;

import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/** A keychain in memory, for tests: one that keeps keys, or one that is not there and says why. */
public final class MemoryKeychain implements Keychain {
    private final KeychainStatus status;
    private final Map<String, ApiKey> entries = new ConcurrentHashMap<>();

    private MemoryKeychain(KeychainStatus status) {
        this.status = status;
    }

    public static MemoryKeychain available() {
        return new MemoryKeychain(KeychainStatus.available("the test's memory"));
    }

    public static MemoryKeychain unavailable(String reason) {
        return new MemoryKeychain(KeychainStatus.unavailable(reason));
    }

    /** The entries by account, as stored. */
    public Map<String, ApiKey> entries() {
        return Map.copyOf(entries);
    }

    @Override
    public KeychainStatus status() {
        return status;
    }

    @Override
    public Optional<ApiKey> read(String account) {
        return Optional.ofNullable(entries.get(account));
    }

    @Override
    public void write(String account, ApiKey key) {
        if (!status.available()) {
            throw new KeychainException(status.explanation(), null);
        }
        entries.put(account, key);
    }

    @Override
    public void delete(String account) {
        entries.remove(account);
    }
}
