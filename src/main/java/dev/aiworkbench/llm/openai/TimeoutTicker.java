package dev.aiworkbench.llm.openai;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

/**
 * One timer tick checks the first-line and between-lines timeouts of every open stream, as the Ollama gateway's
 * watchdog does (a timer task per stream costs more than the streaming itself on a fast server). It ticks until the
 * gateway shuts its timer down.
 */
final class TimeoutTicker {
    private static final Logger LOG = LoggerFactory.getLogger(TimeoutTicker.class);
    private static final long PERIOD_MILLIS = 100;

    private final Set<ChatExchange> open = ConcurrentHashMap.newKeySet();

    TimeoutTicker(ScheduledExecutorService timer) {
        timer.scheduleAtFixedRate(this::tick, PERIOD_MILLIS, PERIOD_MILLIS, TimeUnit.MILLISECONDS);
    }

    void watch(ChatExchange exchange) {
        open.add(exchange);
    }

    void forget(ChatExchange exchange) {
        open.remove(exchange);
    }

    private void tick() {
        for (ChatExchange exchange : open) {
            try {
                exchange.checkTimeouts();
            } catch (RuntimeException e) {
                // one stream's failure must not end the checks of the others
                LOG.warn("Checking the timeouts of an OpenAI-compatible stream failed", e);
            }
        }
    }
}
