package dev.aiworkbench.observability;

import dev.aiworkbench.store.Database;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;

/** Every row of both rollup tables as text, in key order, to compare two ways of rolling the same calls up. */
final class RollupRows {
    private RollupRows() {
    }

    /** Costs are rounded to 1e-9: sums added in another order differ in the last bits. */
    static String of(Database database) {
        return database.read(c -> {
            List<String> rows = new ArrayList<>();
            for (RollupPeriod period : RollupPeriod.values()) {
                add(c, period, rows);
            }
            return String.join("\n", rows);
        });
    }

    private static void add(Connection c, RollupPeriod period, List<String> rows) throws SQLException {
        try (Statement s = c.createStatement(); ResultSet r = s.executeQuery("SELECT '" + period + "', * FROM "
                + period.table() + " ORDER BY start, feature, operation, provider, model")) {
            int columns = r.getMetaData().getColumnCount();
            while (r.next()) {
                StringBuilder row = new StringBuilder();
                for (int i = 1; i <= columns; i++) {
                    Object value = r.getObject(i);
                    row.append(switch (value) {
                        case byte[] bytes -> HexFormat.of().formatHex(bytes);
                        case Double d -> String.format("%.9f", d);
                        case null -> "null";
                        default -> value.toString();
                    }).append(' ');
                }
                rows.add(row.toString());
            }
        }
    }
}
