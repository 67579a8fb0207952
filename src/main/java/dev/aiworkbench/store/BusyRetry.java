package dev.aiworkbench.store;

import java.sql.SQLException;
import java.util.concurrent.ThreadLocalRandom;

/**
 * Tries a piece of database work again when SQLite still answers busy after its own busy timeout: another process
 * held the write lock longer than that. The pause doubles each time, with jitter, and the number of attempts is
 * bounded, after which the last failure is the caller's to report.
 */
final class BusyRetry {
    /** Work that rolls itself back when it fails, so running it again is safe. */
    @FunctionalInterface
    interface Attempt<T> {
        T run() throws SQLException;
    }

    private final Contention contention;

    BusyRetry(Contention contention) {
        this.contention = contention;
    }

    <T> T run(Attempt<T> attempt) throws SQLException {
        long pause = contention.firstBackoff().toMillis();
        for (int n = 1; ; n++) {
            try {
                return attempt.run();
            } catch (SQLException | RuntimeException e) {
                if (n >= contention.attempts() || !DatabaseFailures.isBusy(e)) {
                    throw e;
                }
                sleep(pause + ThreadLocalRandom.current().nextLong(pause / 2 + 1), e);
                pause *= 2;
            }
        }
    }

    private static void sleep(long millis, Exception failure) throws SQLException {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException interrupted) {
            Thread.currentThread().interrupt();
            failure.addSuppressed(interrupted);
            if (failure instanceof SQLException sql) {
                throw sql;
            }
            throw (RuntimeException) failure;
        }
    }
}
