package dev.aiworkbench.providers;

import dev.aiworkbench.llm.ApiKey;
import dev.aiworkbench.llm.KeySupplier;
import dev.aiworkbench.llm.OllamaEndpoint;
import dev.aiworkbench.llm.ProviderKind;
import dev.aiworkbench.store.Database;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.net.URI;
import java.security.SecureRandom;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Supplier;

/**
 * The model providers a call can go to: the local Ollama server (always there, as "ollama"), the providers configured
 * in Settings, and any kind by its id with nothing configured ({@code --provider openai} with {@code OPENAI_API_KEY}
 * set). Keys go to the keychain; the database keeps only where each key lives.
 *
 * <p>Which address a call uses: {@code --base-url}, else the provider's own, else the kind's environment variable
 * ({@code OPENAI_BASE_URL}, {@code ANTHROPIC_BASE_URL}; for Ollama the Local models address, then
 * {@code OLLAMA_HOST}), else the kind's default. Which key: the provider's own (its keychain entry or the variable it
 * names), else the kind's variable ({@code OPENAI_API_KEY}, {@code ANTHROPIC_API_KEY}), else none.
 */
public final class Providers {
    /** The local Ollama server's provider, which every workbench has and none can remove. */
    public static final String DEFAULT = ProviderKind.OLLAMA.id();
    /** The source of an address given for one call, which wins over every other. */
    public static final String BASE_URL_OPTION = "--base-url";
    private static final Logger LOG = LoggerFactory.getLogger(Providers.class);
    private static final SecureRandom RANDOM = new SecureRandom();

    private final Database database;
    private final ProviderStore store;
    private final Supplier<Keychain> keychain;
    private final Map<String, String> environment;
    private final Supplier<OllamaEndpoint> ollama;
    private final List<Runnable> changeListeners = new CopyOnWriteArrayList<>();

    /**
     * @param keychain    opened on first use (it can take seconds), so never on the FX thread
     * @param environment the process's variables
     * @param ollama      the local server's address as the app resolves it
     */
    public Providers(Database database, Supplier<Keychain> keychain, Map<String, String> environment,
                     Supplier<OllamaEndpoint> ollama) {
        this.database = database;
        this.store = new ProviderStore(database);
        this.keychain = keychain;
        this.environment = Map.copyOf(environment);
        this.ollama = ollama;
    }

    /** Runs after a provider is added or removed, on the thread that changed it. */
    public void onChange(Runnable listener) {
        changeListeners.add(listener);
    }

    /** The local server first, then the configured providers in the order they were added. */
    public List<ProviderConfig> list() {
        List<ProviderConfig> all = new ArrayList<>();
        all.add(ProviderConfig.builtIn(ProviderKind.OLLAMA));
        all.addAll(database.inTransaction(c -> store.all()));
        return all;
    }

    public KeychainStatus keychainStatus() {
        return keychain.get().status();
    }

    /**
     * Adds a provider; a key given goes to the keychain first, and only where it lives is stored.
     *
     * @throws IllegalArgumentException the name is taken or reserved, or a key was given and no keychain is here
     * @throws KeychainException        the keychain refused the key; nothing was added
     */
    public ProviderConfig add(ProviderConfig provider, Optional<ApiKey> key) {
        refuseName(provider);
        ProviderConfig stored = provider;
        if (key.isPresent()) {
            if (!provider.kind().takesKey()) {
                throw new IllegalArgumentException("an Ollama server takes no key; leave the key empty");
            }
            Keychain keys = keychain.get();
            if (!keys.status().available()) {
                throw new IllegalArgumentException(keys.status().explanation());
            }
            // A suffix of its own keeps two data folders' providers of one name from sharing a keychain entry.
            byte[] suffix = new byte[3];
            RANDOM.nextBytes(suffix);
            KeyReference reference = KeyReference.keychain(provider.name() + "-" + HexFormat.of().formatHex(suffix));
            keys.write(reference.name(), key.get());
            stored = new ProviderConfig(provider.name(), provider.kind(), provider.baseUrl(), Optional.of(reference));
            try {
                insert(stored);
            } catch (RuntimeException e) {
                keys.delete(reference.name());
                throw e;
            }
        } else {
            insert(stored);
        }
        changed();
        return stored;
    }

    private void insert(ProviderConfig provider) {
        database.inTransaction(c -> {
            if (configured(provider.name()).isPresent()) {
                throw new IllegalArgumentException("there is already a provider '" + provider.name() + "'; choose "
                        + "another name or remove that one first");
            }
            store.insert(provider);
            return null;
        });
    }

    private void refuseName(ProviderConfig provider) {
        if (provider.name().equals(DEFAULT)) {
            throw new IllegalArgumentException("'ollama' is the local server, whose address is set under Local "
                    + "models; give this provider another name, e.g. gpu-box");
        }
        Optional<ProviderKind> kind = ProviderKind.of(provider.name());
        if (kind.isPresent() && kind.get() != provider.kind()) {
            throw new IllegalArgumentException("'" + provider.name() + "' names the " + kind.get().label() + " kind, "
                    + "so only a provider of that kind may be called so; choose another name");
        }
    }

    /** Removes a configured provider and its keychain entry. @throws IllegalArgumentException for the local server */
    public void remove(String name) {
        String wanted = normalised(name);
        if (wanted.equals(DEFAULT)) {
            throw new IllegalArgumentException("the local Ollama server stays; change its address under Local models");
        }
        ProviderConfig provider = database.inTransaction(c -> {
            Optional<ProviderConfig> found = configured(wanted);
            if (found.isPresent()) {
                store.delete(found.get().name());
            }
            return found;
        }).orElseThrow(() -> unknown(wanted));
        provider.key().filter(k -> k.where() == KeyReference.Where.KEYCHAIN).ifPresent(k -> {
            try {
                keychain.get().delete(k.name());
            } catch (KeychainException e) {
                LOG.warn("the keychain entry {} of removed provider {} stays: {}", k.name(), wanted, e.getMessage());
            }
        });
        changed();
    }

    /**
     * Where a call goes and with which key.
     *
     * @throws IllegalArgumentException no provider has that name and no kind that id, or an address is malformed
     */
    public ResolvedProvider resolve(ProviderChoice choice) {
        String wanted = normalised(choice.provider().orElse(DEFAULT));
        ProviderConfig provider = (wanted.equals(DEFAULT) ? Optional.<ProviderConfig>empty()
                : database.inTransaction(c -> configured(wanted)))
                .or(() -> ProviderKind.of(wanted).map(ProviderConfig::builtIn))
                .orElseThrow(() -> unknown(wanted));
        ProviderKind kind = provider.kind();
        URI base;
        String source;
        String variable = environment.get(kind.baseUrlVariable());
        if (choice.baseUrl().isPresent()) {
            base = kind.parseBaseUrl(choice.baseUrl().get());
            source = BASE_URL_OPTION;
        } else if (provider.baseUrl().isPresent()) {
            base = provider.baseUrl().get();
            source = "Settings";
        } else if (kind == ProviderKind.OLLAMA) {
            OllamaEndpoint endpoint = ollama.get();
            base = endpoint.baseUri();
            source = endpoint.source();
        } else if (variable != null && !variable.isBlank()) {
            base = kind.parseBaseUrl(variable);
            source = kind.baseUrlVariable();
        } else {
            base = kind.defaultBaseUri();
            source = "default";
        }
        return new ResolvedProvider(provider.name(), kind, base, source, key(provider));
    }

    /**
     * As {@link #resolve(ProviderChoice)}, with the key read from the named environment variable instead (promptfoo's
     * {@code apiKeyEnvar}). @throws IllegalArgumentException as resolve does
     */
    public ResolvedProvider resolve(ProviderChoice choice, String keyVariable) {
        ResolvedProvider resolved = resolve(choice);
        if (!resolved.kind().takesKey()) {
            return resolved;
        }
        return new ResolvedProvider(resolved.name(), resolved.kind(), resolved.baseUri(), resolved.baseUriSource(),
                new KeySupplier(() -> fromEnvironment(keyVariable), keyVariable));
    }

    private KeySupplier key(ProviderConfig provider) {
        ProviderKind kind = provider.kind();
        if (!kind.takesKey()) {
            return KeySupplier.NONE;
        }
        String kindVariable = kind.keyVariable().orElseThrow();
        Optional<KeyReference> own = provider.key();
        if (own.isPresent() && own.get().where() == KeyReference.Where.KEYCHAIN) {
            String account = own.get().name();
            return new KeySupplier(() -> fromKeychain(account).or(() -> fromEnvironment(kindVariable)),
                    "the keychain");
        }
        String variable = own.map(KeyReference::name).orElse(kindVariable);
        return new KeySupplier(() -> fromEnvironment(variable), variable);
    }

    private Optional<ApiKey> fromKeychain(String account) {
        try {
            return keychain.get().read(account);
        } catch (KeychainException e) {
            LOG.warn("keychain entry {} could not be read: {}", account, e.getMessage());
            return Optional.empty();
        }
    }

    private Optional<ApiKey> fromEnvironment(String variable) {
        String value = environment.get(variable);
        if (value == null || value.isBlank()) {
            return Optional.empty();
        }
        try {
            return Optional.of(ApiKey.of(value));
        } catch (IllegalArgumentException e) {
            LOG.warn("{} holds no usable key: {}", variable, e.getMessage());
            return Optional.empty();
        }
    }

    /** The key a provider's calls would use, shown by its last four characters; empty when it has none. */
    public Optional<String> shownKey(String name) {
        return resolve(ProviderChoice.of(name)).key().key().map(ApiKey::masked);
    }

    private Optional<ProviderConfig> configured(String name) throws SQLException {
        return store.all().stream().filter(p -> p.name().equals(name)).findFirst();
    }

    private IllegalArgumentException unknown(String name) {
        List<String> names = new ArrayList<>(list().stream().map(ProviderConfig::name).toList());
        for (ProviderKind kind : ProviderKind.values()) {
            if (!names.contains(kind.id())) {
                names.add(kind.id());
            }
        }
        return new IllegalArgumentException("there is no provider '" + name + "'; choose one of " + String.join(", ",
                names) + ", or add one in Settings > Providers");
    }

    private static String normalised(String name) {
        return name == null ? "" : name.strip().toLowerCase(Locale.ROOT);
    }

    private void changed() {
        changeListeners.forEach(Runnable::run);
    }
}
