package dev.aiworkbench.store;

import java.io.IOException;
import java.nio.file.Path;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

/** For tests outside the store: holds a data folder's migration lock, as another process setting it up would. */
public final class MigrationLocks {
    private MigrationLocks() {
    }

    /** A lock held on a thread of its own until {@link Held#close}. */
    public static final class Held implements AutoCloseable {
        private final CountDownLatch release = new CountDownLatch(1);
        private final Thread holder;

        private Held(Path database) throws InterruptedException {
            CountDownLatch taken = new CountDownLatch(1);
            holder = new Thread(() -> {
                try (MigrationLock lock = MigrationLock.acquire(database, Contention.DEFAULT, waiting -> { })) {
                    taken.countDown();
                    release.await();
                } catch (IOException | InterruptedException e) {
                    throw new IllegalStateException(e);
                }
            }, "migration-lock-holder");
            holder.start();
            if (!taken.await(30, TimeUnit.SECONDS)) {
                throw new IllegalStateException("could not take the migration lock of " + database);
            }
        }

        @Override
        public void close() throws InterruptedException {
            release.countDown();
            holder.join();
        }
    }

    public static Held hold(Path database) throws InterruptedException {
        return new Held(database);
    }
}
