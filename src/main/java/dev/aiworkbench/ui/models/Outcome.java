package dev.aiworkbench.ui.models;

import dev.aiworkbench.llm.ModelServerException;
import dev.aiworkbench.ui.common.Sentences;

import java.util.concurrent.Callable;

/**
 * What a call the learner can expect to fail came back with: a value, or a sentence to show where
 * they are looking (next to the table or the field), rather than in the shell's error bar.
 */
record Outcome<T>(T value, String problem) {

    static <T> Outcome<T> ok(T value) {
        return new Outcome<>(value, null);
    }

    static <T> Outcome<T> failed(String problem) {
        return new Outcome<>(null, problem);
    }

    /** Runs a model-server call; the server's sentence (with its next step) becomes the problem. */
    static <T> Outcome<T> ofServer(Callable<T> call) throws Exception {
        try {
            return ok(call.call());
        } catch (ModelServerException e) {
            return failed(e.getMessage());
        }
    }

    /** Runs a service call whose refusals (a taken name, a bad price) are the learner's to fix. */
    static <T> Outcome<T> ofRefusal(Callable<T> call) throws Exception {
        try {
            return ok(call.call());
        } catch (IllegalArgumentException e) {
            return failed(Sentences.of(e.getMessage()));
        }
    }

    /** A failure nobody expected, as the sentence shown where the learner is looking. */
    static String unexpected(Throwable failure) {
        return Sentences.of(failure.getMessage());
    }

    boolean isOk() {
        return problem == null;
    }
}
