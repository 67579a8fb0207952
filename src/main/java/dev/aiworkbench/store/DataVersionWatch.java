package dev.aiworkbench.store;

import org.slf4j.LoggerFactory;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

/**
 * Tells when another process (a command line, an eval shard in CI, a lab runner) committed to the database, so an
 * open app can show it without a restart. A daemon thread reads SQLite's {@code PRAGMA data_version} on a connection
 * of its own every {@code interval}: that number moves whenever a connection other than the reader commits. It
 * cannot tell the app's own writes from another process's, so before it speaks it asks the app's connection too,
 * whose {@code data_version} moves only for the others'.
 *
 * <p>A burst of commits is heard once: the listener runs when a read finds the number still after it moved, or once
 * {@code longestWait} has passed since the first unheard change while writes go on, so a long eval run elsewhere is
 * shown now and then rather than never.
 */
public final class DataVersionWatch implements AutoCloseable {
    public static final Duration INTERVAL = Duration.ofMillis(250);
    public static final Duration LONGEST_WAIT = Duration.ofSeconds(1);

    private final Database database;
    private final Connection reader;
    private final Runnable onOtherWrites;
    private final long longestWaitNanos;
    private final ScheduledExecutorService thread;
    private long seen;
    private long seenByApp;
    private long unheardSince = -1;
    private boolean stopped;

    private DataVersionWatch(Database database, Connection reader, Runnable onOtherWrites, Duration longestWait)
            throws SQLException {
        this.database = database;
        this.reader = reader;
        this.onOtherWrites = onOtherWrites;
        this.longestWaitNanos = longestWait.toNanos();
        this.seen = version(reader);
        this.seenByApp = database.dataVersion();
        this.thread = Executors.newSingleThreadScheduledExecutor(runnable -> {
            Thread t = new Thread(runnable, "database-watch");
            t.setDaemon(true);
            return t;
        });
    }

    /**
     * Starts watching the database's file.
     *
     * @param onOtherWrites runs on the watch's thread, once a burst of other processes' commits is over (or has gone
     *                      on for {@code longestWait}); never for this app's own writes or for reads
     * @throws DatabaseException the file cannot be opened a second time
     */
    public static DataVersionWatch start(Database database, Duration interval, Duration longestWait,
                                         Runnable onOtherWrites) {
        Connection reader = null;
        try {
            reader = database.openReader();
            DataVersionWatch watch = new DataVersionWatch(database, reader, onOtherWrites, longestWait);
            watch.thread.scheduleWithFixedDelay(watch::tick, interval.toNanos(), interval.toNanos(),
                    TimeUnit.NANOSECONDS);
            return watch;
        } catch (SQLException e) {
            closeQuietly(reader);
            throw new DatabaseException(DatabaseException.Reason.FAILED, database.file(), "The app cannot watch the "
                    + "database " + database.file() + " for changes made elsewhere; restart it to see them.", e);
        }
    }

    private synchronized void tick() {
        if (stopped) {
            return;
        }
        try {
            long now = version(reader);
            long time = System.nanoTime();
            boolean moved = now != seen;
            seen = now;
            if (moved && unheardSince < 0) {
                unheardSince = time;
            }
            if (unheardSince >= 0 && (!moved || time - unheardSince >= longestWaitNanos)) {
                unheardSince = -1;
                long app = database.dataVersion();
                if (app != seenByApp) {
                    seenByApp = app;
                    onOtherWrites.run();
                }
            }
        } catch (SQLException | RuntimeException e) {
            // A busy or closing file is retried on the next tick; the watch must never take the app down.
            LoggerFactory.getLogger(DataVersionWatch.class).debug("reading data_version failed", e);
        }
    }

    private static long version(Connection connection) throws SQLException {
        try (Statement statement = connection.createStatement();
             ResultSet version = statement.executeQuery("PRAGMA data_version")) {
            version.next();
            return version.getLong(1);
        }
    }

    /** Stops the thread (waiting for a tick that runs) and closes the watch's connection. */
    @Override
    public void close() {
        thread.shutdown();
        try {
            thread.awaitTermination(5, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        synchronized (this) {
            stopped = true;
            closeQuietly(reader);
        }
    }

    private static void closeQuietly(Connection connection) {
        if (connection != null) {
            try {
                connection.close();
            } catch (SQLException ignored) {
                // nothing was written on it
            }
        }
    }
}
