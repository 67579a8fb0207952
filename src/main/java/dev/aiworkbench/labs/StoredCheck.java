package dev.aiworkbench.labs;

import dev.aiworkbench.labs.checks.CheckStatus;

import java.time.Instant;

/** A check result as kept: the latest per check is what the lab page shows. */
public record StoredCheck(String labId, String stepId, String checkId, CheckStatus status, String message, long tookMs,
                          Instant at) {
}
