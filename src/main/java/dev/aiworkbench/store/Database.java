package dev.aiworkbench.store;

import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.output.MigrateResult;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.sqlite.SQLiteConfig;
import org.sqlite.SQLiteDataSource;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Clock;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.HashMap;
import java.util.Map;
import java.util.function.Consumer;

/**
 * The app's one SQLite file: WAL journal, foreign keys on, schema by Flyway, and every change in a
 * transaction. A single connection serves the whole app's writes; callers are serialised, which is what
 * SQLite does with writers anyway. Long reads (the dashboard's aggregates) go through {@link #read} on a
 * second, read-only connection: in WAL mode a reader sees a snapshot and neither waits for the writer nor
 * holds it up.
 */
public final class Database implements AutoCloseable {
    /** The newest schema version this build knows; a file that is ahead of it was written by a newer app. */
    public static final int SCHEMA_VERSION = 16;
    private static final Logger LOG = LoggerFactory.getLogger(Database.class);

    private final Path file;
    private final Connection connection;
    private final BusyRetry retry;
    private final Map<String, PreparedStatement> statements = new HashMap<>();
    /** Readers queue for this lock, never for the writer's (the instance). */
    private final Object readLock = new Object();
    private Connection readConnection;

    private Database(Path file, Connection connection, BusyRetry retry) {
        this.file = file;
        this.connection = connection;
        this.retry = retry;
    }

    /**
     * Opens (creating if needed) and migrates the database; a wait for another process's migration is logged.
     *
     * @throws DatabaseException a sentence saying what is wrong with the file and what to do
     */
    public static Database open(Path file) {
        return open(file, Contention.DEFAULT, waiting -> LOG.info(waiting));
    }

    /**
     * Opens (creating if needed) and migrates the database. Other processes may open the same file at the same time:
     * one at a time creates or migrates it, under {@link MigrationLock}, and the others wait and then go on.
     *
     * @param waiting told once, in a sentence, when this process has waited for another one's migration for
     *                {@link Contention#waitNotice()}
     * @throws DatabaseException a sentence saying what is wrong with the file and what to do
     */
    public static Database open(Path file, Contention contention, Consumer<String> waiting) {
        return open(file, contention, waiting, Clock.systemUTC());
    }

    /** As {@link #open(Path, Contention, Consumer)}, with the clock that says whether a quick check is due. */
    static Database open(Path file, Contention contention, Consumer<String> waiting, Clock clock) {
        SQLiteDataSource dataSource = dataSource(file, contention);
        QuickCheckSchedule quickCheck = new QuickCheckSchedule(file, clock);
        boolean checkDue = quickCheck.due();
        BusyRetry retry = new BusyRetry(contention);
        Connection connection = null;
        MigrationLock lock = null;
        try {
            // Even turning a new file to WAL is a write that racing processes could collide on: take turns first.
            if (notCreatedYet(file)) {
                lock = MigrationLock.acquire(file, contention, waiting);
                startFromTemplate(file);
            }
            connection = dataSource.getConnection();
            if (checkDue) {
                checkReadable(connection, file);
                quickCheck.passed();
            }
            int applied = checkNotNewer(file, appliedVersion(connection));
            if (applied < SCHEMA_VERSION) {
                if (lock == null) {
                    lock = MigrationLock.acquire(file, contention, waiting);
                }
                // Another process may have migrated it while this one waited for the lock.
                if (checkNotNewer(file, appliedVersion(connection)) < SCHEMA_VERSION) {
                    retry.run(() -> migrate(dataSource));
                }
            }
            return new Database(file, connection, retry);
        } catch (DatabaseException e) {
            closeQuietly(connection);
            throw e;
        } catch (SQLException | IOException | RuntimeException e) {
            closeQuietly(connection);
            throw DatabaseFailures.whileOpening(file, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            closeQuietly(connection);
            throw DatabaseFailures.whileOpening(file, e);
        } finally {
            release(lock);
        }
    }

    /**
     * A file that does not exist yet starts as the {@linkplain SchemaTemplate shipped template}; the caller holds the
     * migration lock. Another process may have created it while this one waited, and a write-ahead log left beside a
     * missing or empty file may hold its first pages: either way it is left to open and migrate as it is.
     */
    private static void startFromTemplate(Path file) throws IOException {
        if (notCreatedYet(file) && !Files.exists(file.resolveSibling(file.getFileName() + "-wal"))) {
            SchemaTemplate.copyTo(file);
        }
    }

    private static boolean notCreatedYet(Path file) throws IOException {
        return !Files.exists(file) || Files.size(file) == 0;
    }

    /** Runs the migrations the database has not had yet. */
    static MigrateResult migrate(SQLiteDataSource dataSource) {
        return Flyway.configure().dataSource(dataSource).locations("classpath:db/migration").loggers("slf4j").load()
                .migrate();
    }

    static SQLiteDataSource dataSource(Path file, Contention contention) {
        SQLiteConfig config = new SQLiteConfig();
        config.setJournalMode(SQLiteConfig.JournalMode.WAL);
        config.setSynchronous(SQLiteConfig.SynchronousMode.NORMAL);
        config.enforceForeignKeys(true);
        config.setBusyTimeout((int) contention.busyTimeout().toMillis());
        // Otherwise sqlite-jdbc prepares and runs "SELECT last_insert_rowid()" after every INSERT, for
        // getGeneratedKeys(), which nothing here calls: a fifth of what an eval case's insert costs.
        config.setGetGeneratedKeys(false);
        SQLiteDataSource dataSource = new SQLiteDataSource(config);
        dataSource.setUrl("jdbc:sqlite:" + file.toAbsolutePath());
        return dataSource;
    }

    /** A damaged file can open fine and fail later; SQLite's quick check finds it now ({@link QuickCheckSchedule}). */
    private static void checkReadable(Connection connection, Path file) throws SQLException {
        try (Statement statement = connection.createStatement();
             ResultSet check = statement.executeQuery("PRAGMA quick_check")) {
            String verdict = check.next() ? check.getString(1) : "no answer";
            if (!"ok".equalsIgnoreCase(verdict)) {
                throw new DatabaseException(DatabaseException.Reason.CORRUPT, file, "The progress database "
                        + file + " is damaged (SQLite says: " + verdict + "). Keep it aside and start fresh; the "
                        + "old file stays on disk for recovery.", null);
            }
        }
    }

    private static int checkNotNewer(Path file, int applied) {
        if (applied > SCHEMA_VERSION) {
            throw new DatabaseException(DatabaseException.Reason.NEWER_SCHEMA, file, "The progress database "
                    + file + " was written by a newer version of AI Engineer Workbench (schema " + applied
                    + ", this version knows " + SCHEMA_VERSION + "). Update the app, or keep the file aside and "
                    + "start fresh.", null);
        }
        return applied;
    }

    private static int appliedVersion(Connection connection) throws SQLException {
        try (Statement statement = connection.createStatement()) {
            try (ResultSet table = statement.executeQuery(
                    "SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = 'flyway_schema_history'")) {
                if (!table.next()) {
                    return 0;
                }
            }
            try (ResultSet version = statement.executeQuery("SELECT MAX(CAST(version AS INTEGER)) "
                    + "FROM flyway_schema_history WHERE success = 1 AND version IS NOT NULL")) {
                return version.next() ? version.getInt(1) : 0;
            }
        }
    }

    private static void release(MigrationLock lock) {
        if (lock != null) {
            try {
                lock.close();
            } catch (IOException e) {
                // The OS drops the lock with the closed channel or the process; nothing to tell the learner.
                LOG.warn("releasing the migration lock failed", e);
            }
        }
    }

    /**
     * Moves an unusable database (and its WAL files) aside so a fresh one can be created. Nothing is
     * deleted.
     *
     * @return where the old file now is
     */
    public static Path setAside(Path file, Clock clock) throws IOException {
        String stamp = LocalDateTime.now(clock).format(DateTimeFormatter.ofPattern("yyyyMMdd-HHmmss"));
        Path target = file.resolveSibling(file.getFileName() + ".set-aside-" + stamp);
        for (int n = 2; Files.exists(target); n++) {
            target = file.resolveSibling(file.getFileName() + ".set-aside-" + stamp + "-" + n);
        }
        Files.move(file, target);
        QuickCheckSchedule.forget(file);
        for (String suffix : new String[] {"-wal", "-shm"}) {
            Path companion = file.resolveSibling(file.getFileName() + suffix);
            if (Files.exists(companion)) {
                Files.move(companion, target.resolveSibling(target.getFileName() + suffix));
            }
        }
        return target;
    }

    public Path file() {
        return file;
    }

    /**
     * Runs the work in one transaction: all of it is written, or none of it. The transaction is
     * opened and closed with SQL rather than JDBC's auto-commit switch, which in sqlite-jdbc opens a
     * second, empty transaction after every commit.
     */
    public synchronized <T> T inTransaction(SqlWork<T> work) {
        try {
            return retry.run(() -> once(work));
        } catch (SQLException e) {
            throw DatabaseFailures.whileWorking(file, e);
        }
    }

    /** One attempt: BEGIN IMMEDIATE takes the write lock first, as a read that later writes would fail at once in WAL. */
    private <T> T once(SqlWork<T> work) throws SQLException {
        statement("BEGIN IMMEDIATE").execute();
        try {
            T result = work.run(connection);
            statement("COMMIT").execute();
            return result;
        } catch (SQLException | RuntimeException e) {
            rollBack(e);
            throw e;
        }
    }

    /**
     * Ends the failed transaction. A statement of its own, as the failure may have closed the cached ones; SQLite may
     * have rolled back already (a full disk at COMMIT does that), and the first failure is the one to tell.
     */
    private void rollBack(Exception failure) {
        try (Statement rollback = connection.createStatement()) {
            rollback.execute("ROLLBACK");
        } catch (SQLException e) {
            failure.addSuppressed(e);
        }
    }

    /**
     * Runs read-only work in one read transaction on the reading connection, so it sees one consistent snapshot
     * and takes no write lock: the app's writers (the call recorder, a mark) go on while it runs. Use the
     * connection's own {@code prepareStatement}, not {@link #statement}, and close what you open.
     */
    public <T> T read(SqlWork<T> work) {
        synchronized (readLock) {
            try {
                Connection reader = readConnection();
                try (Statement begin = reader.createStatement()) {
                    begin.execute("BEGIN DEFERRED");
                }
                try {
                    return work.run(reader);
                } finally {
                    try (Statement end = reader.createStatement()) {
                        end.execute("COMMIT");
                    }
                }
            } catch (SQLException e) {
                throw DatabaseFailures.whileWorking(file, e);
            }
        }
    }

    private Connection readConnection() throws SQLException {
        if (readConnection == null) {
            readConnection = openReader();
        }
        return readConnection;
    }

    /** A read-only connection of its own to this file, with the shared busy timeout; its opener closes it. */
    Connection openReader() throws SQLException {
        SQLiteConfig config = new SQLiteConfig();
        config.setReadOnly(true);
        config.setBusyTimeout((int) Contention.DEFAULT.busyTimeout().toMillis());
        SQLiteDataSource dataSource = new SQLiteDataSource(config);
        dataSource.setUrl("jdbc:sqlite:" + file.toAbsolutePath());
        return dataSource.getConnection();
    }

    /**
     * Copies the whole database, as one consistent snapshot, into a new file with SQLite's {@code VACUUM INTO}.
     * It runs outside any transaction (VACUUM refuses to run in one), which holding the lock guarantees here:
     * {@link #inTransaction} always ends its transaction before it lets go.
     */
    public synchronized void copyInto(Path target) {
        try (PreparedStatement vacuum = connection.prepareStatement("VACUUM INTO ?")) {
            vacuum.setString(1, target.toAbsolutePath().toString());
            retry.run(vacuum::execute);
        } catch (SQLException e) {
            throw DatabaseFailures.whileWorking(file, e);
        }
    }

    /**
     * SQLite's {@code PRAGMA data_version} on this connection: it moves only when another connection (another
     * process, or another connection of this one) commits, never for this connection's own writes. A read outside
     * any transaction, which holding the lock guarantees.
     */
    public synchronized long dataVersion() {
        try (Statement statement = connection.createStatement();
             ResultSet version = statement.executeQuery("PRAGMA data_version")) {
            version.next();
            return version.getLong(1);
        } catch (SQLException e) {
            throw DatabaseFailures.whileWorking(file, e);
        }
    }

    /**
     * A prepared statement kept for the connection's life, so a hot path (marking a task) does not
     * compile its SQL every time. Use it only inside {@link #inTransaction} and never close it; close
     * its result sets.
     */
    public PreparedStatement statement(String sql) throws SQLException {
        if (!Thread.holdsLock(this)) {
            throw new IllegalStateException("statements are used inside inTransaction only");
        }
        PreparedStatement statement = statements.get(sql);
        if (statement != null) {
            try {
                statement.clearParameters();
                return statement;
            } catch (SQLException finalized) {
                // sqlite-jdbc finalizes a statement whose execution failed on I/O (a full disk): prepare it again.
                statement.close();
            }
        }
        statement = connection.prepareStatement(sql);
        statements.put(sql, statement);
        return statement;
    }

    @Override
    public synchronized void close() {
        for (PreparedStatement statement : statements.values()) {
            try {
                statement.close();
            } catch (SQLException ignored) {
                // the connection is closing anyway
            }
        }
        statements.clear();
        synchronized (readLock) {
            closeQuietly(readConnection);
            readConnection = null;
        }
        closeQuietly(connection);
    }

    private static void closeQuietly(Connection connection) {
        if (connection != null) {
            try {
                connection.close();
            } catch (SQLException ignored) {
                // closing after a failure: the first error is the one worth reporting
            }
        }
    }
}
