package dev.aiworkbench.store;

import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Opening reads the schema version first and starts Flyway only when the file is behind: a current file costs one
 * query, an old one is migrated.
 */
class SchemaVersionCheckTest {
    @TempDir
    Path temp;

    private Path file() {
        return temp.resolve("workbench.db");
    }

    private String jdbcUrl() {
        return "jdbc:sqlite:" + file().toAbsolutePath();
    }

    private int appliedVersion() throws SQLException {
        try (Connection c = DriverManager.getConnection(jdbcUrl()); Statement s = c.createStatement();
             ResultSet r = s.executeQuery("SELECT MAX(CAST(version AS INTEGER)) FROM flyway_schema_history "
                     + "WHERE success = 1")) {
            return r.next() ? r.getInt(1) : 0;
        }
    }

    @Test
    void aCurrentSchemaIsOpenedWithoutStartingFlyway() throws SQLException {
        Database.open(file()).close();
        // A checksum Flyway would refuse: its validation on migrate fails on it, so opening can only succeed if
        // Flyway is never started for a file that is already at this build's version.
        try (Connection c = DriverManager.getConnection(jdbcUrl()); Statement s = c.createStatement()) {
            assertThat(s.executeUpdate("UPDATE flyway_schema_history SET checksum = 12345 WHERE version = '1'"))
                    .isEqualTo(1);
        }
        assertThat(Flyway.configure().dataSource(jdbcUrl(), null, null).locations("classpath:db/migration")
                .load().validateWithResult().validationSuccessful).as("Flyway itself refuses the file").isFalse();

        try (Database database = Database.open(file())) {
            int settings = database.inTransaction(c -> {
                try (Statement s = c.createStatement(); ResultSet r = s.executeQuery("SELECT COUNT(*) FROM setting")) {
                    r.next();
                    return r.getInt(1);
                }
            });
            assertThat(settings).isZero();
        }
        assertThat(appliedVersion()).isEqualTo(Database.SCHEMA_VERSION);
    }

    @Test
    void anOlderSchemaIsMigratedToTheCurrentOne() throws SQLException {
        Flyway.configure().dataSource(jdbcUrl(), null, null).locations("classpath:db/migration")
                .target(String.valueOf(Database.SCHEMA_VERSION - 1)).load().migrate();
        assertThat(appliedVersion()).isEqualTo(Database.SCHEMA_VERSION - 1);

        Database.open(file()).close();

        assertThat(appliedVersion()).isEqualTo(Database.SCHEMA_VERSION);
    }
}
