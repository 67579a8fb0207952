package dev.aiworkbench.eval.suite;

import dev.aiworkbench.eval.stats.GateSpec;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Optional;

/**
 * A suite as the runner needs it: every file it names has been read and checked, and
 * {@link #tests} is the expanded list of items with {@code defaultTest} merged in.
 *
 * @param file           the suite file as it was given
 * @param description    the {@code description}; empty when there is none
 * @param prompts        each prompt, in the order written
 * @param providers      each model the prompts run on
 * @param tests          the items, in the order written, each with its stable key
 * @param judge          the judge models of {@code defaultTest.options.provider} (each test carries its
 *                       own, which may override this)
 * @param maxConcurrency {@code evaluateOptions.maxConcurrency}; 4 when unset
 * @param repeat         how many times each item runs ({@code repeat} or {@code evaluateOptions.repeat}); 1
 *                       when unset
 * @param gate           the {@code gate} section, when there is one
 * @param gateCell       the cell its {@code gate.cell} names, when the gate guards one cell of several
 * @param scriptTimeout  the time limit of each javascript and python call, transform and assertion alike
 *                       ({@code evaluateOptions.scriptTimeoutMs}, a workbench extension promptfoo ignores); empty
 *                       for the defaults (5 s JavaScript, 30 s Python)
 */
public record EvalSuite(Path file, String description, List<PromptSource> prompts, List<ProviderSpec> providers,
                        List<TestCase> tests, JudgeSpec judge, int maxConcurrency, int repeat,
                        Optional<GateSpec> gate, Optional<GateCell> gateCell, Optional<Duration> scriptTimeout) {
    public static final int DEFAULT_MAX_CONCURRENCY = 4;
    public static final int DEFAULT_REPEAT = 1;

    public EvalSuite {
        description = description == null ? "" : description;
        prompts = List.copyOf(prompts);
        providers = List.copyOf(providers);
        tests = List.copyOf(tests);
        judge = judge == null ? JudgeSpec.NONE : judge;
        gate = gate == null ? Optional.empty() : gate;
        gateCell = gateCell == null ? Optional.empty() : gateCell;
        scriptTimeout = scriptTimeout == null ? Optional.empty() : scriptTimeout;
    }

    /** A suite whose gate, if any, guards every cell, with the default script time limits. */
    public EvalSuite(Path file, String description, List<PromptSource> prompts, List<ProviderSpec> providers,
                     List<TestCase> tests, JudgeSpec judge, int maxConcurrency, int repeat, Optional<GateSpec> gate) {
        this(file, description, prompts, providers, tests, judge, maxConcurrency, repeat, gate, Optional.empty(),
                Optional.empty());
    }

    /** Each prompt on each provider that runs it (its {@code prompts}), prompt by prompt; embedding models run none. */
    public List<GateCell.Cell> cells() {
        return cells(prompts, providers);
    }

    static List<GateCell.Cell> cells(List<PromptSource> prompts, List<ProviderSpec> providers) {
        List<GateCell.Cell> cells = new java.util.ArrayList<>();
        for (PromptSource prompt : prompts) {
            for (ProviderSpec provider : providers) {
                if (provider.kind() != ProviderSpec.Kind.EMBEDDING && provider.runs(prompt)) {
                    cells.add(new GateCell.Cell(prompt, provider));
                }
            }
        }
        return cells;
    }
}
