package dev.aiworkbench.testing;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.function.Consumer;

/**
 * How {@code POST /api/pull} of one model goes: its layers, how many progress lines each layer gets, the pause
 * between lines, and an optional failure. On success the model is installed in the fake (see {@link #installs}).
 *
 * <p>The stream is: {@code pulling manifest}, then per layer one {@code pulling <digest[7:19]>} line with digest
 * and total (no completed yet) followed by {@link #steps} lines with completed rising to total, then
 * {@code verifying sha256 digest}, {@code writing manifest}, {@code success}.
 */
public final class FakeOllamaPull {
    private final String name;
    private volatile List<Long> layers = List.of(2_019_377_376L, 1_429L);
    private volatile int steps = 3;
    private volatile Duration stepDelay = Duration.ZERO;
    private volatile String manifestError;
    private volatile int failAfterLines = -1;
    private volatile String failMessage;
    private volatile Consumer<FakeOllamaModel> installs = m -> { };

    FakeOllamaPull(String name) {
        this.name = name;
    }

    public String name() {
        return name;
    }

    /** The layer sizes in bytes, in order (default: 2019377376 and 1429). */
    public FakeOllamaPull layers(long... sizes) {
        List<Long> list = new ArrayList<>();
        for (long size : sizes) {
            list.add(size);
        }
        this.layers = List.copyOf(list);
        return this;
    }

    /** Progress lines with "completed" per layer, after the first line without it (default 3, at least 1). */
    public FakeOllamaPull steps(int steps) {
        if (steps < 1) {
            throw new IllegalArgumentException("steps must be at least 1");
        }
        this.steps = steps;
        return this;
    }

    /** The pause before each line after "pulling manifest" (default none; real Ollama reports about every 60 ms). */
    public FakeOllamaPull stepDelay(Duration stepDelay) {
        this.stepDelay = Objects.requireNonNull(stepDelay);
        return this;
    }

    /**
     * Fails right after "pulling manifest" with this error, e.g. {@code pull model manifest: file does not exist}.
     * Streamed: an error line with status 200; with stream:false: a 500 body.
     */
    public FakeOllamaPull manifestError(String error) {
        this.manifestError = Objects.requireNonNull(error);
        return this;
    }

    /**
     * Fails mid-download after this many layer progress lines (the "pulling xxxx" lines) with an error line, e.g.
     * {@code max retries exceeded: unexpected EOF}. With stream:false: a 500 body.
     */
    public FakeOllamaPull failAfter(int progressLines, String error) {
        this.failAfterLines = progressLines;
        this.failMessage = Objects.requireNonNull(error);
        return this;
    }

    /** Configures the model that a successful pull installs (it is created with defaults if missing). */
    public FakeOllamaPull installs(Consumer<FakeOllamaModel> configure) {
        this.installs = Objects.requireNonNull(configure);
        return this;
    }

    /** The digest ("sha256:" + 64 hex) of layer i, stable for a model name. */
    public String layerDigest(int i) {
        return "sha256:" + FakeOllamaModel.sha256(name + "#layer" + i);
    }

    List<Long> layersValue() {
        return layers;
    }

    int stepsValue() {
        return steps;
    }

    Duration stepDelayValue() {
        return stepDelay;
    }

    String manifestErrorValue() {
        return manifestError;
    }

    int failAfterLinesValue() {
        return failAfterLines;
    }

    String failMessageValue() {
        return failMessage;
    }

    Consumer<FakeOllamaModel> installsValue() {
        return installs;
    }
}
