package dev.aiworkbench.ui.settings;

import dev.aiworkbench.llm.ApiKey;
import dev.aiworkbench.llm.ModelGateway;
import dev.aiworkbench.providers.KeychainStatus;
import dev.aiworkbench.providers.ProviderConfig;
import dev.aiworkbench.providers.ResolvedProvider;

import java.util.List;
import java.util.Optional;
import java.util.function.BiConsumer;
import java.util.function.Consumer;
import java.util.function.Function;
import java.util.function.Supplier;

/**
 * What the Providers section may do; every call may touch the database, the keychain or the network, so it runs on
 * the task executor.
 *
 * @param list     the local server first, then the configured providers
 * @param resolve  where a provider's calls go and with which key
 * @param keychain whether keys can be kept in the keychain here, and if not why
 * @param add      adds a provider, its key (if any) to the keychain
 * @param remove   removes a configured provider and its keychain entry
 * @param gateway  the provider's gateway, for the connection test
 */
public record ProviderOperations(Supplier<List<ProviderConfig>> list, Function<String, ResolvedProvider> resolve,
                                 Supplier<KeychainStatus> keychain, BiConsumer<ProviderConfig, Optional<ApiKey>> add,
                                 Consumer<String> remove, Function<String, ModelGateway> gateway) {
}
