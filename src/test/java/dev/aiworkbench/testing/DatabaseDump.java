package dev.aiworkbench.testing;

import dev.aiworkbench.store.Database;

import java.sql.ResultSet;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;

/** Every row of every table, as text: two equal dumps mean the database holds exactly the same data. */
public final class DatabaseDump {
    private DatabaseDump() {
    }

    public static String of(Database database) {
        return database.inTransaction(c -> {
            List<String> tables = new ArrayList<>();
            try (Statement s = c.createStatement();
                 ResultSet r = s.executeQuery("SELECT name FROM sqlite_master WHERE type = 'table' "
                         + "AND name NOT LIKE 'sqlite_%' ORDER BY name")) {
                while (r.next()) {
                    tables.add(r.getString(1));
                }
            }
            StringBuilder dump = new StringBuilder();
            for (String table : tables) {
                dump.append("== ").append(table).append('\n');
                List<String> rows = new ArrayList<>();
                try (Statement s = c.createStatement(); ResultSet r = s.executeQuery("SELECT * FROM " + table)) {
                    int columns = r.getMetaData().getColumnCount();
                    while (r.next()) {
                        StringBuilder row = new StringBuilder();
                        for (int i = 1; i <= columns; i++) {
                            row.append(i > 1 ? " | " : "").append(r.getString(i));
                        }
                        rows.add(row.toString());
                    }
                }
                rows.stream().sorted().forEach(row -> dump.append(row).append('\n'));
            }
            return dump.toString();
        });
    }
}
