package dev.aiworkbench.labs;

import dev.aiworkbench.curriculum.Pack;
import dev.aiworkbench.labs.checks.CheckContext;
import dev.aiworkbench.labs.checks.CheckEngine;
import dev.aiworkbench.labs.checks.CheckResult;
import dev.aiworkbench.labs.checks.EvalSuiteRunner;
import dev.aiworkbench.labs.checks.SchemaResolver;
import dev.aiworkbench.labs.checks.ServiceEndpoints;
import dev.aiworkbench.labs.definition.CheckSpec;
import dev.aiworkbench.labs.definition.LabCatalog;
import dev.aiworkbench.labs.definition.LabDefinition;
import dev.aiworkbench.labs.definition.LabLoadResult;
import dev.aiworkbench.labs.definition.LabStep;
import dev.aiworkbench.labs.definition.ServiceSpec;
import dev.aiworkbench.labs.definition.ServiceType;
import dev.aiworkbench.labs.services.LabRun;
import dev.aiworkbench.labs.services.LabRunRecord;
import dev.aiworkbench.labs.services.LabServices;
import dev.aiworkbench.labs.services.ServiceImages;
import dev.aiworkbench.labs.services.WorkspaceFiles;
import dev.aiworkbench.llm.ModelGateway;
import dev.aiworkbench.progress.ProgressService;
import dev.aiworkbench.progress.TaskState;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Clock;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.function.Supplier;

/**
 * The labs as the learner uses them: which exist and how far each is, what a pack's labs will run
 * (to trust first), starting and stopping their services, running their checks (against a lab this
 * process started or one another process runs), keeping the results, marking the curriculum tasks
 * a passed lab proves, and applying a reference solution.
 */
public final class Labs {
    private static final DateTimeFormatter BACKUP = DateTimeFormatter.ofPattern("yyyyMMdd-HHmmss").withZone(ZoneOffset.UTC);

    private final LabCatalog catalog;
    private final LabServices services;
    private final CheckEngine engine;
    private final LabStore store;
    private final ProgressService progress;
    private final Optional<Pack> pack;
    private final Supplier<ModelGateway> models;
    private final EvalSuiteRunner evals;
    private final Clock clock;

    public Labs(LabCatalog catalog, LabServices services, CheckEngine engine, LabStore store, ProgressService progress,
                Optional<Pack> pack, Supplier<ModelGateway> models, EvalSuiteRunner evals, Clock clock) {
        this.catalog = catalog;
        this.services = services;
        this.engine = engine;
        this.store = store;
        this.progress = progress;
        this.pack = pack;
        this.models = models;
        this.evals = evals;
        this.clock = clock;
    }

    public LabCatalog catalog() {
        return catalog;
    }

    public LabServices services() {
        return services;
    }

    /** @throws IllegalArgumentException naming the labs there are */
    public LabDefinition lab(String id) {
        return catalog.lab(id).orElseThrow(() -> new IllegalArgumentException("There is no lab '" + id + "'; the labs are "
                + String.join(", ", catalog.ids()) + "."));
    }

    private LabLoadResult loaded(String id) {
        lab(id);
        return catalog.result(id).orElseThrow();
    }

    public LabProgress progress(String labId) {
        LabDefinition lab = lab(labId);
        Map<String, StoredCheck> latest = store.latest(labId);
        int passed = 0;
        int failed = 0;
        int errors = 0;
        int total = 0;
        for (LabStep step : lab.steps()) {
            for (CheckSpec check : step.checks()) {
                total++;
                StoredCheck result = latest.get(check.id());
                if (result != null) {
                    switch (result.status()) {
                        case PASS -> passed++;
                        case FAIL -> failed++;
                        case ERROR -> errors++;
                    }
                }
            }
        }
        return new LabProgress(passed, failed, errors, total);
    }

    public Map<String, StoredCheck> latestResults(String labId) {
        return store.latest(labId);
    }

    /** What the labs of the installed pack start and run, for the learner to read before trusting it. */
    public TrustRequest trustRequest() {
        Map<String, Set<String>> containers = new java.util.LinkedHashMap<>();
        Set<String> commands = new LinkedHashSet<>();
        for (LabDefinition lab : catalog.definitions()) {
            String id = lab.id();
            for (ServiceSpec service : lab.services()) {
                switch (service.type()) {
                    case QDRANT -> containers.computeIfAbsent(ServiceImages.DEFAULT.qdrant() + " (Qdrant",
                            k -> new java.util.TreeSet<>()).add(id);
                    case OLLAMA -> containers.computeIfAbsent(ServiceImages.DEFAULT.ollama()
                            + " (Ollama, only when no Ollama server answers", k -> new java.util.TreeSet<>()).add(id);
                    case FASTAPI -> {
                        commands.add("python -m uvicorn " + service.app() + " --host 127.0.0.1 --reload (in the "
                                + id + " workspace)");
                        containers.computeIfAbsent(ServiceImages.DEFAULT.python() + " (FastAPI, only when no local "
                                + "Python has FastAPI", k -> new java.util.TreeSet<>()).add(id);
                    }
                }
            }
            for (LabStep step : lab.steps()) {
                for (CheckSpec check : step.checks()) {
                    if (!check.commandRun().isEmpty()) {
                        commands.add(String.join(" ", check.commandRun()).replace("{{python}}", "python") + " (in the "
                                + id + " workspace)");
                    }
                }
            }
        }
        List<String> images = containers.entrySet().stream()
                .map(e -> e.getKey() + "; for " + String.join(", ", e.getValue()) + ")").toList();
        return new TrustRequest(packId(), packVersion(), images, List.copyOf(commands));
    }

    /** Trust is given to one version of one pack; labs without a pack count as the pack "labs". */
    private String packId() {
        return pack.map(Pack::id).orElse("labs");
    }

    private String packVersion() {
        return pack.map(p -> p.info().version()).orElse("0.0.0");
    }

    public boolean trusted() {
        return store.trusted(packId(), packVersion());
    }

    public void trust() {
        store.trust(packId(), packVersion(), clock.instant());
    }

    /**
     * Starts a lab's services (preparing its workspace first).
     *
     * @throws IllegalStateException when the pack version is not trusted yet
     */
    public CompletableFuture<LabRun> start(String labId) {
        requireTrust();
        LabLoadResult loaded = loaded(labId);
        return services.start(loaded.lab().orElseThrow(), loaded.folder());
    }

    /** Opens a lab's run without starting it, so listeners can be added first. */
    public LabRun open(String labId) {
        requireTrust();
        LabLoadResult loaded = loaded(labId);
        return services.open(loaded.lab().orElseThrow(), loaded.folder());
    }

    private void requireTrust() {
        if (!trusted()) {
            throw new IllegalStateException("The labs of " + packId() + " " + packVersion()
                    + " start containers and run commands on this machine; trust this pack version first (the Labs "
                    + "screen asks, or pass --trust on the command line).");
        }
    }

    public CompletableFuture<Void> stop(String labId) {
        return services.stop(labId);
    }

    /**
     * Runs a lab's checks (or one step's), keeps the results, and marks the lab's tasks done when every
     * check of the lab has passed. Checks need no trust of their own except commands, which the lab's
     * trust covers; a check whose service is not running is an error that says to start the lab.
     */
    public LabCheckReport check(String labId, Optional<String> stepId) {
        LabLoadResult loaded = loaded(labId);
        LabDefinition lab = loaded.lab().orElseThrow();
        List<LabStep> steps = stepId.map(id -> lab.steps().stream().filter(s -> s.id().equals(id)).toList())
                .orElse(lab.steps());
        if (steps.isEmpty()) {
            throw new IllegalArgumentException("Lab " + labId + " has no step '" + stepId.orElse("") + "'; its steps are "
                    + String.join(", ", lab.steps().stream().map(LabStep::id).toList()) + ".");
        }
        boolean runsCommands = steps.stream().flatMap(s -> s.checks().stream()).anyMatch(c -> !c.commandRun().isEmpty());
        if (runsCommands) {
            requireTrust();
        }
        CheckContext context = context(lab, loaded.folder(), runsCommands);
        List<LabCheckReport.StepResults> results = new ArrayList<>();
        List<StoredCheck> stored = new ArrayList<>();
        Set<String> missing = new LinkedHashSet<>();
        for (LabStep step : steps) {
            List<CheckResult> stepResults = new ArrayList<>();
            for (CheckSpec check : step.checks()) {
                ServiceType needed = check.needs();
                boolean serviceMissing = needed != null && !context.endpoints().running(needed);
                if (serviceMissing) {
                    missing.add(needed.id());
                }
                CheckResult result = engine.run(check, context);
                stepResults.add(result);
                // A check that could not reach its service says nothing about the learner's work: keep the last verdict.
                if (!serviceMissing) {
                    stored.add(new StoredCheck(labId, step.id(), check.id(), result.status(), result.message(),
                            result.took().toMillis(), result.at()));
                }
            }
            results.add(new LabCheckReport.StepResults(step, List.copyOf(stepResults)));
        }
        store.put(stored);
        LabProgress now = progress(labId);
        List<String> marked = now.complete() ? markTasks(lab) : List.of();
        return new LabCheckReport(labId, List.copyOf(results), now, List.copyOf(missing), marked);
    }

    private List<String> markTasks(LabDefinition lab) {
        if (pack.isEmpty()) {
            return List.of();
        }
        List<String> marked = new ArrayList<>();
        for (String task : lab.marks()) {
            if (pack.get().workItem(task).isPresent() && progress.mark(pack.get(), task, TaskState.DONE) > 0) {
                marked.add(task);
            }
        }
        return marked;
    }

    /**
     * Where the lab's services answer: this process's run, else the record of the process that runs it.
     * Package-private so the reference-solution test runs single checks exactly as {@link #check} does.
     *
     * @param runsCommands whether a command check will run: only then is the Python for {@code {{python}}} looked
     *                     for, which takes a few seconds when no running lab knows it
     */
    CheckContext context(LabDefinition lab, Path labFolder, boolean runsCommands) {
        Path workspace = services.workspace(lab.id());
        Optional<LabRun> run = services.run(lab.id()).filter(LabRun::active);
        ServiceEndpoints endpoints;
        Supplier<ModelGateway> gateway;
        Optional<Path> python;
        if (run.isPresent()) {
            endpoints = run.get().endpoints();
            gateway = run.get().models();
            python = runsCommands ? run.get().python() : Optional.empty();
        } else {
            Optional<LabRunRecord> record = services.runningElsewhere(lab.id());
            endpoints = record.map(LabRunRecord::endpoints).orElse(ServiceEndpoints.NONE);
            gateway = models;
            python = !runsCommands ? Optional.empty() : record.flatMap(LabRunRecord::pythonPath).or(() -> {
                var found = services.python().join();
                return found.hasFastApi() ? found.python() : Optional.empty();
            });
        }
        String embed = lab.service(ServiceType.OLLAMA).map(ServiceSpec::embedModel).orElse(null);
        CheckContext context = CheckContext.of(workspace).withEndpoints(endpoints).withModels(gateway)
                .withEvals(evals).withEmbedModel(embed).withSchemas(SchemaResolver.folder(labFolder)).withClock(clock);
        return python.map(context::withPython).orElse(context);
    }

    /**
     * Copies the reference solution into the workspace. Files of the learner's that it replaces are
     * first moved to {@code .workbench-backup/<time>/} in the workspace, so nothing is lost.
     */
    public SolveReport solve(String labId) throws IOException {
        LabLoadResult loaded = loaded(labId);
        LabDefinition lab = loaded.lab().orElseThrow();
        if (!lab.hasSolution()) {
            throw new IllegalArgumentException("Lab " + labId + " has no reference solution.");
        }
        Path workspace = services.workspace(labId);
        services.prepareWorkspace(lab, loaded.folder());
        Path solution = loaded.folder().resolve(lab.solution());
        Path backup = workspace.resolve(".workbench-backup").resolve(BACKUP.format(clock.instant()));
        WorkspaceFiles.Overlay overlay = WorkspaceFiles.overlay(workspace, solution, Optional.of(backup));
        return new SolveReport(workspace, overlay.written(), overlay.backedUp(),
                overlay.backedUp().isEmpty() ? null : backup);
    }
}
