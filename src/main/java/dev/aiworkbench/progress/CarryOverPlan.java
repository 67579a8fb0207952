package dev.aiworkbench.progress;

import java.util.List;

/**
 * What installing a version of a pack does to the progress recorded for its id; nothing is written until it is
 * applied.
 *
 * @param kept     ids with progress that the new version still has
 * @param moved    progress on an old id that moves to the item that {@code replaces:} it
 * @param archived ids with progress that the new version no longer has: set aside, never deleted
 * @param restored archived ids the new version has again: their progress comes back
 */
public record CarryOverPlan(String packId, String version, List<String> kept, List<Move> moved,
                            List<ArchivedItem> archived, List<ArchivedItem> restored) {
    /** @param fromArchive the old id's progress was archived by an earlier upgrade and comes back to move */
    public record Move(String from, String to, boolean fromArchive) {
    }

    public CarryOverPlan {
        kept = List.copyOf(kept);
        moved = List.copyOf(moved);
        archived = List.copyOf(archived);
        restored = List.copyOf(restored);
    }

    /** True when applying it would change the database. */
    public boolean changesAnything() {
        return !moved.isEmpty() || !archived.isEmpty() || !restored.isEmpty();
    }
}
