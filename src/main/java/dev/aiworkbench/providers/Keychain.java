package dev.aiworkbench.providers;

import dev.aiworkbench.llm.ApiKey;

import java.util.Optional;

/** The operating system's store of secrets, as the workbench uses it: one entry per provider key. */
public interface Keychain {

    KeychainStatus status();

    /** @throws KeychainException the keychain did not answer (locked, refused, gone) */
    Optional<ApiKey> read(String account);

    /** @throws KeychainException the key could not be stored; nothing changed */
    void write(String account, ApiKey key);

    /** Forgets the entry; nothing happens when there is none. @throws KeychainException it could not be removed */
    void delete(String account);
}
