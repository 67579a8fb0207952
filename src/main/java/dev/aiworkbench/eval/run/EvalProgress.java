package dev.aiworkbench.eval.run;

/** Hears each case as it lands (on a runner thread). */
@FunctionalInterface
public interface EvalProgress {
    /**
     * @param done  cases finished so far, resumed ones included
     * @param total cases in the run
     */
    void onCase(CaseResult result, int done, int total);

    EvalProgress NONE = (result, done, total) -> { };
}
