package dev.aiworkbench.store;

import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.Consumer;

/**
 * The cross-process lock that lets one process at a time create or migrate the database of a data folder: an OS
 * file lock on {@value #NAME} beside the database, held only while migrating. The file itself stays (deleting it
 * would let two processes lock two different files); the OS drops the lock when its holder dies.
 */
final class MigrationLock implements AutoCloseable {
    static final String NAME = ".migrate.lock";
    private static final long POLL_MILLIS = 50;
    /** File locks belong to the whole JVM, so threads of one process take turns here before they ask the OS. */
    private static final ReentrantLock IN_THIS_PROCESS = new ReentrantLock();

    private final FileChannel channel;
    private final FileLock lock;

    private MigrationLock(FileChannel channel, FileLock lock) {
        this.channel = channel;
        this.lock = lock;
    }

    static Path fileFor(Path database) {
        return database.toAbsolutePath().resolveSibling(NAME);
    }

    /**
     * Takes the lock for {@code database}, waiting for whichever process holds it.
     *
     * @param waiting told once, in a sentence, when the wait passes {@link Contention#waitNotice()}
     * @throws DatabaseException the holder kept it past {@link Contention#migrationLimit()}
     */
    static MigrationLock acquire(Path database, Contention contention, Consumer<String> waiting)
            throws IOException, InterruptedException {
        long start = System.nanoTime();
        boolean told = false;
        FileChannel channel = FileChannel.open(fileFor(database), StandardOpenOption.CREATE, StandardOpenOption.WRITE);
        try {
            while (true) {
                if (IN_THIS_PROCESS.tryLock(POLL_MILLIS, TimeUnit.MILLISECONDS)) {
                    FileLock lock = channel.tryLock();
                    if (lock != null) {
                        return new MigrationLock(channel, lock);
                    }
                    IN_THIS_PROCESS.unlock();
                    Thread.sleep(POLL_MILLIS);
                }
                long waited = System.nanoTime() - start;
                if (!told && waited >= contention.waitNotice().toNanos()) {
                    waiting.accept("Waiting for another workbench process that is setting up the database in "
                            + database.toAbsolutePath().getParent() + " (this happens once, after an install or an "
                            + "update)…");
                    told = true;
                }
                if (waited >= contention.migrationLimit().toNanos()) {
                    throw new DatabaseException(DatabaseException.Reason.BUSY, database, "Another workbench process "
                            + "has been setting up the database " + database + " for over "
                            + inWords(contention.migrationLimit()) + " without finishing. Close the other "
                            + "workbench windows and commands that use this data folder, then try again.", null);
                }
            }
        } catch (IOException | InterruptedException | RuntimeException e) {
            channel.close();
            throw e;
        }
    }

    private static String inWords(Duration duration) {
        long seconds = Math.max(1, (duration.toMillis() + 999) / 1000);
        if (seconds % 60 == 0) {
            return seconds == 60 ? "a minute" : seconds / 60 + " minutes";
        }
        return seconds == 1 ? "a second" : seconds + " seconds";
    }

    @Override
    public void close() throws IOException {
        try {
            lock.release();
            channel.close();
        } finally {
            IN_THIS_PROCESS.unlock();
        }
    }
}
