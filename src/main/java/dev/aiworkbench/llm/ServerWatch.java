package dev.aiworkbench.llm;

import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import java.util.function.Supplier;

/**
 * Checks the model server in the background: every half minute while it answers, and while it
 * does not, again after 2, 4, 8 … seconds up to a minute, so a server started later is noticed
 * soon without hammering a machine where there is none.
 */
public final class ServerWatch implements AutoCloseable {
    static final Duration HEALTHY_INTERVAL = Duration.ofSeconds(30);
    static final Duration FIRST_RETRY = Duration.ofSeconds(2);
    static final Duration MAX_RETRY = Duration.ofSeconds(60);

    private final Supplier<ModelGateway> gateway;
    private final Clock clock;
    private final Duration healthyInterval;
    private final Duration firstRetry;
    private final ScheduledExecutorService scheduler;
    private final List<Consumer<ServerStatus>> listeners = new CopyOnWriteArrayList<>();
    private Duration nextRetry;
    private ScheduledFuture<?> pending;
    private volatile ServerStatus last;

    public ServerWatch(Supplier<ModelGateway> gateway, Clock clock) {
        this(gateway, clock, HEALTHY_INTERVAL, FIRST_RETRY);
    }

    ServerWatch(Supplier<ModelGateway> gateway, Clock clock, Duration healthyInterval, Duration firstRetry) {
        this.gateway = gateway;
        this.clock = clock;
        this.healthyInterval = healthyInterval;
        this.firstRetry = firstRetry;
        this.nextRetry = firstRetry;
        this.scheduler = Executors.newSingleThreadScheduledExecutor(runnable -> {
            Thread thread = new Thread(runnable, "ollama-watch");
            thread.setDaemon(true);
            return thread;
        });
    }

    /** Listeners are called on the watch's thread after every check. */
    public void addListener(Consumer<ServerStatus> listener) {
        listeners.add(listener);
        ServerStatus current = last;
        if (current != null) {
            listener.accept(current);
        }
    }

    /** Checks now (and restarts the back-off), e.g. after the address changed or the learner asked. */
    public synchronized void checkNow() {
        nextRetry = firstRetry;
        schedule(Duration.ZERO);
    }

    public ServerStatus last() {
        return last;
    }

    private synchronized void schedule(Duration delay) {
        if (pending != null) {
            pending.cancel(false);
        }
        if (!scheduler.isShutdown()) {
            pending = scheduler.schedule(this::check, delay.toMillis(), TimeUnit.MILLISECONDS);
        }
    }

    private void check() {
        ModelGateway current = gateway.get();
        ServerStatus status;
        try {
            status = ServerStatus.reachable(current.baseUri(), current.version(), clock.instant());
        } catch (ModelServerException e) {
            status = ServerStatus.unreachable(current.baseUri(), e.getMessage(), clock.instant());
        } catch (RuntimeException e) {
            status = ServerStatus.unreachable(current.baseUri(), "Checking Ollama at " + current.baseUri()
                    + " failed: " + e.getMessage(), clock.instant());
        }
        last = status;
        listeners.forEach(listener -> listener.accept(last));
        synchronized (this) {
            if (last.reachable()) {
                nextRetry = firstRetry;
                schedule(healthyInterval);
            } else {
                schedule(nextRetry);
                nextRetry = backOff(nextRetry);
            }
        }
    }

    /** Twice the wait, up to a minute. */
    static Duration backOff(Duration wait) {
        Duration doubled = wait.multipliedBy(2);
        return doubled.compareTo(MAX_RETRY) > 0 ? MAX_RETRY : doubled;
    }

    @Override
    public void close() {
        scheduler.shutdownNow();
    }
}
