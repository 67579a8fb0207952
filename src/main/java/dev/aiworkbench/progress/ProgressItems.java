package dev.aiworkbench.progress;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.aiworkbench.store.Database;
import dev.aiworkbench.store.Sql;
import dev.aiworkbench.store.TableRows;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/** Progress's own rows per item: states, history, time (by item id) and notes (by week id). */
final class ProgressItems implements ItemProgress {
    /** Each table and the column that holds the item's id; rowid tables get fresh ids when rows come back. */
    private record Table(String name, String idColumn, boolean rowid) {
    }

    private static final Table[] TABLES = {
            new Table("item_state", "item_id", false),
            new Table("progress_event", "item_id", true),
            new Table("time_entry", "item_id", true),
            new Table("week_note", "week_id", false)};

    private final Database database;

    ProgressItems(Database database) {
        this.database = database;
    }

    @Override
    public String name() {
        return "progress";
    }

    @Override
    public Set<String> idsWithProgress(String packId) throws SQLException {
        Set<String> ids = new TreeSet<>();
        for (Table table : TABLES) {
            try (ResultSet r = Sql.bind(database, "SELECT DISTINCT " + table.idColumn() + " FROM " + table.name()
                    + " WHERE pack_id = ?", packId).executeQuery()) {
                while (r.next()) {
                    ids.add(r.getString(1));
                }
            }
        }
        return ids;
    }

    @Override
    public void move(String packId, String fromId, String toId) throws SQLException {
        for (Table table : TABLES) {
            Sql.bind(database, "UPDATE OR IGNORE " + table.name() + " SET " + table.idColumn() + " = ? WHERE pack_id = ? AND "
                    + table.idColumn() + " = ?", toId, packId, fromId).executeUpdate();
        }
    }

    @Override
    public JsonNode detach(String packId, String itemId) throws SQLException {
        ObjectNode rows = JsonNodeFactory.instance.objectNode();
        for (Table table : TABLES) {
            var taken = TableRows.take(database, table.name(), "pack_id = ? AND " + table.idColumn() + " = ?",
                    packId, itemId);
            if (!taken.isEmpty()) {
                rows.set(table.name(), taken);
            }
        }
        return rows;
    }

    @Override
    public JsonNode attach(String packId, String itemId, JsonNode rows) throws SQLException {
        for (Table table : TABLES) {
            JsonNode taken = rows.path(table.name());
            if (taken.isArray()) {
                TableRows.put(database, table.name(), taken, table.rowid() ? Set.of("id") : Set.of(),
                        Map.of("pack_id", packId, table.idColumn(), itemId));
            }
        }
        return JsonNodeFactory.instance.objectNode();
    }
}
