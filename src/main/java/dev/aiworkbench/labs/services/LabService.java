package dev.aiworkbench.labs.services;

import dev.aiworkbench.labs.checks.ServiceEndpoints;
import dev.aiworkbench.labs.definition.ServiceSpec;
import dev.aiworkbench.labs.definition.ServiceType;
import dev.aiworkbench.llm.PullBoard;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.ReentrantLock;

/**
 * One service of a running lab: its state, its log (the last lines, bounded), and start, stop and restart.
 * Start, stop and restart block (a probe, an image download, a model pull): call them off the JavaFX thread,
 * or through {@link LabRun}, which runs them on its own threads. Stop may be called while a start is under way:
 * it interrupts what can be interrupted (a process, a pull) and then stops what the start left.
 */
public abstract sealed class LabService permits FastApiService, QdrantService, OllamaService {
    private static final Logger LOG = LoggerFactory.getLogger(LabService.class);
    private static final int MAX_LINE = 4_000;
    /** How long a stop waits for a start to give up before it shows the service as stopped anyway. */
    static final Duration STOP_GRACE = Duration.ofSeconds(3);
    /** How often a long wait says it still waits. */
    static final Duration HEARTBEAT = Duration.ofSeconds(5);

    final ServiceSpec spec;
    final LabContext context;
    private final ArrayDeque<LogLine> lines = new ArrayDeque<>();
    private final List<ServiceListener> listeners = new CopyOnWriteArrayList<>();
    private final ReentrantLock lifecycle = new ReentrantLock();
    private volatile ServiceState state;
    private volatile CompletableFuture<Void> addressed = CompletableFuture.completedFuture(null);
    /** Set by stop: a start under way gives up at its next look. */
    volatile boolean cancelled;
    /** Starting in name only: the lab holds the service back until its peers have addresses. */
    private volatile boolean held;
    /** The thread running a start, while one runs; guarded by {@link #starter}'s own lock. */
    private final Object starter = new Object();
    private Thread startThread;

    LabService(ServiceSpec spec, LabContext context) {
        this.spec = spec;
        this.context = context;
        this.state = ServiceState.notStarted(spec.type());
    }

    public ServiceType type() {
        return spec.type();
    }

    public ServiceState state() {
        return state;
    }

    /** The log lines kept (the last {@link LabServicesSettings#logLines()}), oldest first. */
    public List<LogLine> logs() {
        synchronized (lines) {
            return List.copyOf(lines);
        }
    }

    /** The last {@code count} log lines, oldest first. */
    public List<LogLine> logs(int count) {
        synchronized (lines) {
            List<LogLine> all = new ArrayList<>(lines);
            return List.copyOf(all.subList(Math.max(0, all.size() - count), all.size()));
        }
    }

    public void addListener(ServiceListener listener) {
        listeners.add(listener);
    }

    public void removeListener(ServiceListener listener) {
        listeners.remove(listener);
    }

    /**
     * Brings the service up and returns the state it settled in: running, unavailable (with the fix), or failed
     * (with the reason). Does nothing when it is already starting or running; a failed service is cleaned up and
     * started again.
     */
    public ServiceState start() {
        return start(() -> true);
    }

    /** Starts unless {@code wanted} says no once the lifecycle is ours (a stop of the lab came first). */
    ServiceState start(java.util.function.BooleanSupplier wanted) {
        lifecycle.lock();
        try {
            ServiceStatus now = state.status();
            if (!wanted.getAsBoolean()) {
                if (held) {
                    held = false;
                    publish(ServiceStatus.STOPPED, "Stopped before it started.", null);
                }
                return state;
            }
            if (now == ServiceStatus.RUNNING || now == ServiceStatus.STARTING && !held) {
                return state;
            }
            held = false;
            if (now == ServiceStatus.FAILED) {
                stopQuietly(null);
            }
            cancelled = false;
            if (addressed.isDone()) {
                addressed = new CompletableFuture<>();
            }
            synchronized (starter) {
                startThread = Thread.currentThread();
            }
            try {
                doStart();
            } catch (InterruptedException e) {
                cancelled = true;
            } catch (RuntimeException e) {
                LOG.error("Lab {}: {} failed to start", context.labId, type().id(), e);
                publish(ServiceStatus.FAILED, name() + " stopped starting with an unexpected error (" + e + ").",
                        "Press Start again; if it keeps failing, the log in the data folder has the details.");
                stopQuietly(null);
            } finally {
                synchronized (starter) {
                    startThread = null;
                    Thread.interrupted(); // a stop's interrupt is for this start only, not for the pool's next task
                }
            }
            if (cancelled) {
                // a stop that could not wait for this start ended here: remove what the start left
                stopQuietly(null);
            }
            return state;
        } finally {
            addressed.complete(null);
            lifecycle.unlock();
        }
    }

    /**
     * Shows the service as starting while the lab holds it back (FastAPI waits for the addresses of Qdrant and
     * Ollama), saying what it waits for; {@link #start} then starts it, and a stop stops the wait.
     */
    void hold(String sentence) {
        lifecycle.lock();
        try {
            ServiceStatus now = state.status();
            if (now == ServiceStatus.STOPPED || now == ServiceStatus.UNAVAILABLE) {
                held = true;
                publish(ServiceStatus.STARTING, sentence, null);
            }
        } finally {
            lifecycle.unlock();
        }
    }

    /**
     * Stops the service and everything it started. A start under way is told to give up (a download is cancelled,
     * a wait ends) and given {@link #STOP_GRACE} to do so; one stuck in the container library longer than that is
     * left to remove its container itself when the library returns, and the service shows as stopped at once.
     */
    public ServiceState stop() {
        return stop(null);
    }

    /** Stops it as {@link #stop()} does; {@code because} (a sentence) leads its stopped state. */
    ServiceState stop(String because) {
        cancelled = true;
        abortStart();
        synchronized (starter) {
            if (startThread != null) {
                startThread.interrupt();
            }
        }
        boolean locked;
        try {
            locked = lifecycle.tryLock(STOP_GRACE.toMillis(), TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            locked = false;
        }
        if (!locked) {
            LOG.warn("Lab {}: {} did not give up its start within {} s; it cleans up when it returns", context.labId,
                    type().id(), STOP_GRACE.toSeconds());
            publish(ServiceStatus.STOPPED, (because == null ? "" : because + " ") + "Stopped; Docker is still"
                    + " finishing the start, and the workbench removes the container as soon as it has.", null);
            return state;
        }
        try {
            stopQuietly(because);
            return state;
        } finally {
            lifecycle.unlock();
        }
    }

    /**
     * Stops the service because the lab cannot run (another service lacks its image); one that is stopped, or
     * says why it cannot run here, keeps its own words.
     */
    void halt(String because) {
        ServiceStatus now = state.status();
        if (now == ServiceStatus.STOPPED && !held || now == ServiceStatus.UNAVAILABLE) {
            return;
        }
        stop(because);
    }

    /** Stops the service and starts it again. */
    public ServiceState restart() {
        lifecycle.lock();
        try {
            cancelled = true;
            stopQuietly(null);
            return start();
        } finally {
            lifecycle.unlock();
        }
    }

    private void stopQuietly(String because) {
        ServiceStatus before = state.status();
        if (before == ServiceStatus.UNAVAILABLE && because != null) {
            return;
        }
        held = false;
        String sentence;
        try {
            sentence = doStop();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            sentence = null;
        } catch (RuntimeException e) {
            LOG.warn("Lab {}: stopping {} failed", context.labId, type().id(), e);
            sentence = name() + " could not be stopped cleanly (" + e.getMessage() + ").";
        }
        if (before != ServiceStatus.STOPPED || sentence != null || because != null) {
            String said = sentence == null ? "Stopped." : sentence;
            publish(ServiceStatus.STOPPED, because == null ? said : because + (sentence == null ? "" : " " + sentence),
                    null);
        }
    }

    /** A wait that says it goes on until it is closed. */
    interface Heartbeat extends AutoCloseable {
        @Override
        void close();
    }

    /** The service's own start: it publishes its states and ends in running, unavailable or failed. */
    abstract void doStart() throws InterruptedException;

    /**
     * Stops whatever the service runs; idempotent.
     *
     * @return the sentence for the stopped state, or null for a plain "Stopped."
     */
    abstract String doStop() throws InterruptedException;

    /** Called by stop before it waits for a start under way: interrupt what can be interrupted. */
    void abortStart() {
    }

    /** The environment variables the lab's FastAPI app gets to reach this service; none by default. */
    Map<String, String> appEnvironment(boolean fromContainer) {
        return Map.of();
    }

    /**
     * Completes once the next (or current) start knows where the service answers, or has ended without it. Call
     * before handing the start to another thread, so the future belongs to that start.
     */
    CompletableFuture<Void> expectAddress() {
        lifecycle.lock();
        try {
            if (addressed.isDone() && state.status() != ServiceStatus.RUNNING) {
                addressed = new CompletableFuture<>();
            }
            return addressed;
        } finally {
            lifecycle.unlock();
        }
    }

    /** The service's name for people: FastAPI, Qdrant, Ollama. */
    public abstract String name();

    // --- for the services -----------------------------------------------------------------------------------

    void publish(ServiceStatus status, String sentence, String fix) {
        ServiceState next = state.with(status, sentence, fix);
        if (status == ServiceStatus.STOPPED || status == ServiceStatus.UNAVAILABLE) {
            next = next.withoutEndpoints();
        }
        state = next;
        LOG.info("Lab {}: {} {}: {}", context.labId, type().id(), status, next.message());
        for (ServiceListener listener : listeners) {
            try {
                listener.onState(next);
            } catch (RuntimeException e) {
                LOG.warn("A lab service listener failed on a state", e);
            }
        }
    }

    void runner(String value) {
        state = state.withRunner(value);
    }

    /** Where the service answers, carried by the next published state; lets waiting services go on. */
    void endpoints(ServiceEndpoints endpoints, List<ServiceState.Address> addresses, Optional<String> snippet) {
        state = state.withEndpoints(endpoints, addresses, snippet);
        addressed.complete(null);
    }

    void clearEndpoints() {
        state = state.withoutEndpoints();
    }

    void log(LogLine.Source source, String text) {
        String clipped = text.length() > MAX_LINE ? text.substring(0, MAX_LINE) + " …" : text;
        LogLine line = new LogLine(Instant.now(), type(), source, clipped);
        synchronized (lines) {
            lines.addLast(line);
            while (lines.size() > context.settings.logLines()) {
                lines.removeFirst();
            }
        }
        if (source == LogLine.Source.WORKBENCH) {
            LOG.info("Lab {}: {}: {}", context.labId, type().id(), clipped);
        }
        for (ServiceListener listener : listeners) {
            try {
                listener.onLog(line);
            } catch (RuntimeException e) {
                LOG.warn("A lab service listener failed on a log line", e);
            }
        }
    }

    void say(String text) {
        log(LogLine.Source.WORKBENCH, text);
    }

    void pulled(String model, PullBoard board) {
        for (ServiceListener listener : listeners) {
            try {
                listener.onPull(model, board);
            } catch (RuntimeException e) {
                LOG.warn("A lab service listener failed on pull progress", e);
            }
        }
    }

    void imagePulled(ImagePullSnapshot snapshot) {
        for (ServiceListener listener : listeners) {
            try {
                listener.onImagePull(type(), snapshot);
            } catch (RuntimeException e) {
                LOG.warn("A lab service listener failed on image pull progress", e);
            }
        }
    }

    /**
     * Makes sure Docker has the service's image and the container library's helper before the library is touched,
     * downloading what is missing with progress. When one cannot be had, the service says which image and what to
     * do, the lab's other services are stopped, and this returns false.
     */
    boolean imagesReady(String image) throws InterruptedException {
        List<String> needed = ContainerImages.needed(image, context.environment());
        publish(ServiceStatus.STARTING, "Checking that Docker has " + String.join(" and ", needed) + "…", null);
        List<String> absent = context.images.absent(needed);
        for (int i = 0; i < absent.size(); i++) {
            String missing = absent.get(i);
            publish(ServiceStatus.STARTING, "Downloading the image " + missing + "; only the first start does."
                    + ContainerImages.role(missing), null);
            say("Docker does not have " + missing + " yet: downloading it.");
            try {
                ImagePullSnapshot done = context.images.pull(missing, this::imagePulled, () -> cancelled);
                say(done.describe() + ".");
            } catch (ImagePullException e) {
                Unavailable why = ImageAdvice.of(this, e, absent.subList(i + 1, absent.size()));
                say("Downloading " + missing + " failed: " + e.reason());
                publish(ServiceStatus.UNAVAILABLE, why.sentence(), why.fix());
                context.halt.because(this, ImageAdvice.haltedBecause(missing, name()));
                return false;
            }
        }
        return !cancelled;
    }

    /**
     * Says every few seconds that a wait goes on, and for how long, until closed: for waits inside the container
     * library, which says nothing while it waits.
     */
    Heartbeat stillWaiting(String what) {
        long started = System.nanoTime();
        ScheduledFuture<?> beat = context.scheduler.scheduleWithFixedDelay(() -> say("Still waiting for " + what
                        + " (" + TimeUnit.NANOSECONDS.toSeconds(System.nanoTime() - started) + " s)…"),
                HEARTBEAT.toMillis(), HEARTBEAT.toMillis(), TimeUnit.MILLISECONDS);
        return () -> beat.cancel(false);
    }

    /** The last lines of the log, for a sentence: what uvicorn or the container said before it failed. */
    String tail(int count) {
        List<String> texts = new ArrayList<>();
        for (LogLine line : logs(count * 3)) {
            if (line.source() != LogLine.Source.WORKBENCH && !line.text().isBlank()) {
                texts.add(line.text().strip());
            }
        }
        List<String> last = texts.subList(Math.max(0, texts.size() - count), texts.size());
        return String.join(" | ", last);
    }
}
