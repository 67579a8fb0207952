package dev.aiworkbench.labs;

import dev.aiworkbench.labs.checks.CheckStatus;
import dev.aiworkbench.store.Database;
import dev.aiworkbench.store.Sql;

import java.sql.ResultSet;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/** Trust grants and check results in SQLite; every write is one transaction. */
public final class LabStore {
    private final Database database;

    public LabStore(Database database) {
        this.database = database;
    }

    public boolean trusted(String packId, String packVersion) {
        return database.inTransaction(c -> {
            try (ResultSet r = Sql.bind(database, "SELECT 1 FROM lab_trust WHERE pack_id = ? AND pack_version = ?",
                    packId, packVersion).executeQuery()) {
                return r.next();
            }
        });
    }

    public void trust(String packId, String packVersion, Instant at) {
        database.inTransaction(c -> Sql.bind(database, "INSERT OR IGNORE INTO lab_trust (pack_id, pack_version, granted_at) "
                + "VALUES (?, ?, ?)", packId, packVersion, at).executeUpdate());
    }

    public void put(List<StoredCheck> results) {
        database.inTransaction(c -> {
            for (StoredCheck result : results) {
                Sql.bind(database, "INSERT INTO lab_check (lab_id, step_id, check_id, status, message, took_ms, at) "
                        + "VALUES (?, ?, ?, ?, ?, ?, ?)", result.labId(), result.stepId(), result.checkId(),
                        result.status().name().toLowerCase(Locale.ROOT), result.message(), result.tookMs(), result.at())
                        .executeUpdate();
            }
            return null;
        });
    }

    /** The latest result of each check of a lab, by check id. */
    public Map<String, StoredCheck> latest(String labId) {
        return database.inTransaction(c -> {
            Map<String, StoredCheck> latest = new LinkedHashMap<>();
            // Only the newest row of each check, found through the (lab_id, check_id, id) index, not the whole history.
            try (ResultSet r = Sql.bind(database, "SELECT step_id, check_id, status, message, took_ms, at FROM lab_check "
                    + "WHERE id IN (SELECT MAX(id) FROM lab_check WHERE lab_id = ? GROUP BY check_id) ORDER BY id", labId)
                    .executeQuery()) {
                while (r.next()) {
                    latest.put(r.getString(2), new StoredCheck(labId, r.getString(1), r.getString(2),
                            CheckStatus.valueOf(r.getString(3).toUpperCase(Locale.ROOT)), r.getString(4), r.getLong(5),
                            Sql.instant(r, 6)));
                }
            }
            return latest;
        });
    }
}
