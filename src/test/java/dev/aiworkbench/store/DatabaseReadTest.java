package dev.aiworkbench.store;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Reads on the reading connection: a snapshot that neither waits for a writer nor holds one up. */
class DatabaseReadTest {
    @TempDir
    Path temp;

    @Test
    void a_long_read_does_not_hold_up_a_write_and_keeps_its_snapshot() throws Exception {
        try (Database database = Database.open(temp.resolve("workbench.db"))) {
            write(database, "a");
            CountDownLatch reading = new CountDownLatch(1);
            CountDownLatch written = new CountDownLatch(1);
            CompletableFuture<int[]> read = CompletableFuture.supplyAsync(() -> database.read(c -> {
                int before = count(c);
                reading.countDown();
                try {
                    assertThat(written.await(10, TimeUnit.SECONDS)).isTrue();
                } catch (InterruptedException e) {
                    throw new IllegalStateException(e);
                }
                return new int[] {before, count(c)};
            }));
            assertThat(reading.await(10, TimeUnit.SECONDS)).isTrue();

            // The write commits while the read transaction is open (busy timeout 5 s: a blocked write would fail).
            write(database, "b");
            written.countDown();

            assertThat(read.get(10, TimeUnit.SECONDS)).containsExactly(1, 1);
            assertThat(database.read(DatabaseReadTest::count)).isEqualTo(2);
        }
    }

    @Test
    void the_reading_connection_cannot_write() {
        try (Database database = Database.open(temp.resolve("workbench.db"))) {
            assertThatThrownBy(() -> database.read(c -> {
                try (Statement s = c.createStatement()) {
                    return s.executeUpdate("INSERT INTO setting (key, value) VALUES ('x', 'y')");
                }
            })).isInstanceOf(DatabaseException.class);
        }
    }

    private static void write(Database database, String key) {
        database.inTransaction(c -> {
            try (Statement s = c.createStatement()) {
                return s.executeUpdate("INSERT INTO setting (key, value) VALUES ('" + key + "', 'v')");
            }
        });
    }

    private static int count(Connection c) throws SQLException {
        try (Statement s = c.createStatement(); ResultSet r = s.executeQuery("SELECT COUNT(*) FROM setting")) {
            r.next();
            return r.getInt(1);
        }
    }
}
