package dev.aiworkbench.llm;

/** Receives a pull's progress lines as they arrive, on a gateway thread. */
@FunctionalInterface
public interface PullListener {
    void onProgress(PullProgress progress);
}
