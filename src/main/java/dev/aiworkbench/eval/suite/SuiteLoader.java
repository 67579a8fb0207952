package dev.aiworkbench.eval.suite;

import dev.aiworkbench.eval.scripts.PythonCommand;

import java.nio.file.Path;
import java.util.Optional;
import java.util.Set;
import java.util.function.Supplier;

/**
 * Loads eval suites written in promptfoo's {@code promptfooconfig.yaml} format (the subset this runner
 * evaluates, plus its {@code gate}, top-level {@code repeat} and per-test {@code cluster}), checking all
 * of a suite at once: every problem is reported as {@code file:line:col: message}, errors and warnings
 * together, and a suite is returned only when there is no error.
 *
 * <p>Files a suite names ({@code file://} prompts, tests files, var files, schemas) are read relative to
 * the suite's folder and must stay inside it, reached without symbolic links, each at most 4 MB.
 */
public final class SuiteLoader {
    private final PromptResolver prompts;
    private final Supplier<Set<String>> assertionTypes;
    private final Supplier<Optional<String>> python;

    /** A loader that accepts the assertion types of {@link AssertionTypes#RUNNER}. */
    public SuiteLoader(PromptResolver prompts) {
        this(prompts, AssertionTypes.runner());
    }

    /**
     * @param prompts        looks up {@code prompt://name@version} prompts
     * @param assertionTypes the assertion types the runner evaluates (without {@code not-}), asked once per load
     */
    public SuiteLoader(PromptResolver prompts, Supplier<Set<String>> assertionTypes) {
        this(prompts, assertionTypes, PythonCommand::find);
    }

    /**
     * @param python where a local Python 3 is ({@link PythonCommand#find()}); a suite with python assertions or
     *               transforms does not load without one
     */
    public SuiteLoader(PromptResolver prompts, Supplier<Set<String>> assertionTypes, Supplier<Optional<String>> python) {
        this.prompts = prompts;
        this.assertionTypes = assertionTypes;
        this.python = python;
    }

    /** Reads the suite file and every file it names. */
    public SuiteLoadResult load(Path suiteFile) {
        return new SuiteReader(suiteFile, prompts, assertionTypes.get(), python).read();
    }
}
