package dev.aiworkbench.prompts;

import dev.aiworkbench.store.Sql;
import dev.aiworkbench.store.Database;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The SQL behind the price table. Every method runs inside a transaction its caller opened with
 * {@link Database#inTransaction}; statements are the database's cached ones. Names compare without
 * case, as the column does.
 */
final class PriceStore {
    private final Database database;

    PriceStore(Database database) {
        this.database = database;
    }

    boolean isEmpty() throws SQLException {
        try (ResultSet r = Sql.bind(database, "SELECT NOT EXISTS (SELECT 1 FROM price)").executeQuery()) {
            return r.next() && r.getBoolean(1);
        }
    }

    /** The local row first, then the others in the order they were added. */
    List<PriceRow> rows() throws SQLException {
        List<PriceRow> rows = new ArrayList<>();
        try (ResultSet r = Sql.bind(database, "SELECT name, input_usd_per_million, output_usd_per_million, note, local, "
                + "models FROM price ORDER BY local DESC, id").executeQuery()) {
            while (r.next()) {
                rows.add(new PriceRow(r.getString(1), r.getDouble(2), r.getDouble(3), r.getString(4), r.getBoolean(5),
                        PriceRow.parseModels(r.getString(6))));
            }
        }
        return rows;
    }

    Optional<PriceRow> row(String name) throws SQLException {
        return rows().stream().filter(r -> r.name().equalsIgnoreCase(name)).findFirst();
    }

    void insert(PriceRow row) throws SQLException {
        Sql.bind(database, "INSERT INTO price (name, input_usd_per_million, output_usd_per_million, note, local, "
                        + "models) VALUES (?, ?, ?, ?, ?, ?)", row.name(), row.inputUsdPerMillion(),
                row.outputUsdPerMillion(), row.note(), row.local(), String.join(", ", row.models())).executeUpdate();
    }

    /** Changes everything but which row is local. */
    void update(String name, PriceRow row) throws SQLException {
        Sql.bind(database, "UPDATE price SET name = ?, input_usd_per_million = ?, output_usd_per_million = ?, note = ?, "
                        + "models = ? WHERE name = ?", row.name(), row.inputUsdPerMillion(), row.outputUsdPerMillion(),
                row.note(), String.join(", ", row.models()), name).executeUpdate();
    }

    void delete(String name) throws SQLException {
        Sql.bind(database, "DELETE FROM price WHERE name = ?", name).executeUpdate();
    }
}
