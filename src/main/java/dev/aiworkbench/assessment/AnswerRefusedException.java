package dev.aiworkbench.assessment;

/** An answer that does not fit its item (a choice out of range, a confidence outside 1–3); nothing was recorded. */
public final class AnswerRefusedException extends RuntimeException {
    public AnswerRefusedException(String message) {
        super(message);
    }
}
