package dev.aiworkbench.progress;

import java.time.Instant;

public record ItemState(String itemId, TaskState state, Instant updatedAt) {
}
