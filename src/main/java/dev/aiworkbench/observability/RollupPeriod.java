package dev.aiworkbench.observability;

import dev.aiworkbench.store.Timestamps;

import java.time.Instant;
import java.time.temporal.ChronoUnit;

/**
 * The two sizes of rollup: UTC hours, which make any range's whole hours and a learner's days, and UTC days, which
 * make long ranges in a twenty-fourth of the rows. Each has its own table of the same columns (migration V9).
 */
enum RollupPeriod {
    HOUR("call_rollup_hour", ChronoUnit.HOURS, 13, ":00:00.000Z"),
    DAY("call_rollup_day", ChronoUnit.DAYS, 10, "T00:00:00.000Z");

    private final String table;
    private final ChronoUnit unit;
    /** How much of a started_at text names the period, and what completes it to the period's start. */
    private final int prefix;
    private final String suffix;

    RollupPeriod(String table, ChronoUnit unit, int prefix, String suffix) {
        this.table = table;
        this.unit = unit;
        this.prefix = prefix;
        this.suffix = suffix;
    }

    String table() {
        return table;
    }

    Instant startOf(Instant instant) {
        return instant.truncatedTo(unit);
    }

    Instant next(Instant start) {
        return start.plus(1, unit);
    }

    /** The start of the period an instant falls in, as the table's start column holds it. */
    String start(Instant instant) {
        return Timestamps.format(startOf(instant));
    }

    /** The same in SQL, of a started_at column. */
    String startSql(String column) {
        return "substr(" + column + ", 1, " + prefix + ") || '" + suffix + "'";
    }
}
