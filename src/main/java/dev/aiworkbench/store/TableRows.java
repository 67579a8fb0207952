package dev.aiworkbench.store;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;

import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.ResultSetMetaData;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Rows lifted out of a table as JSON and put back later, column by column, so a feature can set progress aside
 * (archived, never deleted) without a mirror table for each of its tables. Runs inside its caller's transaction;
 * table and column names come from code, never from input.
 */
public final class TableRows {
    private TableRows() {
    }

    /** Reads the rows of {@code table} that match {@code where} and deletes them; the result can be {@link #put} back. */
    public static ArrayNode take(Database database, String table, String where, Object... parameters) throws SQLException {
        ArrayNode rows = read(database, "SELECT * FROM " + table + " WHERE " + where, parameters);
        Sql.bind(database, "DELETE FROM " + table + " WHERE " + where, parameters).executeUpdate();
        return rows;
    }

    /** Reads rows of any query as JSON objects, column name to value. */
    public static ArrayNode read(Database database, String query, Object... parameters) throws SQLException {
        ArrayNode rows = JsonNodeFactory.instance.arrayNode();
        try (ResultSet r = Sql.bind(database, query, parameters).executeQuery()) {
            ResultSetMetaData columns = r.getMetaData();
            while (r.next()) {
                ObjectNode row = rows.addObject();
                for (int c = 1; c <= columns.getColumnCount(); c++) {
                    Object value = r.getObject(c);
                    String name = columns.getColumnLabel(c);
                    switch (value) {
                        case null -> row.putNull(name);
                        case Integer number -> row.put(name, number.longValue());
                        case Long number -> row.put(name, number);
                        case Double number -> row.put(name, number);
                        case Float number -> row.put(name, number.doubleValue());
                        default -> row.put(name, value.toString());
                    }
                }
            }
        }
        return rows;
    }

    /**
     * Inserts rows taken from a table back into it. A row whose key is taken in the meantime is skipped rather than
     * overwriting what is there.
     *
     * @param dropped columns left out, so that the table gives a fresh value (a rowid another row may hold now)
     * @param set     columns given a new value for every row (a parent's new id, say)
     */
    public static void put(Database database, String table, JsonNode rows, Set<String> dropped,
                           Map<String, Object> set) throws SQLException {
        for (JsonNode row : rows) {
            insert(database, table, row, dropped, set, "").executeUpdate();
        }
    }

    /** Like {@link #put}, for one row of a rowid table; returns the new row's id, or empty when it was skipped. */
    public static Optional<Long> putOne(Database database, String table, JsonNode row, Set<String> dropped,
                                        Map<String, Object> set) throws SQLException {
        try (ResultSet r = insert(database, table, row, dropped, set, " RETURNING rowid").executeQuery()) {
            return r.next() ? Optional.of(r.getLong(1)) : Optional.empty();
        }
    }

    private static PreparedStatement insert(Database database, String table, JsonNode row, Set<String> dropped,
                                    Map<String, Object> set, String returning) throws SQLException {
        List<String> names = new ArrayList<>();
        List<Object> values = new ArrayList<>();
        for (Iterator<Map.Entry<String, JsonNode>> fields = row.fields(); fields.hasNext(); ) {
            Map.Entry<String, JsonNode> field = fields.next();
            if (!dropped.contains(field.getKey()) && !set.containsKey(field.getKey())) {
                names.add(field.getKey());
                values.add(value(field.getValue()));
            }
        }
        set.forEach((name, value) -> {
            names.add(name);
            values.add(value);
        });
        String sql = "INSERT OR IGNORE INTO " + table + " (" + String.join(", ", names) + ") VALUES ("
                + String.join(", ", names.stream().map(n -> "?").toList()) + ")" + returning;
        return Sql.bind(database, sql, values.toArray());
    }

    private static Object value(JsonNode node) {
        if (node.isNull()) {
            return null;
        }
        if (node.isIntegralNumber()) {
            return node.asLong();
        }
        if (node.isNumber()) {
            return node.asDouble();
        }
        return node.asText();
    }
}
