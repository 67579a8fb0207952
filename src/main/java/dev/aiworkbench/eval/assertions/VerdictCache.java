package dev.aiworkbench.eval.assertions;

import java.util.Optional;

/**
 * Judge verdicts kept by (judge model, rubric, output), so a rerun does not ask the judge again.
 * Only verdicts that parsed are stored; a judge that failed is asked again next time.
 * Implementations are safe to call from several threads.
 */
public interface VerdictCache {

    Optional<JudgeVerdict> get(VerdictKey key);

    void put(VerdictKey key, JudgeVerdict verdict);
}
