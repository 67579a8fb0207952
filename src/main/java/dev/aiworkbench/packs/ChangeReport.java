package dev.aiworkbench.packs;

import java.util.List;
import java.util.stream.Stream;

/**
 * What a new version of an installed pack changes, part by part, for the learner to read before upgrading.
 *
 * @param fromVersion the version used now
 * @param toVersion   the version being installed
 */
public record ChangeReport(String fromVersion, String toVersion, List<Change> weeks, List<Change> tasks,
                           List<Change> checklist, List<Change> labs, List<Change> assessments) {
    public enum Kind { ADDED, REMOVED, REPLACED, CHANGED }

    /**
     * One part added, removed, replaced (its id is now another's: progress moves) or changed.
     *
     * @param detail what changed, or which id replaces a removed one; empty when there is nothing to add
     */
    public record Change(Kind kind, String id, String title, String detail) {
    }

    public ChangeReport {
        weeks = List.copyOf(weeks);
        tasks = List.copyOf(tasks);
        checklist = List.copyOf(checklist);
        labs = List.copyOf(labs);
        assessments = List.copyOf(assessments);
    }

    public boolean isEmpty() {
        return all().findAny().isEmpty();
    }

    public long count(Kind kind) {
        return all().filter(c -> c.kind() == kind).count();
    }

    private Stream<Change> all() {
        return Stream.of(weeks, tasks, checklist, labs, assessments).flatMap(List::stream);
    }
}
