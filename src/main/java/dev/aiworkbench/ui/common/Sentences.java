package dev.aiworkbench.ui.common;

import dev.aiworkbench.store.DatabaseFailures;

import java.util.Locale;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutionException;

/** Failures as the learner reads them: the service's own sentence, and the failure behind a future's wrapping. */
public final class Sentences {
    private Sentences() {
    }

    /** A service's clause as a sentence: capitalised, with a full stop. */
    public static String of(String text) {
        if (text == null || text.isBlank()) {
            return "That did not work; the log in the data folder has the details.";
        }
        String trimmed = text.strip();
        String first = trimmed.substring(0, 1).toUpperCase(Locale.ROOT) + trimmed.substring(1);
        return first.endsWith(".") || first.endsWith("?") || first.endsWith("!") ? first : first + ".";
    }

    /**
     * A failed task's failure as a sentence: the store's for anything SQLite, Flyway or a full disk reported, so no
     * library's text shows, else the service's own message.
     */
    public static String of(Throwable failure) {
        Throwable cause = cause(failure);
        return DatabaseFailures.sentence(cause).orElseGet(() -> of(cause.getMessage()));
    }

    /** The failure itself, out of the CompletionException and ExecutionException that futures wrap it in. */
    public static Throwable cause(Throwable failure) {
        Throwable cause = failure;
        while ((cause instanceof CompletionException || cause instanceof ExecutionException) && cause.getCause() != null) {
            cause = cause.getCause();
        }
        return cause;
    }
}
