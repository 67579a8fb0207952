package dev.aiworkbench.labs.services;

import dev.aiworkbench.labs.checks.ServiceEndpoints;
import dev.aiworkbench.labs.definition.CheckSpec;
import dev.aiworkbench.labs.definition.LabDefinition;
import dev.aiworkbench.labs.definition.ServiceSpec;
import dev.aiworkbench.labs.definition.ServiceType;
import dev.aiworkbench.labs.host.PythonProbe;
import dev.aiworkbench.llm.ModelGateway;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Supplier;

/**
 * One lab's services, started and stopped together: Ollama and Qdrant first (side by side), then FastAPI, which
 * gets their addresses in its environment (QDRANT_URL, QDRANT_API_KEY, OLLAMA_HOST, OLLAMA_MODEL,
 * OLLAMA_EMBED_MODEL). The workspace is prepared before anything starts. Start, stop and restart return at once
 * and do their work on the lab services' threads.
 */
public final class LabRun {
    private static final Logger LOG = LoggerFactory.getLogger(LabRun.class);
    private static final List<ServiceType> START_ORDER = List.of(ServiceType.OLLAMA, ServiceType.QDRANT,
            ServiceType.FASTAPI);

    private final LabDefinition lab;
    private final Path labFolder;
    private final LabServices owner;
    private final LabContext context;
    private final Map<ServiceType, LabService> services = new EnumMap<>(ServiceType.class);
    private final List<ServiceType> declared = new ArrayList<>();
    private final AtomicLong generation = new AtomicLong();
    private volatile WorkspaceReport workspaceReport;
    private volatile PythonProbe.Result pythonProbe;
    /** The stop of the other services after one could not get its image; the start completes after it. */
    private volatile CompletableFuture<Void> halting = CompletableFuture.completedFuture(null);

    LabRun(LabDefinition lab, Path labFolder, LabServices owner, LabContext.Factory contexts) {
        this.lab = lab;
        this.labFolder = labFolder;
        this.owner = owner;
        this.context = contexts.make(lab.id(), type -> Optional.ofNullable(services.get(type)), this::halt);
        for (ServiceSpec spec : lab.services()) {
            if (services.containsKey(spec.type())) {
                continue;
            }
            services.put(spec.type(), switch (spec.type()) {
                case FASTAPI -> new FastApiService(spec, context);
                case QDRANT -> new QdrantService(spec, context);
                case OLLAMA -> new OllamaService(spec, context);
            });
            declared.add(spec.type());
        }
    }

    public String labId() {
        return lab.id();
    }

    public LabDefinition lab() {
        return lab;
    }

    /** The learner's workspace: {@code <data folder>/workspaces/<lab-id>/}. */
    public Path workspace() {
        return context.workspace;
    }

    /** What preparing the workspace did, once the lab started. */
    public Optional<WorkspaceReport> workspaceReport() {
        return Optional.ofNullable(workspaceReport);
    }

    /** The lab's services, in the order lab.yaml lists them. */
    public List<LabService> services() {
        return declared.stream().map(services::get).toList();
    }

    public Optional<LabService> service(ServiceType type) {
        return Optional.ofNullable(services.get(type));
    }

    public Optional<FastApiService> fastapi() {
        return service(ServiceType.FASTAPI).map(FastApiService.class::cast);
    }

    public Optional<QdrantService> qdrant() {
        return service(ServiceType.QDRANT).map(QdrantService.class::cast);
    }

    public Optional<OllamaService> ollama() {
        return service(ServiceType.OLLAMA).map(OllamaService.class::cast);
    }

    /** Each service's state, in the order lab.yaml lists them. */
    public Map<ServiceType, ServiceState> states() {
        Map<ServiceType, ServiceState> states = new LinkedHashMap<>();
        for (ServiceType type : declared) {
            states.put(type, services.get(type).state());
        }
        return states;
    }

    /** Where the running services answer, for checks and their placeholders. */
    public ServiceEndpoints endpoints() {
        Optional<URI> fastapi = Optional.empty();
        Optional<URI> qdrant = Optional.empty();
        Optional<String> grpc = Optional.empty();
        Optional<URI> ollama = Optional.empty();
        Optional<String> key = Optional.empty();
        for (LabService service : services.values()) {
            ServiceEndpoints e = service.state().endpoints();
            fastapi = fastapi.or(e::fastapi);
            qdrant = qdrant.or(e::qdrant);
            grpc = grpc.or(e::qdrantGrpc);
            ollama = ollama.or(e::ollama);
            key = key.or(e::qdrantApiKey);
        }
        return new ServiceEndpoints(fastapi, qdrant, grpc, ollama, key);
    }

    /** Whether the lab has the service and it is running. */
    public boolean ready(ServiceType type) {
        LabService service = services.get(type);
        return service != null && service.state().running();
    }

    /**
     * Why a check cannot run now: the service it needs is missing, unavailable here, failed or not started (the
     * sentence says which, with the fix). Empty when it can run; checks that need no service always can.
     */
    public Optional<String> blocker(CheckSpec check) {
        ServiceType needs = check.needs();
        if (needs == null || ready(needs)) {
            return Optional.empty();
        }
        LabService service = services.get(needs);
        if (service == null) {
            return Optional.of("This check needs " + needs.id() + ", which the lab does not start: this is a mistake"
                    + " in the lab (add it to services in lab.yaml).");
        }
        ServiceState state = service.state();
        return Optional.of(switch (state.status()) {
            case STOPPED -> service.name() + " is not running: start the lab first.";
            case STARTING -> service.name() + " is still starting: " + state.sentence();
            default -> state.message();
        });
    }

    public boolean canRun(CheckSpec check) {
        return blocker(check).isEmpty();
    }

    /** The model gateway checks use: the lab's Ollama container while it runs, else the app's server. */
    public Supplier<ModelGateway> models() {
        return () -> ollama().flatMap(OllamaService::gateway).orElseGet(context.settings.appOllama());
    }

    /**
     * The local Python with FastAPI and uvicorn, for {@code {{python}}} in command checks: the one that runs the
     * app, else PythonProbe's answer (asked once per run; this may block for a few seconds, so not on the FX thread).
     */
    public Optional<Path> python() {
        Optional<Path> running = localPython();
        if (running.isPresent()) {
            return running;
        }
        PythonProbe.Result probe = pythonProbe;
        if (probe == null) {
            probe = PythonProbe.probe(context.environment(), Duration.ofSeconds(15));
            pythonProbe = probe;
        }
        return probe.hasFastApi() ? probe.python() : Optional.empty();
    }

    Optional<Path> localPython() {
        Optional<Path> running = fastapi().flatMap(FastApiService::python);
        if (running.isPresent()) {
            return running;
        }
        PythonProbe.Result probe = pythonProbe;
        return probe != null && probe.hasFastApi() ? probe.python() : Optional.empty();
    }

    /** Hears every service of the lab. */
    public void addListener(ServiceListener listener) {
        services.values().forEach(s -> s.addListener(listener));
    }

    public void removeListener(ServiceListener listener) {
        services.values().forEach(s -> s.removeListener(listener));
    }

    /** Whether any service may have something running. */
    public boolean active() {
        return services.values().stream().anyMatch(s -> s.state().status().active());
    }

    /**
     * Prepares the workspace and starts the services; completes when each has settled (running, unavailable or
     * failed), model pulls included. A service that cannot run leaves the others running.
     */
    public CompletableFuture<LabRun> start() {
        long wanted = generation.get();
        return CompletableFuture.supplyAsync(() -> {
            startNow(wanted);
            return this;
        }, context.executor);
    }

    /** Stops every service and removes what the lab started (processes, containers, its Docker network). */
    public CompletableFuture<LabRun> stop() {
        generation.incrementAndGet();
        return CompletableFuture.supplyAsync(() -> {
            stopNow();
            return this;
        }, context.executor);
    }

    /** Restarts one service (FastAPI keeps its port when it can; containers ask for their last ports). */
    public CompletableFuture<ServiceState> restart(ServiceType type) {
        LabService service = services.get(type);
        if (service == null) {
            return CompletableFuture.failedFuture(new IllegalArgumentException("the lab " + lab.id()
                    + " has no " + type.id() + " service"));
        }
        return CompletableFuture.supplyAsync(() -> {
            ServiceState state = service.restart();
            owner.records().write(LabRunRecord.of(this));
            return state;
        }, context.executor);
    }

    private void startNow(long wanted) {
        if (generation.get() != wanted) {
            return;
        }
        try {
            workspaceReport = owner.prepareWorkspace(lab, labFolder);
            fastapi().ifPresent(s -> s.say(workspaceReport.sentence()));
        } catch (IOException | RuntimeException e) {
            workspaceReport = new WorkspaceReport(context.workspace, List.of(), List.of(),
                    List.of("Could not prepare the workspace (" + e.getMessage() + ")."));
            LOG.warn("Lab {}: could not prepare the workspace {}", lab.id(), context.workspace, e);
        }
        List<CompletableFuture<?>> started = new ArrayList<>();
        List<CompletableFuture<Void>> addressed = new ArrayList<>();
        for (ServiceType type : START_ORDER) {
            LabService service = services.get(type);
            if (service == null || type == ServiceType.FASTAPI) {
                continue;
            }
            addressed.add(service.expectAddress());
            started.add(async(() -> service.start(() -> generation.get() == wanted)));
        }
        LabService fastapi = services.get(ServiceType.FASTAPI);
        if (fastapi != null) {
            if (!addressed.isEmpty() && generation.get() == wanted) {
                fastapi.hold("Waiting for " + peerNames(fastapi) + " to start: the app gets their addresses in its"
                        + " environment (QDRANT_URL, OLLAMA_HOST)…");
            }
            try {
                CompletableFuture.allOf(addressed.toArray(CompletableFuture[]::new)).get();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            } catch (ExecutionException e) {
                // each service says its own failure in its state
            }
            fastapi.start(() -> generation.get() == wanted);
        }
        for (CompletableFuture<?> future : started) {
            future.join();
        }
        halting.join();
        if (generation.get() == wanted && active()) {
            owner.records().write(LabRunRecord.of(this));
        }
    }

    private String peerNames(LabService fastapi) {
        return String.join(" and ", services.values().stream().filter(s -> s != fastapi).map(LabService::name)
                .toList());
    }

    /**
     * One service cannot start for a reason that dooms the lab (Docker lacks an image and cannot download it):
     * the others stop at once, saying why, and nothing of the lab is left running. The failed service keeps its
     * own sentence.
     */
    private void halt(LabService failed, String because) {
        generation.incrementAndGet();
        LOG.info("Lab {}: stopping its other services: {}", lab.id(), because);
        halting = async(() -> {
            List<CompletableFuture<?>> stopping = new ArrayList<>();
            for (LabService service : services.values()) {
                if (service != failed) {
                    stopping.add(async(() -> service.halt(because)));
                }
            }
            for (CompletableFuture<?> future : stopping) {
                future.join();
            }
            if (!active()) {
                context.network.close();
                owner.records().remove(lab.id());
            }
        });
    }

    /** Runs on the lab threads; inline when they no longer take work (the app is closing). */
    private CompletableFuture<Void> async(Runnable task) {
        try {
            return CompletableFuture.runAsync(task, context.executor);
        } catch (java.util.concurrent.RejectedExecutionException e) {
            task.run();
            return CompletableFuture.completedFuture(null);
        }
    }

    void stopNow() {
        generation.incrementAndGet();
        LabService fastapi = services.get(ServiceType.FASTAPI);
        if (fastapi != null) {
            fastapi.stop();
        }
        List<CompletableFuture<?>> stopping = new ArrayList<>();
        for (LabService service : services.values()) {
            if (service != fastapi) {
                stopping.add(async(service::stop));
            }
        }
        for (CompletableFuture<?> future : stopping) {
            future.join();
        }
        context.network.close();
        owner.records().remove(lab.id());
    }
}
