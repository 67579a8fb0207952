package dev.aiworkbench.ui.models;

import dev.aiworkbench.llm.ModelServerException;

import java.util.Locale;
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
            return failed(sentence(e.getMessage()));
        }
    }

    boolean isOk() {
        return problem == null;
    }

    /** A service's lower-case clause as a sentence: capitalised, with a full stop. */
    static String sentence(String text) {
        if (text == null || text.isBlank()) {
            return "That did not work; the log in the data folder has the details.";
        }
        String trimmed = text.strip();
        String first = trimmed.substring(0, 1).toUpperCase(Locale.ROOT) + trimmed.substring(1);
        return first.endsWith(".") || first.endsWith("?") || first.endsWith("!") ? first : first + ".";
    }
}
