package dev.aiworkbench.progress;

import dev.aiworkbench.store.Database;
import dev.aiworkbench.store.Sql;
import dev.aiworkbench.store.Timestamps;

import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The SQL behind progress. Every method runs inside a transaction its caller opened with
 * {@link Database#inTransaction}; statements are the database's cached ones.
 */
final class ProgressStore {
    private final Database database;

    ProgressStore(Database database) {
        this.database = database;
    }

    private PreparedStatement sql(String sql, Object... parameters) throws SQLException {
        return Sql.bind(database, sql, parameters);
    }

    private static Instant nullableInstant(String text) {
        return text == null ? null : Timestamps.parse(text);
    }

    private static TaskState nullableState(String id) {
        return id == null ? null : TaskState.parse(id);
    }

    Map<String, ItemState> states(String packId) throws SQLException {
        Map<String, ItemState> states = new LinkedHashMap<>();
        try (ResultSet r = sql("SELECT item_id, state, updated_at FROM item_state WHERE pack_id = ? ORDER BY item_id",
                packId).executeQuery()) {
            while (r.next()) {
                states.put(r.getString(1), new ItemState(r.getString(1), TaskState.parse(r.getString(2)),
                        Timestamps.parse(r.getString(3))));
            }
        }
        return states;
    }

    Optional<TaskState> state(String packId, String itemId) throws SQLException {
        try (ResultSet r = sql("SELECT state FROM item_state WHERE pack_id = ? AND item_id = ?", packId, itemId)
                .executeQuery()) {
            return r.next() ? Optional.of(TaskState.parse(r.getString(1))) : Optional.empty();
        }
    }

    void putState(String packId, String itemId, TaskState state, Instant at) throws SQLException {
        sql("INSERT INTO item_state (pack_id, item_id, state, updated_at) VALUES (?, ?, ?, ?) "
                + "ON CONFLICT (pack_id, item_id) DO UPDATE SET state = excluded.state, updated_at = excluded.updated_at",
                packId, itemId, state.id(), Timestamps.format(at)).executeUpdate();
    }

    void addEvent(String packId, ProgressEvent event) throws SQLException {
        sql("INSERT INTO progress_event (pack_id, item_id, kind, from_state, to_state, minutes, at) "
                        + "VALUES (?, ?, ?, ?, ?, ?, ?)", packId, event.itemId(), event.kind().id(),
                event.fromState() == null ? null : event.fromState().id(),
                event.toState() == null ? null : event.toState().id(), event.minutes(),
                Timestamps.format(event.at())).executeUpdate();
    }

    List<ProgressEvent> events(String packId) throws SQLException {
        List<ProgressEvent> events = new ArrayList<>();
        try (ResultSet r = sql("SELECT item_id, kind, from_state, to_state, minutes, at FROM progress_event "
                + "WHERE pack_id = ? ORDER BY id", packId).executeQuery()) {
            while (r.next()) {
                events.add(new ProgressEvent(r.getString(1), ProgressEvent.Kind.fromId(r.getString(2)),
                        nullableState(r.getString(3)), nullableState(r.getString(4)), Sql.nullableInt(r, 5),
                        Timestamps.parse(r.getString(6))));
            }
        }
        return events;
    }

    List<WeekNote> notes(String packId) throws SQLException {
        List<WeekNote> notes = new ArrayList<>();
        try (ResultSet r = sql("SELECT week_id, markdown, updated_at FROM week_note WHERE pack_id = ? ORDER BY week_id",
                packId).executeQuery()) {
            while (r.next()) {
                notes.add(new WeekNote(r.getString(1), r.getString(2), Timestamps.parse(r.getString(3))));
            }
        }
        return notes;
    }

    void putNote(String packId, WeekNote note) throws SQLException {
        sql("INSERT INTO week_note (pack_id, week_id, markdown, updated_at) VALUES (?, ?, ?, ?) "
                + "ON CONFLICT (pack_id, week_id) DO UPDATE SET markdown = excluded.markdown, "
                + "updated_at = excluded.updated_at", packId, note.weekId(), note.markdown(),
                Timestamps.format(note.updatedAt())).executeUpdate();
    }

    void deleteNote(String packId, String weekId) throws SQLException {
        sql("DELETE FROM week_note WHERE pack_id = ? AND week_id = ?", packId, weekId).executeUpdate();
    }

    List<TimeEntry> timeEntries(String packId) throws SQLException {
        List<TimeEntry> entries = new ArrayList<>();
        try (ResultSet r = sql("SELECT item_id, source, started_at, ended_at, minutes FROM time_entry "
                + "WHERE pack_id = ? ORDER BY id", packId).executeQuery()) {
            while (r.next()) {
                entries.add(new TimeEntry(r.getString(1), TimeEntry.Source.fromId(r.getString(2)),
                        Timestamps.parse(r.getString(3)), nullableInstant(r.getString(4)), Sql.nullableInt(r, 5)));
            }
        }
        return entries;
    }

    void addTimeEntry(String packId, TimeEntry entry) throws SQLException {
        sql("INSERT INTO time_entry (pack_id, item_id, source, started_at, ended_at, minutes) VALUES (?, ?, ?, ?, ?, ?)",
                packId, entry.itemId(), entry.source().id(), Timestamps.format(entry.startedAt()),
                entry.endedAt() == null ? null : Timestamps.format(entry.endedAt()), entry.minutes()).executeUpdate();
    }

    Optional<TimeEntry> runningTimer(String packId) throws SQLException {
        try (ResultSet r = sql("SELECT item_id, started_at FROM time_entry WHERE pack_id = ? AND ended_at IS NULL",
                packId).executeQuery()) {
            return r.next() ? Optional.of(new TimeEntry(r.getString(1), TimeEntry.Source.TIMER,
                    Timestamps.parse(r.getString(2)), null, null)) : Optional.empty();
        }
    }

    void endRunningTimer(String packId, Instant endedAt, int minutes) throws SQLException {
        sql("UPDATE time_entry SET ended_at = ?, minutes = ? WHERE pack_id = ? AND ended_at IS NULL",
                Timestamps.format(endedAt), minutes, packId).executeUpdate();
    }

    /** Where the database stands now, to tell whether anything was written since a snapshot was read. */
    ReadStamp stamp() throws SQLException {
        long changes;
        try (ResultSet r = sql("SELECT total_changes()").executeQuery()) {
            r.next();
            changes = r.getLong(1);
        }
        try (ResultSet r = sql("PRAGMA data_version").executeQuery()) {
            r.next();
            return new ReadStamp(changes, r.getLong(1));
        }
    }

    Optional<PlanSettings> plan(String packId) throws SQLException {
        try (ResultSet r = sql("SELECT start_date, hours_per_week FROM plan WHERE pack_id = ?", packId).executeQuery()) {
            return r.next() ? Optional.of(new PlanSettings(LocalDate.parse(r.getString(1)), r.getDouble(2)))
                    : Optional.empty();
        }
    }

    void putPlan(String packId, PlanSettings plan) throws SQLException {
        sql("INSERT INTO plan (pack_id, start_date, hours_per_week) VALUES (?, ?, ?) ON CONFLICT (pack_id) "
                        + "DO UPDATE SET start_date = excluded.start_date, hours_per_week = excluded.hours_per_week",
                packId, plan.startDate().toString(), plan.hoursPerWeek()).executeUpdate();
    }

    boolean hasAnyProgress(String packId) throws SQLException {
        try (ResultSet r = sql("SELECT EXISTS (SELECT 1 FROM item_state WHERE pack_id = ?1) "
                + "OR EXISTS (SELECT 1 FROM progress_event WHERE pack_id = ?1) "
                + "OR EXISTS (SELECT 1 FROM week_note WHERE pack_id = ?1) "
                + "OR EXISTS (SELECT 1 FROM time_entry WHERE pack_id = ?1)", packId).executeQuery()) {
            return r.next() && r.getBoolean(1);
        }
    }

    void deleteAll(String packId) throws SQLException {
        for (String table : new String[] {"item_state", "progress_event", "week_note", "time_entry", "plan"}) {
            sql("DELETE FROM " + table + " WHERE pack_id = ?", packId).executeUpdate();
        }
    }
}
