package dev.aiworkbench.ui.settings;

import dev.aiworkbench.llm.ApiKey;
import dev.aiworkbench.llm.LocalModel;
import dev.aiworkbench.llm.ModelServerException;
import dev.aiworkbench.llm.ProviderKind;
import dev.aiworkbench.providers.KeychainStatus;
import dev.aiworkbench.providers.ProviderConfig;
import dev.aiworkbench.providers.ResolvedProvider;
import dev.aiworkbench.ui.common.Sentences;
import dev.aiworkbench.ui.tasks.TaskExecutor;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * The Providers section of Settings: the providers with where each key comes from (by its last four characters
 * only), adding one with its key going to the keychain, removing one, and a connection test that asks the provider
 * for its version and models off the FX thread and answers in a sentence.
 */
public final class ProvidersViewModel {
    private static final int MODELS_NAMED = 3;

    private final ProviderOperations operations;
    private final TaskExecutor tasks;
    private final ObservableList<ProviderLine> providers = FXCollections.observableArrayList();
    private final ReadOnlyStringWrapper keychain = new ReadOnlyStringWrapper("");
    private final ReadOnlyBooleanWrapper keychainAvailable = new ReadOnlyBooleanWrapper(false);
    private final ReadOnlyStringWrapper status = new ReadOnlyStringWrapper("");
    private final ReadOnlyBooleanWrapper busy = new ReadOnlyBooleanWrapper(false);

    public ProvidersViewModel(ProviderOperations operations, TaskExecutor tasks) {
        this.operations = operations;
        this.tasks = tasks;
    }

    public void load() {
        tasks.run(this::read, this::show, this::failed);
    }

    public ObservableList<ProviderLine> providers() {
        return FXCollections.unmodifiableObservableList(providers);
    }

    /** Where keys are kept here, or why only the environment's are read. */
    public ReadOnlyStringProperty keychainProperty() {
        return keychain.getReadOnlyProperty();
    }

    public ReadOnlyBooleanProperty keychainAvailableProperty() {
        return keychainAvailable.getReadOnlyProperty();
    }

    /** What happened last: added, removed, a connection test's answer, or what went wrong. */
    public ReadOnlyStringProperty statusProperty() {
        return status.getReadOnlyProperty();
    }

    public ReadOnlyBooleanProperty busyProperty() {
        return busy.getReadOnlyProperty();
    }

    /**
     * Adds a provider. The key text is wrapped at once, so it is held nowhere as a plain string beyond this call.
     *
     * @param key empty for none (the kind's environment variable is then read)
     */
    public void add(String name, ProviderKind kind, String baseUrl, String key) {
        ProviderConfig provider;
        Optional<ApiKey> secret;
        try {
            if (kind == null) {
                throw new IllegalArgumentException("choose the provider's kind");
            }
            provider = new ProviderConfig(name, kind, baseUrl == null || baseUrl.isBlank() ? Optional.empty()
                    : Optional.of(kind.parseBaseUrl(baseUrl)), Optional.empty());
            secret = key == null || key.isBlank() ? Optional.empty() : Optional.of(ApiKey.of(key));
        } catch (IllegalArgumentException e) {
            status.set(Sentences.of(e.getMessage()));
            return;
        }
        busy.set(true);
        status.set("Adding " + provider.name() + "…");
        tasks.run(() -> {
            operations.add().accept(provider, secret);
            return read();
        }, loaded -> {
            show(loaded);
            status.set("Added " + provider.name() + secret.map(k -> " with the key " + k.masked() + " in the keychain")
                    .orElse("") + ".");
        }, this::failed);
    }

    public void remove(ProviderLine line) {
        if (line == null || !line.removable()) {
            return;
        }
        busy.set(true);
        tasks.run(() -> {
            operations.remove().accept(line.name());
            return read();
        }, loaded -> {
            show(loaded);
            status.set("Removed " + line.name() + ".");
        }, this::failed);
    }

    /** Asks the provider for its version and models; the answer, or why there was none, is a sentence. */
    public void test(ProviderLine line) {
        if (line == null) {
            return;
        }
        busy.set(true);
        status.set("Asking " + line.name() + " at " + line.address() + "…");
        tasks.run(() -> connection(line), answer -> {
            busy.set(false);
            status.set(answer);
        }, this::failed);
    }

    private String connection(ProviderLine line) {
        try {
            var gateway = operations.gateway().apply(line.name());
            String version = gateway.version();
            List<LocalModel> models = gateway.listModels();
            String named = models.stream().limit(MODELS_NAMED).map(LocalModel::name).collect(Collectors.joining(", "));
            return line.name() + " answers at " + line.address() + (version.isBlank() ? "" : " (version " + version + ")")
                    + " and serves " + models.size() + (models.size() == 1 ? " model" : " models")
                    + (named.isEmpty() ? "." : ": " + named + (models.size() > MODELS_NAMED ? ", …" : "") + ".");
        } catch (ModelServerException e) {
            return Sentences.of(e.getMessage());
        }
    }

    private Loaded read() {
        KeychainStatus keys = operations.keychain().get();
        List<ProviderLine> lines = new ArrayList<>();
        for (ProviderConfig provider : operations.list().get()) {
            ResolvedProvider resolved = operations.resolve().apply(provider.name());
            String key = !provider.kind().takesKey() ? "no key needed" : resolved.key().key()
                    .map(k -> "key " + k.masked() + " from " + resolved.key().source())
                    .orElse("no key in " + resolved.key().source());
            lines.add(new ProviderLine(provider.name(), provider.kind().id(), resolved.baseUri().toString(), key,
                    !provider.name().equals(ProviderKind.OLLAMA.id())));
        }
        return new Loaded(keys, lines);
    }

    private void show(Loaded loaded) {
        busy.set(false);
        keychain.set(loaded.keychain().explanation());
        keychainAvailable.set(loaded.keychain().available());
        providers.setAll(loaded.lines());
    }

    private void failed(Throwable failure) {
        busy.set(false);
        status.set(Sentences.of(Sentences.cause(failure).getMessage()));
    }

    private record Loaded(KeychainStatus keychain, List<ProviderLine> lines) {
    }
}
