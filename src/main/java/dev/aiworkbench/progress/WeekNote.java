package dev.aiworkbench.progress;

import java.time.Instant;

public record WeekNote(String weekId, String markdown, Instant updatedAt) {
}
