package dev.aiworkbench.eval.run;

import dev.aiworkbench.eval.suite.EvalSuite;
import dev.aiworkbench.eval.suite.PromptSource;
import dev.aiworkbench.eval.suite.ProviderSpec;

import java.util.ArrayList;
import java.util.List;

/**
 * One prompt on one provider, a cell of the suite's matrix: a run within the suite's one run when the suite has
 * several (a run of its own when the screen runs one cell), and a provider runs only the prompts its {@code prompts}
 * allows.
 */
public record Variant(int promptIndex, int providerIndex) {

    public static List<Variant> all(EvalSuite suite) {
        List<Variant> variants = new ArrayList<>();
        for (int p = 0; p < suite.prompts().size(); p++) {
            for (int m = 0; m < suite.providers().size(); m++) {
                ProviderSpec provider = suite.providers().get(m);
                if (provider.kind() != ProviderSpec.Kind.EMBEDDING && provider.runs(suite.prompts().get(p))) {
                    variants.add(new Variant(p, m));
                }
            }
        }
        return variants;
    }

    public PromptSource prompt(EvalSuite suite) {
        return suite.prompts().get(promptIndex);
    }

    public ProviderSpec provider(EvalSuite suite) {
        return suite.providers().get(providerIndex);
    }

    /** The key baselines are found by: the suite file, and the variant when the suite has more than one. */
    public String suiteKey(EvalSuite suite) {
        String file = suite.file().toAbsolutePath().normalize().toString();
        return all(suite).size() > 1 ? file + "#" + prompt(suite).label() + "@" + provider(suite).id() : file;
    }
}
