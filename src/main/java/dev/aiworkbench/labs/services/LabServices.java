package dev.aiworkbench.labs.services;

import dev.aiworkbench.labs.definition.LabDefinition;
import dev.aiworkbench.labs.definition.ServiceSpec;
import dev.aiworkbench.labs.host.DockerProbe;
import dev.aiworkbench.labs.host.PythonProbe;
import dev.aiworkbench.llm.ModelGateway;
import dev.aiworkbench.llm.ModelServerException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Starts and stops labs' services (FastAPI, Qdrant, Ollama) and reports their state, addresses and logs.
 *
 * <p>Open a lab to get its {@link LabRun}, add listeners, then start it; everything slow (probing Docker and
 * Python, downloading images, pulling models, waiting for uvicorn) runs on this object's threads, so the caller's
 * thread (the JavaFX thread) never blocks. Docker is asked directly before each use of the container library,
 * never from a cached answer. Stopping a lab, {@link #close() closing} this object, or the JVM exiting normally
 * (a shutdown hook) stops every process and container it started; after a crash, Ryuk removes the containers and
 * uvicorn stops itself when the workbench's end of its stdin closes.
 */
public final class LabServices implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(LabServices.class);
    private static final Duration PROBE_TIMEOUT = Duration.ofSeconds(5);

    private final LabServicesSettings settings;
    private final ExecutorService executor;
    private final ScheduledExecutorService scheduler;
    private final HttpProbe http = new HttpProbe();
    private final ImagePulls imagePulls;
    private final LabRunRecords records;
    private final Map<String, LabRun> runs = new LinkedHashMap<>();
    private final java.util.Set<String> stoppingOnRequest = java.util.concurrent.ConcurrentHashMap.newKeySet();
    private final Thread shutdownHook;
    private final ScheduledFuture<?> stopRequests;
    private volatile boolean closed;

    public LabServices(LabServicesSettings settings) {
        this.settings = settings;
        this.executor = Executors.newCachedThreadPool(daemonThreads("lab-services"));
        this.scheduler = Executors.newScheduledThreadPool(2, daemonThreads("lab-services-watch"));
        this.records = new LabRunRecords(settings.runRecords());
        this.imagePulls = new ImagePulls(DockerEngine::current, executor, settings.imagePullStall());
        this.shutdownHook = new Thread(this::stopAllOnExit, "lab-services-shutdown");
        Runtime.getRuntime().addShutdownHook(shutdownHook);
        this.stopRequests = scheduler.scheduleWithFixedDelay(this::honourStopRequests, 1, 1, TimeUnit.SECONDS);
    }

    public LabServicesSettings settings() {
        return settings;
    }

    /** The records of labs running in this or another process (for {@code workbench lab check|stop}). */
    public LabRunRecords records() {
        return records;
    }

    /** The learner's workspace for a lab: {@code <data folder>/workspaces/<lab-id>/}. */
    public Path workspace(String labId) {
        if (!labId.matches("[A-Za-z0-9][A-Za-z0-9_.-]*") || labId.contains("..")) {
            throw new IllegalArgumentException("'" + labId + "' is not a lab id");
        }
        return settings.workspaces().resolve(labId);
    }

    /**
     * The run of a lab, made if needed (nothing starts yet): add listeners to it, then start it. An open run of
     * the same lab is returned while it is active, or when the lab's definition has not changed (its logs stay).
     *
     * @param labFolder the lab's folder (LabLoadResult.folder()), for its starter; may be in the app's jar
     */
    public synchronized LabRun open(LabDefinition lab, Path labFolder) {
        if (closed) {
            throw new IllegalStateException("the lab services are closed");
        }
        LabRun existing = runs.get(lab.id());
        if (existing != null && (existing.active() || existing.lab().equals(lab))) {
            return existing;
        }
        Path workspace = workspace(lab.id());
        LabRun run = new LabRun(lab, labFolder, this, (id, peers, halt) -> new LabContext(id, settings, workspace,
                executor, scheduler, http, imagePulls, peers, halt));
        runs.put(lab.id(), run);
        return run;
    }

    /** Opens the lab and starts it; completes when every service has settled. */
    public CompletableFuture<LabRun> start(LabDefinition lab, Path labFolder) {
        return open(lab, labFolder).start();
    }

    public synchronized Optional<LabRun> run(String labId) {
        return Optional.ofNullable(runs.get(labId));
    }

    public synchronized List<LabRun> runs() {
        return List.copyOf(runs.values());
    }

    /** Stops a lab's services; completes when nothing of them is left. */
    public CompletableFuture<Void> stop(String labId) {
        return run(labId).map(r -> r.stop().<Void>thenApply(x -> null))
                .orElseGet(() -> CompletableFuture.completedFuture(null));
    }

    /** Looks for a Python with FastAPI and uvicorn now, off the caller's thread. */
    public CompletableFuture<PythonProbe.Result> python() {
        return CompletableFuture.supplyAsync(() -> PythonProbe.probe(settings.environment(), Duration.ofSeconds(15)),
                executor);
    }

    /**
     * What this machine lacks for a lab's services, asked now: Docker for Qdrant, a Python with FastAPI (or
     * Docker) for the app, an Ollama server (or Docker) for the models. One entry per service that could not
     * start here, in the words its Start would use. Blocks on the probes for a few seconds: not on the FX thread.
     */
    public List<Unavailable> preflight(LabDefinition lab) {
        List<Unavailable> missing = new ArrayList<>();
        DockerProbe.Result docker = null;
        for (ServiceSpec spec : lab.services()) {
            switch (spec.type()) {
                case QDRANT -> {
                    docker = docker != null ? docker : DockerProbe.probe(settings.environment(), PROBE_TIMEOUT);
                    if (!docker.running()) {
                        missing.add(Unavailable.qdrant(docker));
                    }
                }
                case FASTAPI -> {
                    PythonProbe.Result python = PythonProbe.probe(settings.environment(), Duration.ofSeconds(15));
                    if (!python.hasFastApi()) {
                        docker = docker != null ? docker : DockerProbe.probe(settings.environment(), PROBE_TIMEOUT);
                        if (!docker.running()) {
                            missing.add(Unavailable.fastapi(python, docker));
                        }
                    }
                }
                case OLLAMA -> {
                    ModelGateway app = settings.appOllama().get();
                    try {
                        app.version();
                    } catch (ModelServerException e) {
                        docker = docker != null ? docker : DockerProbe.probe(settings.environment(), PROBE_TIMEOUT);
                        if (!docker.running()) {
                            missing.add(Unavailable.ollama(Unavailable.noServer(app.baseUri(), e.getMessage()), docker));
                        }
                    }
                }
            }
        }
        return missing;
    }

    /** The record of the lab when another process runs it (started by `workbench lab start`, or the app). */
    public Optional<LabRunRecord> runningElsewhere(String labId) {
        return records.find(labId).filter(r -> !r.ownedByThisProcess());
    }

    /**
     * Copies the FastAPI stub (when the lab builds on it) and then the lab's starter into its workspace, never
     * overwriting a file that is there. Blocks on disk work: not on the FX thread.
     */
    public WorkspaceReport prepareWorkspace(LabDefinition lab, Path labFolder) throws IOException {
        Path workspace = workspace(lab.id());
        List<String> notes = new ArrayList<>();
        Optional<Path> stub = Optional.empty();
        if (lab.stub()) {
            stub = settings.stub().get();
            if (stub.isEmpty()) {
                notes.add("The FastAPI stub is not part of this build of the workbench, so only the lab's own files"
                        + " were copied.");
            }
        }
        Optional<Path> starter = Optional.empty();
        if (lab.starter() != null && !lab.starter().isBlank()) {
            if (labFolder == null) {
                notes.add("The lab's folder is not known, so its starter was not copied.");
            } else {
                Path root = labFolder.toAbsolutePath().normalize();
                Path folder = root.resolve(lab.starter()).normalize();
                if (!folder.startsWith(root)) {
                    throw new IOException("the lab's starter folder '" + lab.starter() + "' is outside the lab");
                }
                starter = Optional.of(folder);
            }
        }
        WorkspaceReport report = WorkspaceFiles.prepare(workspace, stub, starter);
        if (notes.isEmpty()) {
            return report;
        }
        List<String> all = new ArrayList<>(notes);
        all.addAll(report.notes());
        return new WorkspaceReport(report.workspace(), report.copied(), report.kept(), all);
    }

    /** Stops every lab and waits until nothing of them is left. */
    public void stopAll() {
        for (LabRun run : runs()) {
            if (run.active()) {
                run.stopNow();
            }
        }
    }

    /** Stops every lab's services, then the threads; the shutdown hook is no longer needed after this. */
    @Override
    public void close() {
        synchronized (this) {
            if (closed) {
                return;
            }
            closed = true;
        }
        stopRequests.cancel(false);
        try {
            stopAll();
        } finally {
            scheduler.shutdownNow();
            executor.shutdown();
            http.close();
            try {
                Runtime.getRuntime().removeShutdownHook(shutdownHook);
            } catch (IllegalStateException e) {
                // the JVM is already shutting down: the hook runs, or ran, and finds nothing left
            }
        }
    }

    private void stopAllOnExit() {
        try {
            stopAll();
        } catch (RuntimeException e) {
            LOG.warn("Stopping the labs' services at exit failed", e);
        }
    }

    private void honourStopRequests() {
        for (LabRun run : runs()) {
            try {
                if (run.active() && records.stopRequested(run.labId()) && stoppingOnRequest.add(run.labId())) {
                    LOG.info("Another process asked to stop the lab {}", run.labId());
                    run.stop().whenComplete((r, e) -> stoppingOnRequest.remove(run.labId()));
                }
            } catch (RuntimeException e) {
                LOG.warn("Could not honour a stop request for {}", run.labId(), e);
            }
        }
    }

    private static ThreadFactory daemonThreads(String name) {
        AtomicInteger count = new AtomicInteger();
        return runnable -> {
            Thread thread = new Thread(runnable, name + "-" + count.incrementAndGet());
            thread.setDaemon(true);
            return thread;
        };
    }
}
