package dev.aiworkbench.eval.assertions;

import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/** A verdict cache for one process: nothing survives a restart. */
public final class InMemoryVerdictCache implements VerdictCache {
    private final Map<VerdictKey, JudgeVerdict> verdicts = new ConcurrentHashMap<>();

    @Override
    public Optional<JudgeVerdict> get(VerdictKey key) {
        return Optional.ofNullable(verdicts.get(key));
    }

    @Override
    public void put(VerdictKey key, JudgeVerdict verdict) {
        verdicts.put(key, verdict);
    }

    public int size() {
        return verdicts.size();
    }
}
