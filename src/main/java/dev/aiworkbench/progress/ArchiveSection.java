package dev.aiworkbench.progress;

import com.fasterxml.jackson.databind.JsonNode;
import dev.aiworkbench.curriculum.Pack;

import java.sql.SQLException;

/**
 * A feature's own part of a progress export (self-assessment attempts, say), kept under {@code sections} by its
 * name. Features above progress plug in here, so progress needs to know none of them. Export and write run inside
 * the transfer's transaction: an import lands whole, every section with it, or not at all.
 */
public interface ArchiveSection {
    /** The key under {@code sections}; stable across versions. */
    String name();

    /** The section's content for the pack; runs inside the export's transaction. */
    JsonNode export(Pack pack) throws SQLException;

    /**
     * Checks the content completely before anything is written.
     *
     * @throws ImportRefusedException a sentence saying what is wrong; nothing is imported
     */
    void check(Pack pack, JsonNode content) throws ImportRefusedException;

    /** True when the data folder already holds some of this section's data for the pack. */
    boolean hasAny(Pack pack) throws SQLException;

    /** Replaces the pack's data of this section with the checked content; runs inside the import's transaction. */
    void replace(Pack pack, JsonNode content) throws SQLException;
}
