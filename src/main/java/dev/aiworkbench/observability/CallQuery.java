package dev.aiworkbench.observability;

import dev.aiworkbench.store.Timestamps;

import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.time.ZoneId;

/** The WHERE clause of a range and a filter over model_call, its parameters in order, and the group keys. */
record CallQuery(TimeRange range, CallFilter filter) {
    String where() {
        return "WHERE started_at >= ? AND started_at < ?" + labels() + (filter.errorsOnly() ? " AND outcome = 'error'" : "");
    }

    /** The filter's label conditions, each starting with " AND "; the columns are model_call's and the rollups'. */
    String labels() {
        StringBuilder where = new StringBuilder();
        if (filter.feature() != null) {
            where.append(" AND feature = ?");
        }
        if (filter.provider() != null) {
            where.append(" AND provider = ?");
        }
        if (filter.model() != null) {
            where.append(" AND model = ?");
        }
        if (filter.operation() != null) {
            where.append(" AND operation = ?");
        }
        return where.toString();
    }

    /** Binds the range and the labels from the index on; returns the next free index. */
    int bind(PreparedStatement s, int index) throws SQLException {
        s.setString(index++, Timestamps.format(range.from()));
        s.setString(index++, Timestamps.format(range.to()));
        return bindLabels(s, index);
    }

    int bindLabels(PreparedStatement s, int index) throws SQLException {
        for (String value : new String[] {filter.feature(), filter.provider(), filter.model(), filter.operation()}) {
            if (value != null) {
                s.setString(index++, value);
            }
        }
        return index;
    }

    /** The key's SQL over a row whose time is in the given column; a day key takes the zone's offset as parameter. */
    static String key(GroupBy by, String timeColumn) {
        return switch (by) {
            case MODEL -> "model";
            case FEATURE -> "feature";
            case PROVIDER -> "provider";
            case OPERATION -> "operation";
            case DAY -> "date(" + timeColumn + ", ?)";
        };
    }

    /** The offset a day key is computed with: the zone's at the end of the range (a day is the zone's day then). */
    static int offsetSeconds(ZoneId zone, TimeRange range) {
        return zone.getRules().getOffset(range.to()).getTotalSeconds();
    }

    static String offsetModifier(int seconds) {
        return (seconds >= 0 ? "+" : "") + seconds + " seconds";
    }

    /** Binds the zone's offset for a day key; returns the next free index. */
    static int bindKey(PreparedStatement s, GroupBy by, ZoneId zone, TimeRange range, int index) throws SQLException {
        if (by != GroupBy.DAY) {
            return index;
        }
        s.setString(index, offsetModifier(offsetSeconds(zone, range)));
        return index + 1;
    }
}
