package dev.aiworkbench.llm;

/**
 * Receives a pull's progress lines as they arrive. It is called on the gateway's I/O thread, which
 * reads every exchange in flight: return quickly and never block there.
 */
@FunctionalInterface
public interface PullListener {
    void onProgress(PullProgress progress);
}
