package dev.aiworkbench.curriculum;

import java.util.List;

/** The project that closes a phase, due in the phase's last week. */
public record Milestone(String id, String phaseId, String title, String summary, int week,
                        List<ChecklistItem> checklist) {
}
