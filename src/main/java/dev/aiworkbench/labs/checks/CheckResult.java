package dev.aiworkbench.labs.checks;

import java.time.Duration;
import java.time.Instant;

/**
 * What one check found.
 *
 * @param message a sentence: what was expected and found, and for a failure or error what to do next
 */
public record CheckResult(String checkId, CheckStatus status, String message, Duration took, Instant at) {
    public boolean passed() {
        return status == CheckStatus.PASS;
    }
}
