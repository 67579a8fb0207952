package dev.aiworkbench.progress;

import com.fasterxml.jackson.databind.JsonNode;

import java.sql.SQLException;
import java.util.Set;

/**
 * A feature's progress recorded against a pack's item ids (tasks, weeks, assessments, their items), which an upgrade
 * of the pack moves to a replacing id or sets aside. Features above progress plug in here, as with
 * {@link ArchiveSection}. Every method runs inside the carry-over's transaction.
 */
public interface ItemProgress {
    /** The key of this feature's rows in an archived item; stable across versions. */
    String name();

    /** The ids of the pack that have any progress of this feature. */
    Set<String> idsWithProgress(String packId) throws SQLException;

    /**
     * Moves the progress on one id to another. Where the new id already holds a row that cannot have two (a state,
     * a note), the old row stays under the old id, to be archived.
     */
    void move(String packId, String fromId, String toId) throws SQLException;

    /** Removes the id's progress from the live tables and returns it, for {@link #attach}; empty when there is none. */
    JsonNode detach(String packId, String itemId) throws SQLException;

    /**
     * Puts detached progress back.
     *
     * @return what could not go back yet (an answer whose attempt is archived elsewhere), to stay archived; empty
     *         when everything went back
     */
    JsonNode attach(String packId, String itemId, JsonNode rows) throws SQLException;
}
