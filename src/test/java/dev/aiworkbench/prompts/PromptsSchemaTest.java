package dev.aiworkbench.prompts;

import dev.aiworkbench.store.Database;
import dev.aiworkbench.store.DatabaseException;
import dev.aiworkbench.store.SettingsStore;
import dev.aiworkbench.testing.DatabaseDump;
import dev.aiworkbench.testing.MutableClock;
import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The V2 schema defends itself: raw SQL cannot change history or store what the code would refuse. */
class PromptsSchemaTest {
    @TempDir
    Path temp;
    private Database database;

    @BeforeEach
    void open() {
        database = Database.open(temp.resolve("workbench.db"));
        new PromptRegistry(database, MutableClock.utc("2026-03-01T10:00")).save("p", PromptContent.of("t"), "a", "");
    }

    @AfterEach
    void close() {
        database.close();
    }

    private void execute(String sql) {
        database.inTransaction(c -> {
            try (Statement s = c.createStatement()) {
                return s.executeUpdate(sql);
            }
        });
    }

    private String query(String sql) {
        return scalar(database, sql);
    }

    private static String scalar(Database database, String sql) {
        return database.inTransaction(c -> {
            try (Statement s = c.createStatement(); ResultSet r = s.executeQuery(sql)) {
                return r.next() ? r.getString(1) : null;
            }
        });
    }

    private void refused(String sql, String because) {
        String before = DatabaseDump.of(database);
        // The learner reads the store's sentence; the constraint that refused the row is in the cause.
        assertThatThrownBy(() -> execute(sql)).isInstanceOf(DatabaseException.class)
                .satisfies(refusal -> assertThat(refusal.getCause()).hasMessageContaining(because));
        assertThat(DatabaseDump.of(database)).isEqualTo(before);
    }

    @Test
    void aSchemaOneFileWithDataIsUpgradedInPlaceKeepingIt() throws SQLException {
        Path file = temp.resolve("schema-1.db");
        String url = "jdbc:sqlite:" + file.toAbsolutePath();
        Flyway.configure().dataSource(url, null, null).locations("classpath:db/migration").target("1").load()
                .migrate();
        try (Connection c = DriverManager.getConnection(url); Statement s = c.createStatement()) {
            s.executeUpdate("INSERT INTO setting (key, value) VALUES ('theme', 'dark')");
            s.executeUpdate("INSERT INTO item_state (pack_id, item_id, state, updated_at) "
                    + "VALUES ('pack', 'w01-t1', 'done', '2025-01-01T00:00:00.000Z')");
        }

        try (Database upgraded = Database.open(file)) {
            assertThat(new SettingsStore(upgraded).get("theme")).contains("dark");
            assertThat(scalar(upgraded, "SELECT state FROM item_state WHERE item_id = 'w01-t1'")).isEqualTo("done");
            assertThat(scalar(upgraded, "SELECT MAX(CAST(version AS INTEGER)) FROM flyway_schema_history "
                    + "WHERE success = 1")).isEqualTo(String.valueOf(Database.SCHEMA_VERSION));
            assertThat(new PromptRegistry(upgraded, MutableClock.utc("2026-03-01T10:00"))
                    .save("p", PromptContent.of("t"), "a", "").created()).isTrue();
        }
    }

    @Test
    void versionsCannotBeUpdatedOrDeleted() {
        refused("UPDATE prompt_version SET template = 'rewritten'", "prompt versions never change");
        refused("DELETE FROM prompt_version", "prompt versions are never deleted");
        assertThat(query("SELECT template FROM prompt_version")).isEqualTo("t");
    }

    @Test
    void versionsAreNumberedWithoutGaps() {
        refused("INSERT INTO prompt_version (prompt_id, version, created_at, author, note, template, system_prompt, "
                + "options, format) SELECT id, 3, '2026-03-01T10:00:00.000Z', 'a', '', 't', '', '{}', 'plain' "
                + "FROM prompt", "numbered 1, 2, 3");
    }

    @Test
    void aPromptWithVersionsCannotBeDeleted() {
        refused("DELETE FROM prompt", "FOREIGN KEY");
    }

    @Test
    void namesAndTimestampsAreCheckedInSqlToo() {
        refused("INSERT INTO prompt (name, created_at) VALUES ('Bad Name', '2026-03-01T10:00:00.000Z')", "CHECK");
        refused("INSERT INTO prompt (name, created_at) VALUES ('ok', '2026-03-01 10:00')", "CHECK");
    }

    @Test
    void aRunCanOnlyPointAtAnExistingVersion() {
        refused("INSERT INTO playground_run (created_at, prompt_id, prompt_version, model, template, system_prompt, "
                + "variables, options, format, output) SELECT '2026-03-01T10:00:00.000Z', id, 9, 'm', 't', '', '{}', "
                + "'{}', 'plain', '' FROM prompt", "FOREIGN KEY");
    }

    @Test
    void theLocalPriceRowCannotBeDeletedOrDemoted() {
        new PriceTable(database).rows();
        refused("DELETE FROM price WHERE local = 1", "the local price row cannot be removed");
        refused("UPDATE price SET local = 0", "cannot change");
        refused("INSERT INTO price (name, input_usd_per_million, output_usd_per_million, note, local) "
                + "VALUES ('second local', 0, 0, '', 1)", "UNIQUE");
    }
}
