package dev.aiworkbench.ui.evals;

import dev.aiworkbench.eval.run.Variant;
import dev.aiworkbench.eval.stats.GateSpec;
import dev.aiworkbench.eval.suite.EvalSuite;
import dev.aiworkbench.eval.suite.ProviderSpec;
import dev.aiworkbench.eval.suite.SuiteLoadResult;

import java.util.List;

/** The sentences the Evals screen says about a suite, its problems and its runs. */
final class SuiteTexts {
    private SuiteTexts() {
    }

    /** "1 error", "3 warnings". */
    static String count(long n, String noun) {
        return n + " " + noun + (n == 1 ? "" : "s");
    }

    /** "6 items · 1 prompt × 1 model · qwen2.5:0.5b", with the combinations when there are several. */
    static String facts(EvalSuite suite) {
        List<Variant> variants = Variant.all(suite);
        List<ProviderSpec> models = suite.providers().stream()
                .filter(p -> p.kind() != ProviderSpec.Kind.EMBEDDING).toList();
        String modelNames = String.join(", ", models.stream().map(ProviderSpec::model).distinct().toList());
        return count(suite.tests().size(), "item") + " · " + count(suite.prompts().size(), "prompt") + " × "
                + count(models.size(), "model") + (variants.size() > 1 ? " = " + variants.size()
                + " combinations, each its own run" : "") + " · " + modelNames;
    }

    static String gate(EvalSuite suite) {
        return suite.gate().map(g -> "Gate (" + g.mode().configName() + ", baseline " + g.baseline() + "): "
                        + g.rule() + ".")
                .orElse("Default gate (the suite sets none): " + GateSpec.defaults().rule()
                        + ", against the last run that passed.");
    }

    /** The line above a suite's problems: errors mean nothing was run, warnings alone do not stop it. */
    static String problemsHeading(SuiteLoadResult loaded) {
        if (loaded.problems().isEmpty()) {
            return "";
        }
        return loaded.valid()
                ? count(loaded.warningCount(), "warning") + " (the suite still runs)"
                : count(loaded.errorCount(), "error") + " (nothing was run)"
                + (loaded.warningCount() > 0 ? " and " + count(loaded.warningCount(), "warning") : "");
    }

    static String trendCaption(int finishedRuns) {
        return finishedRuns == 0 ? "No finished run of this suite yet; each run adds a point."
                : count(finishedRuns, "finished run") + " of this suite, oldest on the left; the shaded band is each "
                + "run's 95% interval (Wilson).";
    }
}
