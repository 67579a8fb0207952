package dev.aiworkbench.store;

import org.sqlite.SQLiteDataSource;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;

/**
 * The database every new data folder starts from: made when the app is built, by running the migrations on an empty
 * file ({@link #main}, which Maven runs after compiling), and shipped in the jar. A first start copies it instead of
 * running the migrations: Flyway parsing sixteen SQL scripts took a fifth of a second of the first start, and of every
 * CI run on a fresh data folder. The copy holds Flyway's own history of those migrations, so Flyway treats it as the
 * migrated database it is, and later migrations apply to it as to any other.
 */
public final class SchemaTemplate {
    static final String RESOURCE = "/db/workbench-template.db";

    private SchemaTemplate() {
    }

    /** Builds the template at {@code args[0]}, replacing what is there. */
    public static void main(String[] args) throws IOException, SQLException {
        if (args.length != 1) {
            throw new IllegalArgumentException("usage: SchemaTemplate <template file>");
        }
        Path target = Path.of(args[0]).toAbsolutePath();
        Files.createDirectories(target.getParent());
        Path building = target.resolveSibling(target.getFileName() + ".building");
        Files.deleteIfExists(building);
        SQLiteDataSource dataSource = Database.dataSource(building, Contention.DEFAULT);
        Database.migrate(dataSource);
        try (Connection connection = dataSource.getConnection(); Statement statement = connection.createStatement()) {
            // One self-contained file: no WAL beside it, no free pages.
            statement.execute("PRAGMA journal_mode = DELETE");
            statement.execute("VACUUM");
        }
        Files.move(building, target, StandardCopyOption.REPLACE_EXISTING);
    }

    /**
     * Writes the shipped template as {@code file}, whole or not at all.
     *
     * @return false when this build carries no template (run from classes that were compiled but not processed)
     */
    static boolean copyTo(Path file) throws IOException {
        try (InputStream in = SchemaTemplate.class.getResourceAsStream(RESOURCE)) {
            if (in == null) {
                return false;
            }
            AtomicFiles.write(file, in::transferTo);
            return true;
        }
    }
}
