package dev.aiworkbench.llm.anthropic;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

/** One timer tick checks the timeouts of every open stream, as the Ollama path does; it ticks until the timer stops. */
final class StreamWatchdog {
    private static final Logger LOG = LoggerFactory.getLogger(StreamWatchdog.class);
    private static final long PERIOD_MILLIS = 100;

    private final Set<MessageStream> open = ConcurrentHashMap.newKeySet();

    StreamWatchdog(ScheduledExecutorService timer) {
        timer.scheduleAtFixedRate(this::tick, PERIOD_MILLIS, PERIOD_MILLIS, TimeUnit.MILLISECONDS);
    }

    void watch(MessageStream stream) {
        open.add(stream);
    }

    void forget(MessageStream stream) {
        open.remove(stream);
    }

    private void tick() {
        for (MessageStream stream : open) {
            try {
                stream.checkTimeouts();
            } catch (RuntimeException e) {
                // one stream's failure must not end the checks of the others
                LOG.warn("Checking the timeouts of an Anthropic stream failed", e);
            }
        }
    }
}
