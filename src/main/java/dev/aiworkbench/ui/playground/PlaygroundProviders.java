package dev.aiworkbench.ui.playground;

import dev.aiworkbench.llm.ChatMessage;
import dev.aiworkbench.llm.ModelGateway;
import dev.aiworkbench.llm.ProviderKind;
import dev.aiworkbench.llm.TokenListener;
import dev.aiworkbench.prompts.Playground;
import dev.aiworkbench.prompts.PlaygroundCall;
import dev.aiworkbench.prompts.PriceRow;
import dev.aiworkbench.prompts.PriceTable;
import dev.aiworkbench.prompts.RunSetup;
import dev.aiworkbench.providers.ProviderConfig;

import java.util.List;
import java.util.Optional;
import java.util.function.Function;
import java.util.function.Supplier;

/**
 * What the playground reaches of the configured providers: their list, each one's models, a run on one (recorded
 * with that provider) and the key it uses, masked. Every method may read the database or the keychain, so none is
 * called on the FX thread.
 */
public final class PlaygroundProviders {
    private final Supplier<List<ProviderConfig>> list;
    private final Function<String, ModelGateway> models;
    private final Function<String, Playground> playgrounds;
    private final Function<String, Optional<String>> shownKey;
    private final PriceTable prices;

    /**
     * @param list        the configured providers, the local server first
     * @param models      a provider's gateway, to list what it serves
     * @param playgrounds the playground running on a provider
     * @param shownKey    the key a provider's calls use, by its last four characters; empty when none
     */
    public PlaygroundProviders(Supplier<List<ProviderConfig>> list, Function<String, ModelGateway> models,
                               Function<String, Playground> playgrounds, Function<String, Optional<String>> shownKey,
                               PriceTable prices) {
        this.list = list;
        this.models = models;
        this.playgrounds = playgrounds;
        this.shownKey = shownKey;
        this.prices = prices;
    }

    public List<ProviderConfig> list() {
        return list.get();
    }

    public ModelGateway models(String provider) {
        return models.apply(provider);
    }

    public Optional<String> shownKey(String provider) {
        return shownKey.apply(provider);
    }

    /**
     * Starts a run of the setup's model on the provider. A local server is priced at the row the learner chose; a hosted model at
     * the row naming it, and its cost is unknown when no row does (never taken from another model's row).
     */
    public PlaygroundCall start(String provider, RunSetup setup, String chosenPrice, TokenListener listener) {
        return start(provider, setup, List.of(), chosenPrice, listener);
    }

    /** Carries a run's conversation on with the turns since its prompt (tool calls and their results), priced alike. */
    public PlaygroundCall start(String provider, RunSetup setup, List<ChatMessage> earlierTurns, String chosenPrice,
                                TokenListener listener) {
        String price = hosted(provider) ? prices.rowFor(setup.model()).map(PriceRow::name).orElse(null) : chosenPrice;
        return playgrounds.apply(provider).start(setup, earlierTurns, price, listener);
    }

    private boolean hosted(String provider) {
        return kind(provider).map(ProviderKind::takesKey).orElse(false);
    }

    /** A configured provider's kind, else the kind a built-in name stands for; empty when the name is neither. */
    private Optional<ProviderKind> kind(String provider) {
        return list().stream().filter(p -> p.name().equals(provider)).map(ProviderConfig::kind).findFirst()
                .or(() -> ProviderKind.of(provider));
    }

    /**
     * Why a run can no longer go to the provider it was made on, as a sentence with what to do; empty when it can. The
     * provider is gone when Settings no longer has it, and a hosted one's key is gone when neither its keychain entry
     * nor its environment variable holds one.
     */
    public Optional<String> unavailable(String provider) {
        Optional<ProviderKind> kind = kind(provider);
        if (kind.isEmpty()) {
            return Optional.of("The provider '" + provider + "' this run was made on is no longer configured: add it "
                    + "again in Settings > Providers, or choose another model and press Run.");
        }
        if (kind.get().takesKey() && shownKey(provider).isEmpty()) {
            return Optional.of("The provider '" + provider + "' this run was made on has no key any more (its "
                    + "keychain entry or environment variable is gone): set its key in Settings > Providers or "
                    + kind.get().keyVariable().orElseThrow() + ", then press Run.");
        }
        return Optional.empty();
    }
}
