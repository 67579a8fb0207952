package dev.aiworkbench.store;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The template a first start copies is the database the migrations make, and a new database is that copy: the same
 * schema, and Flyway's history of the same migrations, so nothing is left for Flyway to do.
 */
class SchemaTemplateTest {
    @TempDir
    Path temp;

    private Path shippedTemplate() throws Exception {
        Path copy = temp.resolve("shipped.db");
        try (InputStream in = SchemaTemplate.class.getResourceAsStream(SchemaTemplate.RESOURCE)) {
            assertThat(in).as("the build makes " + SchemaTemplate.RESOURCE).isNotNull();
            Files.copy(in, copy);
        }
        return copy;
    }

    private static List<String> rows(Path file, String sql) throws SQLException {
        List<String> rows = new ArrayList<>();
        try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + file);
             Statement s = c.createStatement(); ResultSet r = s.executeQuery(sql)) {
            int columns = r.getMetaData().getColumnCount();
            while (r.next()) {
                StringBuilder row = new StringBuilder();
                for (int i = 1; i <= columns; i++) {
                    row.append(r.getString(i)).append(" | ");
                }
                rows.add(row.toString());
            }
        }
        return rows;
    }

    private static final String SCHEMA = "SELECT type, name, tbl_name, sql FROM sqlite_master "
            + "WHERE name NOT LIKE 'sqlite_%' ORDER BY type, name";
    private static final String HISTORY = "SELECT installed_rank, version, description, script, checksum, success "
            + "FROM flyway_schema_history ORDER BY installed_rank";
    private static final String INSTALLED = "SELECT installed_on FROM flyway_schema_history ORDER BY installed_rank";

    @Test
    void theShippedTemplateIsWhatTheMigrationsMakeOfAnEmptyFile() throws Exception {
        Path migrated = temp.resolve("migrated.db");
        Database.migrate(Database.dataSource(migrated, Contention.DEFAULT));
        Path template = shippedTemplate();

        assertThat(rows(template, SCHEMA)).isNotEmpty().isEqualTo(rows(migrated, SCHEMA));
        assertThat(rows(template, HISTORY)).isEqualTo(rows(migrated, HISTORY));
        assertThat(rows(template, "SELECT MAX(CAST(version AS INTEGER)) FROM flyway_schema_history"))
                .containsExactly(Database.SCHEMA_VERSION + " | ");
        assertThat(rows(template, "PRAGMA journal_mode")).as("one file, no log beside it").containsExactly("delete | ");
    }

    @Test
    void aNewDatabaseIsACopyOfTheTemplateInWriteAheadMode() throws Exception {
        Path file = temp.resolve("workbench.db");

        try (Database database = Database.open(file)) {
            String journal = database.inTransaction(c -> {
                try (Statement s = c.createStatement(); ResultSet r = s.executeQuery("PRAGMA journal_mode")) {
                    return r.next() ? r.getString(1) : null;
                }
            });
            assertThat(journal).isEqualTo("wal");
        }

        assertThat(rows(file, INSTALLED)).as("the history says when the build migrated the template")
                .isEqualTo(rows(shippedTemplate(), INSTALLED));
        assertThat(rows(file, HISTORY)).hasSize(Database.SCHEMA_VERSION);
    }

    @Test
    void aWriteAheadLogBesideAMissingFileIsNeverCoveredWithTheTemplate() throws Exception {
        Path file = temp.resolve("workbench.db");
        Files.createFile(temp.resolve("workbench.db-wal"));

        Database.open(file).close();

        assertThat(rows(file, INSTALLED)).hasSize(Database.SCHEMA_VERSION)
                .doesNotContainAnyElementsOf(rows(shippedTemplate(), INSTALLED));
    }
}
