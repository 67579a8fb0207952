package dev.aiworkbench.eval.run;

import java.util.concurrent.CompletableFuture;

/**
 * A run in flight. {@link #done} completes with the run as stored (finished or cancelled), or
 * exceptionally with a {@link dev.aiworkbench.llm.ModelServerException} when the model server went
 * out of reach and the run stopped; every case that landed is kept either way.
 */
public interface EvalExecution {
    EvalRun run();

    CompletableFuture<EvalRun> done();

    /** Stops starting cases and stops those in flight; the run can be resumed later. */
    void cancel();
}
