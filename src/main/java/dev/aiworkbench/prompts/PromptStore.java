package dev.aiworkbench.prompts;

import dev.aiworkbench.store.Sql;
import dev.aiworkbench.store.Database;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The SQL behind the prompt registry. Every method runs inside a transaction its caller opened with
 * {@link Database#inTransaction}; statements are the database's cached ones.
 */
final class PromptStore {
    private static final String VERSION_COLUMNS = "p.name, v.version, v.created_at, v.author, v.note, v.template, "
            + "v.system_prompt, v.options, v.format, v.format_schema, v.default_model, v.tools "
            + "FROM prompt_version v JOIN prompt p ON p.id = v.prompt_id ";

    private final Database database;

    PromptStore(Database database) {
        this.database = database;
    }

    Optional<Long> promptId(String name) throws SQLException {
        try (ResultSet r = Sql.bind(database, "SELECT id FROM prompt WHERE name = ?", name).executeQuery()) {
            return r.next() ? Optional.of(r.getLong(1)) : Optional.empty();
        }
    }

    long insertPrompt(String name, Instant at) throws SQLException {
        try (ResultSet r = Sql.bind(database, "INSERT INTO prompt (name, created_at) VALUES (?, ?) RETURNING id",
                name, at).executeQuery()) {
            r.next();
            return r.getLong(1);
        }
    }

    List<String> names() throws SQLException {
        List<String> names = new ArrayList<>();
        try (ResultSet r = Sql.bind(database, "SELECT name FROM prompt ORDER BY name").executeQuery()) {
            while (r.next()) {
                names.add(r.getString(1));
            }
        }
        return names;
    }

    /** The highest version number of the prompt, 0 when it has none. */
    int latestNumber(long promptId) throws SQLException {
        try (ResultSet r = Sql.bind(database, "SELECT COALESCE(MAX(version), 0) FROM prompt_version WHERE prompt_id = ?",
                promptId).executeQuery()) {
            r.next();
            return r.getInt(1);
        }
    }

    Optional<PromptVersion> version(long promptId, int version) throws SQLException {
        try (ResultSet r = Sql.bind(database, "SELECT " + VERSION_COLUMNS + "WHERE v.prompt_id = ? AND v.version = ?",
                promptId, version).executeQuery()) {
            return r.next() ? Optional.of(read(r)) : Optional.empty();
        }
    }

    List<PromptVersion> versions(long promptId) throws SQLException {
        List<PromptVersion> versions = new ArrayList<>();
        try (ResultSet r = Sql.bind(database, "SELECT " + VERSION_COLUMNS + "WHERE v.prompt_id = ? ORDER BY v.version",
                promptId).executeQuery()) {
            while (r.next()) {
                versions.add(read(r));
            }
        }
        return versions;
    }

    void insertVersion(long promptId, PromptVersion version) throws SQLException {
        PromptContent content = version.content();
        Sql.bind(database, "INSERT INTO prompt_version (prompt_id, version, created_at, author, note, template, "
                        + "system_prompt, options, format, format_schema, default_model, tools) "
                        + "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)", promptId, version.version(), version.createdAt(),
                version.author(), version.note(), content.template(), content.system(),
                PromptJson.options(content.options()), PromptJson.formatId(content.format()),
                PromptJson.schema(content.format()), content.defaultModel(), PromptJson.tools(content.tools()))
                .executeUpdate();
    }

    List<PromptSummary> summaries() throws SQLException {
        List<PromptSummary> summaries = new ArrayList<>();
        try (ResultSet r = Sql.bind(database, "SELECT p.name, l.version, p.created_at, l.created_at, l.default_model "
                + "FROM prompt p JOIN prompt_version l ON l.prompt_id = p.id "
                + "AND l.version = (SELECT MAX(version) FROM prompt_version WHERE prompt_id = p.id) "
                + "ORDER BY p.name").executeQuery()) {
            while (r.next()) {
                summaries.add(new PromptSummary(r.getString(1), r.getInt(2), Sql.instant(r, 3), Sql.instant(r, 4),
                        r.getString(5)));
            }
        }
        return summaries;
    }

    private static PromptVersion read(ResultSet r) throws SQLException {
        PromptContent content = new PromptContent(r.getString(6), r.getString(7), PromptJson.options(r.getString(8)),
                PromptJson.format(r.getString(9), r.getString(10)), r.getString(11), PromptJson.tools(r.getString(12)));
        return new PromptVersion(r.getString(1), r.getInt(2), Sql.instant(r, 3), r.getString(4), r.getString(5),
                content);
    }
}
