package dev.aiworkbench.store;

import java.time.Duration;

/**
 * How the database behaves when other workbench processes (the app, CLI verbs, eval shards, lab runners) use the
 * same data folder at the same time.
 *
 * @param busyTimeout     how long SQLite itself waits for another process's write lock before it answers busy
 * @param attempts        how many times a transaction that still found the database busy is tried in all
 * @param firstBackoff    the pause before the second attempt; it doubles for each further one, with jitter so that
 *                        processes that collided once do not collide again
 * @param waitNotice      how long a process waits for another one's migration before it says that it is waiting
 * @param migrationLimit  how long it waits for that migration at most before it gives up with a sentence
 */
public record Contention(Duration busyTimeout, int attempts, Duration firstBackoff, Duration waitNotice,
                         Duration migrationLimit) {
    public static final Contention DEFAULT = new Contention(Duration.ofSeconds(5), 4, Duration.ofMillis(100),
            Duration.ofSeconds(2), Duration.ofMinutes(2));

    public Contention {
        if (attempts < 1) {
            throw new IllegalArgumentException("at least one attempt, not " + attempts);
        }
    }
}
