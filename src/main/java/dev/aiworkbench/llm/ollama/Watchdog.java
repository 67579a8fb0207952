package dev.aiworkbench.llm.ollama;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

/**
 * One timer tick checks the timeouts of every open exchange. A timer task per exchange cost more than
 * the rest of the client's work on a fast server (an eval run sends thousands of short requests). It ticks until
 * the gateway shuts its timer down.
 */
final class Watchdog {
    private static final Logger LOG = LoggerFactory.getLogger(Watchdog.class);
    private static final long PERIOD_MILLIS = 100;

    private final Set<StreamingExchange<?>> open = ConcurrentHashMap.newKeySet();

    Watchdog(ScheduledExecutorService timer) {
        timer.scheduleAtFixedRate(this::tick, PERIOD_MILLIS, PERIOD_MILLIS, TimeUnit.MILLISECONDS);
    }

    void watch(StreamingExchange<?> exchange) {
        open.add(exchange);
    }

    void forget(StreamingExchange<?> exchange) {
        open.remove(exchange);
    }

    private void tick() {
        for (StreamingExchange<?> exchange : open) {
            try {
                exchange.checkTimeouts();
            } catch (RuntimeException e) {
                // one exchange's failure must not end the checks of the others
                LOG.warn("Checking the timeouts of an Ollama exchange failed", e);
            }
        }
    }
}
