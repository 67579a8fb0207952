package dev.aiworkbench.store;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** Each kind of value a store binds lands in SQLite as the type the stores read it back as. */
class SqlTest {
    @TempDir
    Path temp;

    @Test
    void each_kind_of_value_is_bound_as_its_sqlite_type() {
        Instant at = Instant.parse("2026-12-06T01:02:03.456Z");
        try (Database database = Database.open(temp.resolve("workbench.db"))) {
            List<String> stored = database.inTransaction(c -> {
                try (Statement s = c.createStatement()) {
                    s.executeUpdate("CREATE TEMP TABLE bound (n INTEGER PRIMARY KEY, v)");
                }
                Object[] values = {null, 7, 9_000_000_000L, 2.5, true, false, at, LocalDate.of(2026, 12, 6), "text"};
                for (int n = 0; n < values.length; n++) {
                    Sql.bind(database, "INSERT INTO bound (n, v) VALUES (?, ?)", n, values[n]).executeUpdate();
                }
                List<String> rows = new ArrayList<>();
                try (Statement s = c.createStatement(); ResultSet r = s.executeQuery(
                        "SELECT typeof(v) || ' ' || coalesce(v, '') FROM bound ORDER BY n")) {
                    while (r.next()) {
                        rows.add(r.getString(1));
                    }
                }
                return rows;
            });

            assertThat(stored).containsExactly("null ", "integer 7", "integer 9000000000", "real 2.5", "integer 1",
                    "integer 0", "text " + Timestamps.format(at), "text 2026-12-06", "text text");
        }
    }
}
