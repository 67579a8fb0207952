package dev.aiworkbench.app;

import dev.aiworkbench.llm.GatewayFactory;
import dev.aiworkbench.llm.ModelGateway;
import dev.aiworkbench.providers.Keychain;
import dev.aiworkbench.providers.Providers;
import dev.aiworkbench.providers.ResolvedProvider;

import java.util.HashMap;
import java.util.Map;
import java.util.function.Supplier;

/**
 * The gateways of the model providers, one per provider and address, made on first use by the kind's factory and
 * closed when a provider is added or removed (its key may have changed) or the workbench closes. The local server's
 * gateway stays the workbench's own, which the Local models address remakes.
 */
final class ProviderGateways implements AutoCloseable {
    private final ProviderSetup setup;
    private final Supplier<ModelGateway> local;
    private final Map<String, ModelGateway> made = new HashMap<>();

    /** @param local the workbench's gateway to the local server, at the address it resolves itself */
    ProviderGateways(ProviderSetup setup, Supplier<ModelGateway> local) {
        this.setup = setup;
        this.local = local;
    }

    /** The keychain of the setup, opened on the first call only (it can take seconds). */
    Supplier<Keychain> keychain() {
        Supplier<Keychain> opener = setup.keychain();
        return new Supplier<>() {
            private Keychain keychain;

            @Override
            public synchronized Keychain get() {
                if (keychain == null) {
                    keychain = opener.get();
                }
                return keychain;
            }
        };
    }

    /** @throws IllegalArgumentException the kind has no gateway in this build */
    synchronized ModelGateway gateway(ResolvedProvider provider) {
        // The default provider is the local server unless --base-url points it elsewhere.
        if (provider.name().equals(Providers.DEFAULT) && !provider.baseUriSource().equals(Providers.BASE_URL_OPTION)) {
            return local.get();
        }
        GatewayFactory factory = setup.gateways().get(provider.kind());
        if (factory == null) {
            throw new IllegalArgumentException("this workbench was set up without a gateway for " + provider.kind().label() + " servers; "
                    + "choose an Ollama provider");
        }
        // The key's source is part of the key: a suite's apiKeyEnvar must not reuse a gateway holding another key.
        return made.computeIfAbsent(provider.name() + " " + provider.baseUri() + " " + provider.key().source(),
                key -> factory.create(provider.baseUri(), provider.key()));
    }

    /** Closes the gateways made so far; the next call makes them again with the providers as they are now. */
    synchronized void forget() {
        made.values().forEach(ModelGateway::close);
        made.clear();
    }

    @Override
    public void close() {
        forget();
    }
}
