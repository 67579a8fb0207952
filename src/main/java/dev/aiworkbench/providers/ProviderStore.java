package dev.aiworkbench.providers;

import dev.aiworkbench.llm.ProviderKind;
import dev.aiworkbench.store.Database;
import dev.aiworkbench.store.Sql;

import java.net.URI;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** The SQL behind the configured providers; every method runs in a transaction its caller opened. */
final class ProviderStore {
    private final Database database;

    ProviderStore(Database database) {
        this.database = database;
    }

    /** In the order they were added. */
    List<ProviderConfig> all() throws SQLException {
        List<ProviderConfig> providers = new ArrayList<>();
        try (ResultSet r = Sql.bind(database, "SELECT name, kind, base_url, key_ref FROM provider ORDER BY id")
                .executeQuery()) {
            while (r.next()) {
                ProviderKind kind = ProviderKind.of(r.getString(2)).orElseThrow();
                providers.add(new ProviderConfig(r.getString(1), kind,
                        Optional.ofNullable(r.getString(3)).map(URI::create), KeyReference.parse(r.getString(4))));
            }
        }
        return providers;
    }

    void insert(ProviderConfig provider) throws SQLException {
        Sql.bind(database, "INSERT INTO provider (name, kind, base_url, key_ref) VALUES (?, ?, ?, ?)", provider.name(),
                provider.kind().id(), provider.baseUrl().map(URI::toString).orElse(null),
                provider.key().map(KeyReference::text).orElse(null)).executeUpdate();
    }

    void delete(String name) throws SQLException {
        Sql.bind(database, "DELETE FROM provider WHERE name = ?", name).executeUpdate();
    }
}
