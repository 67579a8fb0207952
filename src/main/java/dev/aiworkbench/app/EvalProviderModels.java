package dev.aiworkbench.app;

import dev.aiworkbench.eval.run.EvalModels;
import dev.aiworkbench.eval.suite.ProviderSpec;
import dev.aiworkbench.llm.ModelGateway;
import dev.aiworkbench.llm.ProviderKind;
import dev.aiworkbench.llm.Usage;
import dev.aiworkbench.providers.ProviderChoice;
import dev.aiworkbench.providers.Providers;
import dev.aiworkbench.providers.ResolvedProvider;

import java.util.Map;
import java.util.OptionalDouble;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;
import java.util.function.Supplier;

/**
 * A suite's providers resolved to the workbench's: an {@code ollama:} id goes to the chosen provider ({@code
 * --provider}, else the local server), as it always has; an {@code openai:} or {@code anthropic:} id goes to the chosen
 * provider when it is of that kind, else to the workbench's provider of that kind (a configured one by that name, else
 * the environment's address and key). The id's {@code apiBaseUrl} and {@code apiKeyEnvar} win over both.
 */
final class EvalProviderModels implements EvalModels {
    private final Providers providers;
    private final ProviderChoice choice;
    private final Function<ResolvedProvider, ModelGateway> gateways;
    private final Supplier<CallPrices> prices;
    private final Map<ProviderKey, ResolvedProvider> resolved = new ConcurrentHashMap<>();
    private final Map<ProviderKey, ModelGateway> made = new ConcurrentHashMap<>();
    private volatile ResolvedProvider chosen;

    /** @param gateways a provider's gateway, recording its calls as the eval's */
    EvalProviderModels(Providers providers, ProviderChoice choice, Function<ResolvedProvider, ModelGateway> gateways,
                       Supplier<CallPrices> prices) {
        this.providers = providers;
        this.choice = choice;
        this.gateways = gateways;
        this.prices = prices;
    }

    /** What tells one provider apart: its kind and what its config says about address and key. */
    private record ProviderKey(ProviderKind server, ProviderSpec.Connection connection) {
    }

    /** @throws IllegalArgumentException no provider of that kind can be resolved, or an address is malformed */
    @Override
    public ModelGateway gateway(ProviderSpec provider) {
        ProviderKey key = new ProviderKey(provider.server(), provider.connection());
        return made.computeIfAbsent(key, k -> gateways.apply(resolve(k)));
    }

    @Override
    public Function<Usage, OptionalDouble> pricing(ProviderSpec provider) {
        ProviderKey key = new ProviderKey(provider.server(), provider.connection());
        return prices.get().of(resolve(key).kind().id(), provider.model());
    }

    @Override
    public String providerName(ProviderSpec provider) {
        return resolve(new ProviderKey(provider.server(), provider.connection())).name();
    }

    private ResolvedProvider resolve(ProviderKey key) {
        return resolved.computeIfAbsent(key, k -> {
            ProviderChoice base = k.server() == ProviderKind.OLLAMA || chosen().kind() == k.server() ? choice
                    : ProviderChoice.of(k.server().id());
            ProviderChoice call = new ProviderChoice(base.provider(), k.connection().baseUrl().or(base::baseUrl));
            return k.connection().keyVariable().map(variable -> providers.resolve(call, variable))
                    .orElseGet(() -> providers.resolve(call));
        });
    }

    private ResolvedProvider chosen() {
        if (chosen == null) {
            chosen = providers.resolve(choice);
        }
        return chosen;
    }
}
