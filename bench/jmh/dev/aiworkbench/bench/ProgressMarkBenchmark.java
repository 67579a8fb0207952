package dev.aiworkbench.bench;

import dev.aiworkbench.curriculum.Pack;
import dev.aiworkbench.curriculum.WorkItem;
import dev.aiworkbench.progress.ProgressService;
import dev.aiworkbench.progress.TaskState;
import dev.aiworkbench.store.Database;
import dev.aiworkbench.testing.PackGenerator;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;
import org.sqlite.SQLiteConfig;
import org.sqlite.SQLiteDataSource;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * Budget: marking a task done is one short transaction, and 10,000 marks take under a second.
 *
 * <p>{@link #mark10k} marks 10,000 distinct tasks of a generated pack done through
 * {@link ProgressService#mark} (one transaction each: read the state, write it, add the event) on
 * a fresh database. {@link #jdbcInsert10kBaseline} is the floor for 10,000 transactions on this
 * machine: 10,000 single-row autocommit INSERTs through plain JDBC into a fresh SQLite file set up
 * the way {@code Database} sets its file up (WAL, synchronous NORMAL). Each iteration is one
 * run of 10,000 on a database made for it.
 */
@BenchmarkMode(Mode.SingleShotTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 3)
@Measurement(iterations = 7)
@Fork(value = 1, jvmArgsAppend = {"-Xmx2g", "--enable-native-access=ALL-UNNAMED"})
public class ProgressMarkBenchmark {
    public static final int MARKS = 10_000;
    /** 2,500 weeks of 3, 4 or 5 tasks hold exactly 10,000 tasks. */
    static final int WEEKS = 2_500;

    @State(Scope.Benchmark)
    public static class GeneratedPack {
        Pack pack;
        List<String> taskIds;

        @Setup(Level.Trial)
        public void generate() throws IOException {
            Path dir = Files.createTempDirectory("workbench-bench-marks-pack-");
            try {
                PackGenerator.write(dir, WEEKS);
                pack = PackGenerator.loadClean(dir).pack().orElseThrow();
            } finally {
                PackGenerator.deleteTree(dir);
            }
            taskIds = pack.workItems().stream().filter(w -> w.kind() == WorkItem.Kind.TASK)
                    .map(WorkItem::id).limit(MARKS).toList();
            if (taskIds.size() < MARKS || taskIds.stream().distinct().count() != MARKS) {
                throw new IllegalStateException("the generated pack has " + taskIds.size()
                        + " distinct tasks; the benchmark needs " + MARKS);
            }
        }
    }

    /** A fresh progress database per iteration, opened (and migrated) the way the app opens it. */
    @State(Scope.Benchmark)
    public static class FreshDatabase {
        Path dir;
        Database database;
        ProgressService progress;

        @Setup(Level.Iteration)
        public void open() throws IOException {
            dir = Files.createTempDirectory("workbench-bench-marks-db-");
            database = Database.open(dir.resolve("progress.db"));
            progress = new ProgressService(database, Clock.systemUTC());
        }

        @TearDown(Level.Iteration)
        public void close() {
            database.close();
            PackGenerator.deleteTree(dir);
        }
    }

    /** A fresh SQLite file with one table, connection set up as Database sets up its own. */
    @State(Scope.Benchmark)
    public static class PlainJdbc {
        Path dir;
        Connection connection;
        PreparedStatement insert;

        @Setup(Level.Iteration)
        public void open() throws IOException, SQLException {
            dir = Files.createTempDirectory("workbench-bench-jdbc-db-");
            SQLiteConfig config = new SQLiteConfig();
            config.setJournalMode(SQLiteConfig.JournalMode.WAL);
            config.setSynchronous(SQLiteConfig.SynchronousMode.NORMAL);
            config.enforceForeignKeys(true);
            config.setBusyTimeout(5_000);
            config.setTransactionMode(SQLiteConfig.TransactionMode.IMMEDIATE);
            SQLiteDataSource dataSource = new SQLiteDataSource(config);
            dataSource.setUrl("jdbc:sqlite:" + dir.resolve("baseline.db").toAbsolutePath());
            connection = dataSource.getConnection();
            try (Statement statement = connection.createStatement()) {
                statement.executeUpdate("CREATE TABLE item_state (pack_id TEXT NOT NULL, item_id TEXT NOT NULL, "
                        + "state TEXT NOT NULL, updated_at TEXT NOT NULL, PRIMARY KEY (pack_id, item_id)) WITHOUT ROWID");
            }
            connection.setAutoCommit(true);
            insert = connection.prepareStatement(
                    "INSERT INTO item_state (pack_id, item_id, state, updated_at) VALUES (?, ?, ?, ?)");
        }

        @TearDown(Level.Iteration)
        public void close() throws SQLException {
            insert.close();
            connection.close();
            PackGenerator.deleteTree(dir);
        }
    }

    @Benchmark
    public int mark10k(GeneratedPack generated, FreshDatabase db) {
        int changed = 0;
        for (String id : generated.taskIds) {
            changed += db.progress.mark(generated.pack, id, TaskState.DONE);
        }
        if (changed != MARKS) {
            throw new IllegalStateException("marked " + changed + " of " + MARKS + " tasks");
        }
        return changed;
    }

    @Benchmark
    public int jdbcInsert10kBaseline(GeneratedPack generated, PlainJdbc jdbc) throws SQLException {
        int inserted = 0;
        String packId = generated.pack.id();
        for (String id : generated.taskIds) {
            jdbc.insert.setString(1, packId);
            jdbc.insert.setString(2, id);
            jdbc.insert.setString(3, "done");
            jdbc.insert.setString(4, Instant.now().toString());
            inserted += jdbc.insert.executeUpdate();
        }
        if (inserted != MARKS) {
            throw new IllegalStateException("inserted " + inserted + " of " + MARKS + " rows");
        }
        return inserted;
    }
}
