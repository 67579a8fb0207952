package dev.aiworkbench.progress;

import dev.aiworkbench.store.Timestamps;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Types;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** The SQL behind progress; every method runs inside a transaction its caller opened. */
final class ProgressStore {
    private ProgressStore() {
    }

    static Map<String, ItemState> states(Connection c, String packId) throws SQLException {
        Map<String, ItemState> states = new LinkedHashMap<>();
        try (PreparedStatement s = c.prepareStatement(
                "SELECT item_id, state, updated_at FROM item_state WHERE pack_id = ? ORDER BY item_id")) {
            s.setString(1, packId);
            try (ResultSet r = s.executeQuery()) {
                while (r.next()) {
                    states.put(r.getString(1), new ItemState(r.getString(1), TaskState.parse(r.getString(2)),
                            Timestamps.parse(r.getString(3))));
                }
            }
        }
        return states;
    }

    static Optional<TaskState> state(Connection c, String packId, String itemId) throws SQLException {
        try (PreparedStatement s = c.prepareStatement(
                "SELECT state FROM item_state WHERE pack_id = ? AND item_id = ?")) {
            s.setString(1, packId);
            s.setString(2, itemId);
            try (ResultSet r = s.executeQuery()) {
                return r.next() ? Optional.of(TaskState.parse(r.getString(1))) : Optional.empty();
            }
        }
    }

    static void putState(Connection c, String packId, String itemId, TaskState state, Instant at) throws SQLException {
        try (PreparedStatement s = c.prepareStatement("INSERT INTO item_state (pack_id, item_id, state, updated_at) "
                + "VALUES (?, ?, ?, ?) ON CONFLICT (pack_id, item_id) DO UPDATE SET state = excluded.state, "
                + "updated_at = excluded.updated_at")) {
            s.setString(1, packId);
            s.setString(2, itemId);
            s.setString(3, state.id());
            s.setString(4, Timestamps.format(at));
            s.executeUpdate();
        }
    }

    static void addEvent(Connection c, String packId, ProgressEvent event) throws SQLException {
        try (PreparedStatement s = c.prepareStatement("INSERT INTO progress_event "
                + "(pack_id, item_id, kind, from_state, to_state, minutes, at) VALUES (?, ?, ?, ?, ?, ?, ?)")) {
            s.setString(1, packId);
            s.setString(2, event.itemId());
            s.setString(3, event.kind().id());
            s.setString(4, event.fromState() == null ? null : event.fromState().id());
            s.setString(5, event.toState() == null ? null : event.toState().id());
            if (event.minutes() == null) {
                s.setNull(6, Types.INTEGER);
            } else {
                s.setInt(6, event.minutes());
            }
            s.setString(7, Timestamps.format(event.at()));
            s.executeUpdate();
        }
    }

    static List<ProgressEvent> events(Connection c, String packId) throws SQLException {
        List<ProgressEvent> events = new ArrayList<>();
        try (PreparedStatement s = c.prepareStatement("SELECT item_id, kind, from_state, to_state, minutes, at "
                + "FROM progress_event WHERE pack_id = ? ORDER BY id")) {
            s.setString(1, packId);
            try (ResultSet r = s.executeQuery()) {
                while (r.next()) {
                    Integer minutes = nullableInt(r, 5);
                    events.add(new ProgressEvent(r.getString(1), ProgressEvent.Kind.fromId(r.getString(2)),
                            r.getString(3) == null ? null : TaskState.parse(r.getString(3)),
                            r.getString(4) == null ? null : TaskState.parse(r.getString(4)),
                            minutes, Timestamps.parse(r.getString(6))));
                }
            }
        }
        return events;
    }

    /** An INTEGER column that may be NULL; wasNull() must be asked right after the read it concerns. */
    private static Integer nullableInt(ResultSet r, int column) throws SQLException {
        int value = r.getInt(column);
        return r.wasNull() ? null : value;
    }

    static List<WeekNote> notes(Connection c, String packId) throws SQLException {
        List<WeekNote> notes = new ArrayList<>();
        try (PreparedStatement s = c.prepareStatement(
                "SELECT week_id, markdown, updated_at FROM week_note WHERE pack_id = ? ORDER BY week_id")) {
            s.setString(1, packId);
            try (ResultSet r = s.executeQuery()) {
                while (r.next()) {
                    notes.add(new WeekNote(r.getString(1), r.getString(2), Timestamps.parse(r.getString(3))));
                }
            }
        }
        return notes;
    }

    static void putNote(Connection c, String packId, WeekNote note) throws SQLException {
        try (PreparedStatement s = c.prepareStatement("INSERT INTO week_note (pack_id, week_id, markdown, updated_at) "
                + "VALUES (?, ?, ?, ?) ON CONFLICT (pack_id, week_id) DO UPDATE SET markdown = excluded.markdown, "
                + "updated_at = excluded.updated_at")) {
            s.setString(1, packId);
            s.setString(2, note.weekId());
            s.setString(3, note.markdown());
            s.setString(4, Timestamps.format(note.updatedAt()));
            s.executeUpdate();
        }
    }

    static void deleteNote(Connection c, String packId, String weekId) throws SQLException {
        try (PreparedStatement s = c.prepareStatement("DELETE FROM week_note WHERE pack_id = ? AND week_id = ?")) {
            s.setString(1, packId);
            s.setString(2, weekId);
            s.executeUpdate();
        }
    }

    static List<TimeEntry> timeEntries(Connection c, String packId) throws SQLException {
        List<TimeEntry> entries = new ArrayList<>();
        try (PreparedStatement s = c.prepareStatement("SELECT item_id, source, started_at, ended_at, minutes "
                + "FROM time_entry WHERE pack_id = ? ORDER BY id")) {
            s.setString(1, packId);
            try (ResultSet r = s.executeQuery()) {
                while (r.next()) {
                    Integer minutes = nullableInt(r, 5);
                    entries.add(new TimeEntry(r.getString(1), TimeEntry.Source.fromId(r.getString(2)),
                            Timestamps.parse(r.getString(3)),
                            r.getString(4) == null ? null : Timestamps.parse(r.getString(4)),
                            minutes));
                }
            }
        }
        return entries;
    }

    static void addTimeEntry(Connection c, String packId, TimeEntry entry) throws SQLException {
        try (PreparedStatement s = c.prepareStatement("INSERT INTO time_entry "
                + "(pack_id, item_id, source, started_at, ended_at, minutes) VALUES (?, ?, ?, ?, ?, ?)")) {
            s.setString(1, packId);
            s.setString(2, entry.itemId());
            s.setString(3, entry.source().id());
            s.setString(4, Timestamps.format(entry.startedAt()));
            s.setString(5, entry.endedAt() == null ? null : Timestamps.format(entry.endedAt()));
            if (entry.minutes() == null) {
                s.setNull(6, Types.INTEGER);
            } else {
                s.setInt(6, entry.minutes());
            }
            s.executeUpdate();
        }
    }

    static Optional<TimeEntry> runningTimer(Connection c, String packId) throws SQLException {
        try (PreparedStatement s = c.prepareStatement("SELECT item_id, started_at FROM time_entry "
                + "WHERE pack_id = ? AND ended_at IS NULL")) {
            s.setString(1, packId);
            try (ResultSet r = s.executeQuery()) {
                return r.next() ? Optional.of(new TimeEntry(r.getString(1), TimeEntry.Source.TIMER,
                        Timestamps.parse(r.getString(2)), null, null)) : Optional.empty();
            }
        }
    }

    static void endRunningTimer(Connection c, String packId, Instant endedAt, int minutes) throws SQLException {
        try (PreparedStatement s = c.prepareStatement("UPDATE time_entry SET ended_at = ?, minutes = ? "
                + "WHERE pack_id = ? AND ended_at IS NULL")) {
            s.setString(1, Timestamps.format(endedAt));
            s.setInt(2, minutes);
            s.setString(3, packId);
            s.executeUpdate();
        }
    }

    static Optional<PlanSettings> plan(Connection c, String packId) throws SQLException {
        try (PreparedStatement s = c.prepareStatement(
                "SELECT start_date, hours_per_week FROM plan WHERE pack_id = ?")) {
            s.setString(1, packId);
            try (ResultSet r = s.executeQuery()) {
                return r.next() ? Optional.of(new PlanSettings(LocalDate.parse(r.getString(1)), r.getDouble(2)))
                        : Optional.empty();
            }
        }
    }

    static void putPlan(Connection c, String packId, PlanSettings plan) throws SQLException {
        try (PreparedStatement s = c.prepareStatement("INSERT INTO plan (pack_id, start_date, hours_per_week) "
                + "VALUES (?, ?, ?) ON CONFLICT (pack_id) DO UPDATE SET start_date = excluded.start_date, "
                + "hours_per_week = excluded.hours_per_week")) {
            s.setString(1, packId);
            s.setString(2, plan.startDate().toString());
            s.setDouble(3, plan.hoursPerWeek());
            s.executeUpdate();
        }
    }

    static boolean hasAnyProgress(Connection c, String packId) throws SQLException {
        try (PreparedStatement s = c.prepareStatement("SELECT EXISTS (SELECT 1 FROM item_state WHERE pack_id = ?) "
                + "OR EXISTS (SELECT 1 FROM progress_event WHERE pack_id = ?) "
                + "OR EXISTS (SELECT 1 FROM week_note WHERE pack_id = ?) "
                + "OR EXISTS (SELECT 1 FROM time_entry WHERE pack_id = ?)")) {
            for (int i = 1; i <= 4; i++) {
                s.setString(i, packId);
            }
            try (ResultSet r = s.executeQuery()) {
                return r.next() && r.getBoolean(1);
            }
        }
    }

    static void deleteAll(Connection c, String packId) throws SQLException {
        for (String table : new String[] {"item_state", "progress_event", "week_note", "time_entry", "plan"}) {
            try (PreparedStatement s = c.prepareStatement("DELETE FROM " + table + " WHERE pack_id = ?")) {
                s.setString(1, packId);
                s.executeUpdate();
            }
        }
    }
}
