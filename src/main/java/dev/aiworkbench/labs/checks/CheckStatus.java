package dev.aiworkbench.labs.checks;

/** A check passed, failed (the learner's work is not there yet), or errored (it could not be evaluated). */
public enum CheckStatus {
    PASS, FAIL, ERROR
}
