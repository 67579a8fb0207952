package dev.aiworkbench.store;

import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.util.Optional;

/** App-wide settings as text values (theme and the like), one transaction per write. */
public final class SettingsStore {
    private final Database database;

    public SettingsStore(Database database) {
        this.database = database;
    }

    public Optional<String> get(String key) {
        return database.inTransaction(c -> {
            try (PreparedStatement s = c.prepareStatement("SELECT value FROM setting WHERE key = ?")) {
                s.setString(1, key);
                try (ResultSet r = s.executeQuery()) {
                    return r.next() ? Optional.of(r.getString(1)) : Optional.empty();
                }
            }
        });
    }

    public void put(String key, String value) {
        database.inTransaction(c -> {
            try (PreparedStatement s = c.prepareStatement("INSERT INTO setting (key, value) VALUES (?, ?) "
                    + "ON CONFLICT (key) DO UPDATE SET value = excluded.value")) {
                s.setString(1, key);
                s.setString(2, value);
                return s.executeUpdate();
            }
        });
    }

    public void remove(String key) {
        database.inTransaction(c -> {
            PreparedStatement s = database.statement("DELETE FROM setting WHERE key = ?");
            s.setString(1, key);
            return s.executeUpdate();
        });
    }
}
