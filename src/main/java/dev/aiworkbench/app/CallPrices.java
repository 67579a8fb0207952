package dev.aiworkbench.app;

import dev.aiworkbench.llm.ProviderKind;
import dev.aiworkbench.llm.Usage;
import dev.aiworkbench.observability.CallPricing;
import dev.aiworkbench.prompts.PriceRow;

import java.util.List;
import java.util.OptionalDouble;
import java.util.function.Function;

/**
 * How calls are priced from the price table's rows, read once: an Ollama call at the local row, a hosted one at the
 * first row that names its model. A hosted model no row names has no cost, rather than the local row's zero.
 */
record CallPrices(List<PriceRow> rows) implements CallPricing {

    @Override
    public OptionalDouble costUsd(String provider, String model, Usage usage) {
        return of(provider, model).apply(usage);
    }

    /** What a call's usage costs on the provider kind's model. */
    Function<Usage, OptionalDouble> of(String provider, String model) {
        if (ProviderKind.OLLAMA.id().equals(provider)) {
            PriceRow local = rows.stream().filter(PriceRow::local).findFirst().orElseThrow();
            return local::costUsd;
        }
        return rows.stream().filter(row -> !row.local() && row.appliesTo(model)).findFirst()
                .<Function<Usage, OptionalDouble>>map(row -> row::costUsd)
                .orElse(usage -> OptionalDouble.empty());
    }
}
