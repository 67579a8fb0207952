package dev.aiworkbench.store;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import static org.assertj.core.api.Assertions.assertThat;

/** What the app's watch hears: other connections' commits, once a burst; never its own writes or reads. */
class DataVersionWatchTest {
    private static final Duration INTERVAL = Duration.ofMillis(100);

    @TempDir
    Path temp;

    private Database database;
    private Connection other;

    @BeforeEach
    void open() throws SQLException {
        database = Database.open(temp.resolve("workbench.db"));
        other = DriverManager.getConnection("jdbc:sqlite:" + temp.resolve("workbench.db"));
    }

    @AfterEach
    void close() throws SQLException {
        other.close();
        database.close();
    }

    private static long dataVersion(Connection connection) throws SQLException {
        try (Statement s = connection.createStatement(); ResultSet r = s.executeQuery("PRAGMA data_version")) {
            r.next();
            return r.getLong(1);
        }
    }

    private static void put(Connection connection, String key, String value) throws SQLException {
        try (PreparedStatement s = connection.prepareStatement(
                "INSERT INTO setting (key, value) VALUES (?, ?) ON CONFLICT (key) DO UPDATE SET value = excluded.value")) {
            s.setString(1, key);
            s.setString(2, value);
            s.executeUpdate();
        }
    }

    private void putThroughApp(String key, String value) {
        database.inTransaction(c -> {
            put(c, key, value);
            return null;
        });
    }

    @Test
    void dataVersionMovesOnlyForAnotherConnectionsCommitEvenInOneProcess() throws SQLException {
        long before = database.dataVersion();

        putThroughApp("own", "1");
        long afterOwn = database.dataVersion();
        put(other, "theirs", "1");
        long afterTheirs = database.dataVersion();

        assertThat(afterOwn).isEqualTo(before);
        assertThat(afterTheirs).isNotEqualTo(afterOwn);
        // the other connection's own number stays put for its own commit, and moves for the app's
        long otherBefore = dataVersion(other);
        put(other, "theirs", "2");
        assertThat(dataVersion(other)).isEqualTo(otherBefore);
        putThroughApp("own", "2");
        assertThat(dataVersion(other)).isNotEqualTo(otherBefore);
    }

    @Test
    void aCommitOfAnotherConnectionIsHeardWithinTwoSeconds() throws Exception {
        Semaphore heard = new Semaphore(0);
        try (DataVersionWatch ignored = DataVersionWatch.start(database, INTERVAL, DataVersionWatch.LONGEST_WAIT,
                heard::release)) {
            put(other, "theirs", "1");

            assertThat(heard.tryAcquire(2, TimeUnit.SECONDS)).isTrue();
        }
    }

    @Test
    void theAppsOwnWritesAndReadsAreNotHeard() throws Exception {
        AtomicInteger heard = new AtomicInteger();
        try (DataVersionWatch ignored = DataVersionWatch.start(database, INTERVAL, DataVersionWatch.LONGEST_WAIT,
                heard::incrementAndGet)) {
            for (int i = 0; i < 20; i++) {
                putThroughApp("own", Integer.toString(i));
                database.dataVersion();
                Thread.sleep(40);
            }
            Thread.sleep(4 * INTERVAL.toMillis());

            assertThat(heard).hasValue(0);
            // and the watch still hears others after all that
            put(other, "theirs", "1");
            Thread.sleep(2_000);
            assertThat(heard).hasValue(1);
        }
    }

    @Test
    void aBurstOfCommitsIsHeardOnce() throws Exception {
        AtomicInteger heard = new AtomicInteger();
        try (DataVersionWatch ignored = DataVersionWatch.start(database, Duration.ofMillis(300),
                Duration.ofSeconds(5), heard::incrementAndGet)) {
            for (int i = 0; i < 20; i++) {
                put(other, "theirs", Integer.toString(i));
            }
            Thread.sleep(1_500);

            assertThat(heard).hasValue(1);
        }
    }

    @Test
    void writesThatGoOnAreHeardAtLeastEveryLongestWait() throws Exception {
        AtomicInteger heard = new AtomicInteger();
        try (DataVersionWatch ignored = DataVersionWatch.start(database, Duration.ofMillis(50),
                Duration.ofMillis(400), heard::incrementAndGet)) {
            long end = System.nanoTime() + Duration.ofMillis(2_000).toNanos();
            for (int i = 0; System.nanoTime() < end; i++) {
                put(other, "theirs", Integer.toString(i));
                Thread.sleep(10);
            }

            // a quiet read never came during the writes, yet they were shown about every 400 ms
            assertThat(heard.get()).isBetween(3, 12);
        }
    }

    @Test
    void closingStopsTheWatch() throws Exception {
        AtomicInteger heard = new AtomicInteger();
        DataVersionWatch watch = DataVersionWatch.start(database, INTERVAL, DataVersionWatch.LONGEST_WAIT,
                heard::incrementAndGet);
        watch.close();

        put(other, "theirs", "1");
        Thread.sleep(3 * INTERVAL.toMillis());

        assertThat(heard).hasValue(0);
    }
}
