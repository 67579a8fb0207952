package dev.aiworkbench.assessment;

/** An assessment id the pack does not have; the message names the ones it has. */
public final class UnknownAssessmentException extends RuntimeException {
    public UnknownAssessmentException(String message) {
        super(message);
    }
}
