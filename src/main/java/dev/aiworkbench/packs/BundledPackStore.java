package dev.aiworkbench.packs;

import dev.aiworkbench.store.Database;
import dev.aiworkbench.store.Sql;

import java.sql.ResultSet;
import java.time.Instant;
import java.util.Optional;

/** The built-in pack versions this data folder walked, and the update report of each not shown yet. */
final class BundledPackStore {
    private final Database database;

    BundledPackStore(Database database) {
        this.database = database;
    }

    /** The version of the built-in pack walked last; empty before the first start that recorded one. */
    Optional<String> seenVersion(String packId) {
        return database.inTransaction(c -> {
            try (ResultSet r = Sql.bind(database, "SELECT seen_version FROM bundled_pack WHERE pack_id = ?", packId)
                    .executeQuery()) {
                return r.next() ? Optional.of(r.getString(1)) : Optional.<String>empty();
            }
        });
    }

    /** Records the version walked now, with the report to show once, or none. */
    void record(String packId, String version, Instant at, Optional<String> notice) {
        database.inTransaction(c -> Sql.bind(database, "INSERT INTO bundled_pack (pack_id, seen_version, seen_at, notice)"
                + " VALUES (?, ?, ?, ?) ON CONFLICT (pack_id) DO UPDATE SET seen_version = excluded.seen_version,"
                + " seen_at = excluded.seen_at, notice = excluded.notice", packId, version, at, notice.orElse(null))
                .executeUpdate());
    }

    /** The report not shown yet, which this call marks as shown. */
    Optional<String> takeNotice(String packId) {
        return database.inTransaction(c -> {
            Optional<String> notice;
            try (ResultSet r = Sql.bind(database, "SELECT notice FROM bundled_pack WHERE pack_id = ?", packId)
                    .executeQuery()) {
                notice = r.next() ? Optional.ofNullable(r.getString(1)) : Optional.empty();
            }
            if (notice.isPresent()) {
                Sql.bind(database, "UPDATE bundled_pack SET notice = NULL WHERE pack_id = ?", packId).executeUpdate();
            }
            return notice;
        });
    }
}
