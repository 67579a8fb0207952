package dev.aiworkbench.eval.run;

import dev.aiworkbench.eval.suite.ProviderSpec;
import dev.aiworkbench.llm.ModelGateway;
import dev.aiworkbench.llm.Usage;

import java.util.OptionalDouble;
import java.util.function.Function;
import java.util.function.Supplier;

/** Where each of a suite's providers (and judges) is called, and what its calls cost; asked once per run. */
public interface EvalModels {

    /** The gateway serving this provider's kind, with its {@code config} address and key applied. */
    ModelGateway gateway(ProviderSpec provider);

    /** The provider as the learner knows it (a configured provider's name, else its kind's id), for messages. */
    default String providerName(ProviderSpec provider) {
        return provider.server().id();
    }

    /** What a call's usage costs on this provider's model. */
    Function<Usage, OptionalDouble> pricing(ProviderSpec provider);

    /** Every provider, whatever its kind, on one gateway: the runner as it was before suites named other kinds. */
    static EvalModels single(Supplier<ModelGateway> gateway, Function<String, Function<Usage, OptionalDouble>> pricing) {
        return new EvalModels() {
            @Override
            public ModelGateway gateway(ProviderSpec provider) {
                return gateway.get();
            }

            @Override
            public Function<Usage, OptionalDouble> pricing(ProviderSpec provider) {
                return pricing.apply(provider.model());
            }
        };
    }
}
