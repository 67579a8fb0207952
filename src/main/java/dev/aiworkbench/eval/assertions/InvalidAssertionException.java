package dev.aiworkbench.eval.assertions;

/** The assertion is written so that it cannot be evaluated (a missing value, a value of the wrong shape). */
public class InvalidAssertionException extends RuntimeException {
    public InvalidAssertionException(String message) {
        super(message);
    }
}
