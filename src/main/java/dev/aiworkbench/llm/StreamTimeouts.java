package dev.aiworkbench.llm;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.util.Objects;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;

/**
 * One timer tick checks the first-piece and between-pieces timeouts of every open stream of a gateway. A timer task
 * per stream cost more than the rest of the client's work on a fast server (an eval run sends thousands of short
 * requests). It ticks until the gateway shuts its timer down. The three gateways share it; each says how one of its
 * streams checks its own timeouts.
 *
 * @param <S> the gateway's stream
 */
public final class StreamTimeouts<S> {
    private static final Logger LOG = LoggerFactory.getLogger(StreamTimeouts.class);
    private static final long PERIOD_MILLIS = 100;

    private final Set<S> open = ConcurrentHashMap.newKeySet();
    private final Consumer<S> check;
    private final String streams;

    /**
     * @param streams what the streams are, for the log ("Ollama exchanges")
     * @param check   fails a stream whose next piece is overdue
     */
    public StreamTimeouts(ScheduledExecutorService timer, String streams, Consumer<S> check) {
        this.streams = streams;
        this.check = Objects.requireNonNull(check);
        timer.scheduleAtFixedRate(this::tick, PERIOD_MILLIS, PERIOD_MILLIS, TimeUnit.MILLISECONDS);
    }

    public void watch(S stream) {
        open.add(stream);
    }

    public void forget(S stream) {
        open.remove(stream);
    }

    private void tick() {
        for (S stream : open) {
            try {
                check.accept(stream);
            } catch (RuntimeException e) {
                // one stream's failure must not end the checks of the others
                LOG.warn("Checking the timeouts of one of the open {} failed", streams, e);
            }
        }
    }
}
