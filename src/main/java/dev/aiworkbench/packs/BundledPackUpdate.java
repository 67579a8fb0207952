package dev.aiworkbench.packs;

import dev.aiworkbench.curriculum.SemanticVersion;
import dev.aiworkbench.packs.ChangeReport.Change;
import dev.aiworkbench.packs.ChangeReport.Kind;
import dev.aiworkbench.progress.CarryOverPlan;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * What an app update's newer built-in pack changed for a learner who walked an earlier one, and what happened to
 * their progress, as the one sentence the app shows once.
 *
 * @param fromVersion the built-in version walked before; empty when the data folder predates the record of it
 * @param changes     the change report against that version, when a copy of it was kept
 */
public record BundledPackUpdate(Optional<String> fromVersion, String toVersion, Optional<ChangeReport> changes,
                                CarryOverPlan carried) {

    /** Tasks that took a new id in another place ({@code replaces:}) or kept their id and changed week. */
    public long tasksMoved() {
        return changes.map(report -> report.tasks().stream().filter(BundledPackUpdate::moved).count())
                .orElse((long) carried.moved().size());
    }

    public long tasksAdded() {
        return changes.map(report -> report.tasks().stream().filter(c -> c.kind() == Kind.ADDED).count()).orElse(0L);
    }

    public long tasksRemoved() {
        return changes.map(report -> report.tasks().stream().filter(c -> c.kind() == Kind.REMOVED).count()).orElse(0L);
    }

    private static boolean moved(Change change) {
        return change.kind() == Kind.REPLACED || change.kind() == Kind.CHANGED && change.detail().startsWith("moved to");
    }

    /** For example "Your plan was updated to 2026.1.0: 3 tasks added, 1 moved; your progress was kept." */
    public String text() {
        boolean newer = fromVersion.map(v -> SemanticVersion.compare(toVersion, v) > 0).orElse(true);
        StringBuilder text = new StringBuilder("Your plan was ").append(newer ? "updated" : "changed").append(" to ")
                .append(toVersion);
        List<String> counts = new ArrayList<>();
        count(counts, tasksAdded(), "added");
        count(counts, tasksMoved(), "moved");
        count(counts, tasksRemoved(), "removed");
        if (!counts.isEmpty()) {
            text.append(": ").append(String.join(", ", counts));
        } else if (changes.isPresent() && !changes.get().isEmpty()) {
            text.append(" (its guides and checks were revised)");
        }
        text.append("; your progress was kept.");
        if (!carried.archived().isEmpty()) {
            text.append(" Progress on ").append(carried.archived().size()).append(" item(s) the plan no longer has was"
                    + " set aside, not deleted: `workbench progress archived` lists it.");
        }
        return text.toString();
    }

    /** The first count names what it counts: "3 tasks added, 1 moved". */
    private static void count(List<String> counts, long count, String what) {
        if (count > 0) {
            String noun = !counts.isEmpty() ? "" : count == 1 ? "task " : "tasks ";
            counts.add(count + " " + noun + what);
        }
    }
}
