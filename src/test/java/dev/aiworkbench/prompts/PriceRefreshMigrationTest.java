package dev.aiworkbench.prompts;

import dev.aiworkbench.store.Database;
import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A price table seeded by an earlier version is refreshed by the providers migration to the rows a new table is
 * seeded with, and the learner's own rows and edits are left alone.
 */
class PriceRefreshMigrationTest {
    private static final String OLD_OPENAI = "example list price as of 2025-01-31; check the provider''s pricing page "
            + "(openai.com/api/pricing)";
    private static final String OLD_ANTHROPIC = "example list price as of 2025-01-31; check the provider''s pricing "
            + "page (anthropic.com/pricing)";

    @TempDir
    Path temp;

    @Test
    void untouchedExamplesBecomeTheCurrentSeedAndEditedOrOwnRowsStay() throws Exception {
        Path file = temp.resolve("workbench.db");
        String url = "jdbc:sqlite:" + file.toAbsolutePath();
        Flyway.configure().dataSource(url, null, null).locations("classpath:db/migration").target("8").load().migrate();
        try (Connection c = DriverManager.getConnection(url); Statement s = c.createStatement()) {
            s.executeUpdate("INSERT INTO price (name, input_usd_per_million, output_usd_per_million, note, local) VALUES "
                    + "('Local (Ollama)', 0, 0, 'your own machine: no per-token charge', 1), "
                    + "('OpenAI GPT-4o mini', 0.15, 0.60, '" + OLD_OPENAI + "', 0), "
                    + "('OpenAI GPT-4o', 2.50, 10.00, '" + OLD_OPENAI + "', 0), "
                    + "('Anthropic Claude 3.5 Haiku', 0.80, 4.00, '" + OLD_ANTHROPIC + "', 0), "
                    + "('Anthropic Claude 3.5 Sonnet', 3.00, 15.00, '" + OLD_ANTHROPIC + "', 0)");
        }
        try (Database database = Database.open(file)) {
            List<PriceRow> rows = new PriceTable(database).rows();
            assertThat(rows).isEqualTo(PriceTable.SEED);
        }
    }

    @Test
    void aTableSeededWithTheProvidersRowsGetsThe2026Rows() throws Exception {
        Path file = temp.resolve("workbench.db");
        String url = "jdbc:sqlite:" + file.toAbsolutePath();
        Flyway.configure().dataSource(url, null, null).locations("classpath:db/migration").target("13").load().migrate();
        List<PriceRow> before = PriceTable.SEED.subList(0, PriceTable.SEED.size() - 2);
        try (Connection c = DriverManager.getConnection(url);
             java.sql.PreparedStatement insert = c.prepareStatement("INSERT INTO price (name, input_usd_per_million,"
                     + " output_usd_per_million, note, local, models) VALUES (?, ?, ?, ?, ?, ?)")) {
            for (PriceRow row : before) {
                insert.setString(1, row.name());
                insert.setDouble(2, row.inputUsdPerMillion());
                insert.setDouble(3, row.outputUsdPerMillion());
                insert.setString(4, row.name().equals("OpenAI GPT-4o mini") ? "mine" : row.note());
                insert.setInt(5, row.local() ? 1 : 0);
                insert.setString(6, String.join(", ", row.models()));
                insert.executeUpdate();
            }
        }
        try (Database database = Database.open(file)) {
            List<PriceRow> rows = new PriceTable(database).rows();
            assertThat(rows.get(1).note()).isEqualTo("mine");
            assertThat(rows.subList(2, rows.size())).isEqualTo(PriceTable.SEED.subList(2, PriceTable.SEED.size()));
            assertThat(rows.subList(rows.size() - 2, rows.size())).extracting(PriceRow::name)
                    .containsExactly("OpenAI GPT-6 Luna", "Anthropic Claude Fable 5.1");
        }
    }

    @Test
    void rowsTheLearnerChangedOrAddedAreKeptAsTheyWere() throws Exception {
        Path file = temp.resolve("workbench.db");
        String url = "jdbc:sqlite:" + file.toAbsolutePath();
        Flyway.configure().dataSource(url, null, null).locations("classpath:db/migration").target("8").load().migrate();
        try (Connection c = DriverManager.getConnection(url); Statement s = c.createStatement()) {
            s.executeUpdate("INSERT INTO price (name, input_usd_per_million, output_usd_per_million, note, local) VALUES "
                    + "('Local (Ollama)', 0, 0, 'power', 1), "
                    + "('OpenAI GPT-4o', 2.00, 8.00, '" + OLD_OPENAI + "', 0), "
                    + "('Anthropic Claude 3.5 Haiku', 0.80, 4.00, 'checked myself', 0), "
                    + "('My GPU box', 0.01, 0.02, 'electricity', 0)");
        }
        try (Database database = Database.open(file)) {
            List<PriceRow> rows = new PriceTable(database).rows();
            assertThat(rows.subList(0, 4)).containsExactly(new PriceRow("Local (Ollama)", 0, 0, "power", true),
                    new PriceRow("OpenAI GPT-4o", 2.00, 8.00, OLD_OPENAI.replace("''", "'"), false),
                    new PriceRow("Anthropic Claude 3.5 Haiku", 0.80, 4.00, "checked myself", false),
                    new PriceRow("My GPU box", 0.01, 0.02, "electricity", false));
            assertThat(rows.subList(4, rows.size())).isEqualTo(PriceTable.SEED.subList(3, PriceTable.SEED.size()));
        }
    }
}
