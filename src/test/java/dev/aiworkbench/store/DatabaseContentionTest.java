package dev.aiworkbench.store;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** One database file used by several connections at once: the migration lock, its waiting sentence, busy retries. */
class DatabaseContentionTest {
    /** Short waits, so the tests see each stage quickly; SQLite's own wait is shorter than the holder's hold. */
    private static final Contention QUICK = new Contention(Duration.ofMillis(100), 5, Duration.ofMillis(100),
            Duration.ofMillis(200), Duration.ofSeconds(10));

    @TempDir
    Path temp;

    private Path file() {
        return temp.resolve("workbench.db");
    }

    private static int count(Database database, String sql) {
        return database.inTransaction(c -> {
            try (Statement s = c.createStatement(); ResultSet r = s.executeQuery(sql)) {
                return r.next() ? r.getInt(1) : -1;
            }
        });
    }

    private static void put(Database database, String key) {
        new SettingsStore(database).put(key, "v");
    }

    /** A plain connection that takes the write lock and keeps it until closed, as another process's writer would. */
    private Connection holdWriteLock() throws SQLException {
        Connection other = DriverManager.getConnection("jdbc:sqlite:" + file());
        try (Statement s = other.createStatement()) {
            s.execute("BEGIN IMMEDIATE");
            s.executeUpdate("INSERT INTO setting (key, value) VALUES ('other', 'writer')");
        }
        return other;
    }

    @Test
    void manyOpenersOfANewFileMigrateItOnceAndAllGoOn() throws Exception {
        int openers = 8;
        ExecutorService pool = Executors.newFixedThreadPool(openers);
        CountDownLatch start = new CountDownLatch(1);
        try {
            List<Future<Integer>> opened = new ArrayList<>();
            for (int i = 0; i < openers; i++) {
                String key = "opener-" + i;
                opened.add(pool.submit(() -> {
                    start.await();
                    try (Database database = Database.open(file())) {
                        put(database, key);
                        return count(database, "SELECT COUNT(*) FROM flyway_schema_history");
                    }
                }));
            }
            start.countDown();
            for (Future<Integer> each : opened) {
                assertThat(each.get(60, TimeUnit.SECONDS)).isEqualTo(Database.SCHEMA_VERSION);
            }
        } finally {
            pool.shutdownNow();
        }
        try (Database database = Database.open(file())) {
            assertThat(count(database, "SELECT COUNT(*) FROM setting WHERE key LIKE 'opener-%'")).isEqualTo(openers);
        }
    }

    @Test
    void anOpenerThatWaitsForAnotherMigrationSaysSoOnceAndThenOpens() throws Exception {
        List<String> said = new CopyOnWriteArrayList<>();
        CountDownLatch held = new CountDownLatch(1);
        CountDownLatch release = new CountDownLatch(1);
        Thread migrating = new Thread(() -> {
            try (MigrationLock lock = MigrationLock.acquire(file(), QUICK, said::add)) {
                held.countDown();
                release.await();
            } catch (Exception e) {
                throw new IllegalStateException(e);
            }
        });
        migrating.start();
        assertThat(held.await(10, TimeUnit.SECONDS)).isTrue();
        Thread.ofVirtual().start(() -> {
            try {
                Thread.sleep(QUICK.waitNotice().multipliedBy(4).toMillis());
            } catch (InterruptedException ignored) {
                Thread.currentThread().interrupt();
            }
            release.countDown();
        });

        try (Database database = Database.open(file(), QUICK, said::add)) {
            assertThat(count(database, "SELECT COUNT(*) FROM flyway_schema_history")).isEqualTo(Database.SCHEMA_VERSION);
        }
        migrating.join();
        assertThat(said).containsExactly("Waiting for another workbench process that is setting up the database in "
                + temp.toAbsolutePath() + " (this happens once, after an install or an update)…");
        assertThat(temp.resolve(MigrationLock.NAME)).exists();
    }

    @Test
    void anOpenerThatNeedsNoMigrationNeverWaitsForTheLock() throws Exception {
        Database.open(file()).close();
        List<String> said = new CopyOnWriteArrayList<>();
        CountDownLatch held = new CountDownLatch(1);
        CountDownLatch release = new CountDownLatch(1);
        Thread holder = new Thread(() -> {
            try (MigrationLock lock = MigrationLock.acquire(file(), QUICK, said::add)) {
                held.countDown();
                release.await();
            } catch (Exception e) {
                throw new IllegalStateException(e);
            }
        });
        holder.start();
        try {
            assertThat(held.await(10, TimeUnit.SECONDS)).isTrue();
            try (Database database = Database.open(file(), QUICK, said::add)) {
                put(database, "while-locked");
            }
            assertThat(said).isEmpty();
        } finally {
            release.countDown();
            holder.join();
        }
    }

    @Test
    void aMigrationThatNeverEndsIsReportedAsASentence() throws Exception {
        Contention impatient = new Contention(QUICK.busyTimeout(), QUICK.attempts(), QUICK.firstBackoff(),
                Duration.ofMillis(100), Duration.ofMillis(400));
        CountDownLatch held = new CountDownLatch(1);
        CountDownLatch release = new CountDownLatch(1);
        Thread holder = new Thread(() -> {
            try (MigrationLock lock = MigrationLock.acquire(file(), impatient, s -> { })) {
                held.countDown();
                release.await();
            } catch (Exception e) {
                throw new IllegalStateException(e);
            }
        });
        holder.start();
        try {
            assertThat(held.await(10, TimeUnit.SECONDS)).isTrue();
            assertThatThrownBy(() -> Database.open(file(), impatient, s -> { }))
                    .isInstanceOfSatisfying(DatabaseException.class, e -> {
                        assertThat(e.reason()).isEqualTo(DatabaseException.Reason.BUSY);
                        assertThat(e.getMessage()).isEqualTo("Another workbench process has been setting up the "
                                + "database " + file() + " for over a second without finishing. Close the other "
                                + "workbench windows and commands that use this data folder, then try again.");
                    });
        } finally {
            release.countDown();
            holder.join();
        }
    }

    @Test
    void aWriteThatFindsTheDatabaseBusyPastTheTimeoutIsRetriedAndLands() throws Exception {
        try (Database database = Database.open(file(), QUICK, s -> { })) {
            Connection other = holdWriteLock();
            // Held past SQLite's own wait and the first pause, so only a retry lets the write through.
            Thread.ofVirtual().start(() -> {
                try {
                    Thread.sleep(QUICK.busyTimeout().plus(QUICK.firstBackoff()).multipliedBy(2).toMillis());
                    try (Statement s = other.createStatement()) {
                        s.execute("COMMIT");
                    }
                    other.close();
                } catch (InterruptedException | SQLException e) {
                    throw new IllegalStateException(e);
                }
            });

            put(database, "mine");

            assertThat(new SettingsStore(database).get("mine")).contains("v");
            assertThat(new SettingsStore(database).get("other")).contains("writer");
        }
    }

    @Test
    void withoutRetriesTheSameWriteFailsWithTheBusySentence() throws Exception {
        Contention once = new Contention(QUICK.busyTimeout(), 1, QUICK.firstBackoff(), QUICK.waitNotice(),
                QUICK.migrationLimit());
        try (Database database = Database.open(file(), once, s -> { })) {
            try (Connection other = holdWriteLock()) {
                assertThatThrownBy(() -> put(database, "mine")).isInstanceOfSatisfying(DatabaseException.class, e -> {
                    assertThat(e.reason()).isEqualTo(DatabaseException.Reason.BUSY);
                    assertThat(e.getMessage()).isEqualTo("The database " + file() + " stayed busy: another workbench "
                            + "process (the app, a command or an eval run on the same data folder) kept it locked. "
                            + "Nothing of this change was written; try again when that process has finished.");
                });
            }
            assertThat(new SettingsStore(database).get("mine")).isEmpty();
        }
    }

    @Test
    void aWriteThatStaysBusyThroughEveryAttemptIsReportedAfterABoundedWait() throws Exception {
        try (Database database = Database.open(file(), QUICK, s -> { })) {
            try (Connection other = holdWriteLock()) {
                long start = System.nanoTime();
                assertThatThrownBy(() -> put(database, "mine")).isInstanceOfSatisfying(DatabaseException.class,
                        e -> assertThat(e.reason()).isEqualTo(DatabaseException.Reason.BUSY));
                Duration waited = Duration.ofNanos(System.nanoTime() - start);
                // five waits of SQLite's own and four pauses of 100, 200, 400 and 800 ms (each up to half again)
                assertThat(waited).isGreaterThanOrEqualTo(Duration.ofMillis(5 * 100 + 1500))
                        .isLessThan(Duration.ofSeconds(20));
            }
        }
    }
}
