package dev.aiworkbench.ui.labs;

import dev.aiworkbench.labs.LabCheckReport;
import dev.aiworkbench.labs.LabProgress;
import dev.aiworkbench.labs.Labs;
import dev.aiworkbench.labs.StoredCheck;
import dev.aiworkbench.labs.TrustRequest;
import dev.aiworkbench.labs.checks.CheckResult;
import dev.aiworkbench.labs.definition.LabDefinition;
import dev.aiworkbench.labs.definition.LabStep;
import dev.aiworkbench.labs.definition.ServiceSpec;
import dev.aiworkbench.labs.definition.ServiceType;
import dev.aiworkbench.labs.services.LabRun;
import dev.aiworkbench.labs.services.LabService;
import dev.aiworkbench.labs.services.LogLine;
import dev.aiworkbench.labs.services.PullSnapshot;
import dev.aiworkbench.labs.services.ServiceState;
import dev.aiworkbench.labs.services.ServiceStatus;
import dev.aiworkbench.ui.tasks.TaskExecutor;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.BiConsumer;

/**
 * One lab as the learner works through it: trust the pack version, start the services, check all or one step,
 * reveal the solution, stop; each service's state and live log, each check's last result, and what the page says
 * after each of these. Slow work runs through the {@link TaskExecutor}; the services' own events arrive coalesced
 * through a {@link LiveFeed}. State changes happen on the executor's UI thread.
 */
public final class LabPageViewModel {
    /** What a page shows once loaded; the run is null while the pack is not trusted. */
    private record Opened(LabRun run, Map<ServiceType, ServiceState> states,
                          Map<ServiceType, List<LogLine>> logs, Map<String, StoredCheck> latest) {
    }

    private final Labs labs;
    private final LabDefinition lab;
    private final TaskExecutor tasks;
    private final Runnable onTasksMarked;
    private final BiConsumer<String, LabProgress> onProgress;
    private final Map<ServiceType, ServiceViewModel> byType = new EnumMap<>(ServiceType.class);
    private final List<ServiceViewModel> services = new ArrayList<>();
    private final List<StepViewModel> steps = new ArrayList<>();
    private final LiveFeed feed;
    private final ReadOnlyStringWrapper progressText = new ReadOnlyStringWrapper();
    private final ReadOnlyObjectWrapper<Notice> notice = new ReadOnlyObjectWrapper<>();
    private final ReadOnlyObjectWrapper<Notice> preflight = new ReadOnlyObjectWrapper<>();
    private final ReadOnlyObjectWrapper<SolutionReveal> solution = new ReadOnlyObjectWrapper<>();
    private final ReadOnlyObjectWrapper<TrustRequest> trustRequest = new ReadOnlyObjectWrapper<>();
    private final ReadOnlyBooleanWrapper busy = new ReadOnlyBooleanWrapper();
    private final ReadOnlyStringWrapper busyText = new ReadOnlyStringWrapper("");
    private final ReadOnlyBooleanWrapper canStart = new ReadOnlyBooleanWrapper();
    private final ReadOnlyBooleanWrapper canStop = new ReadOnlyBooleanWrapper();
    private final ReadOnlyBooleanWrapper canRestart = new ReadOnlyBooleanWrapper();
    private final ReadOnlyBooleanWrapper canCheck = new ReadOnlyBooleanWrapper();
    private final ReadOnlyBooleanWrapper canSolve = new ReadOnlyBooleanWrapper();
    private LabRun run;
    private boolean starting;
    private boolean stopping;
    /** The learner pressed Stop while the lab was starting: the start's end says nothing. */
    private boolean stoppedWhileStarting;
    private boolean checking;
    private boolean solving;
    private boolean disposed;

    /**
     * @param onProgress    hears the lab's progress after each check (the list of labs shows it)
     * @param onTasksMarked runs when a check marked curriculum tasks done (the rest of the app shows them)
     */
    LabPageViewModel(Labs labs, LabDefinition lab, LabProgress progress, TaskExecutor tasks, LiveFeed.Pacing pacing,
                     BiConsumer<String, LabProgress> onProgress, Runnable onTasksMarked) {
        this.labs = labs;
        this.lab = lab;
        this.tasks = tasks;
        this.onProgress = onProgress;
        this.onTasksMarked = onTasksMarked;
        this.feed = new LiveFeed(ServiceViewModel.MAX_LINES, pacing, this::statesChanged, this::linesArrived,
                this::pullsMoved, (type, pull) -> service(type).ifPresent(s -> s.imagePulled(pull)));
        for (ServiceSpec spec : lab.services()) {
            byType.computeIfAbsent(spec.type(), type -> {
                ServiceViewModel service = new ServiceViewModel(type);
                services.add(service);
                return service;
            });
        }
        int number = 1;
        for (LabStep step : lab.steps()) {
            steps.add(new StepViewModel(number++, step));
        }
        showProgress(progress);
        updateButtons();
    }

    // --- what the page shows -----------------------------------------------------------------------------------

    public LabDefinition lab() {
        return lab;
    }

    public String labId() {
        return lab.id();
    }

    /** Where the learner works on this lab; a path only, nothing is read. */
    public Path workspace() {
        return labs.services().workspace(lab.id());
    }

    /** The lab's services in the order the lab names them. */
    public List<ServiceViewModel> services() {
        return List.copyOf(services);
    }

    public List<StepViewModel> steps() {
        return List.copyOf(steps);
    }

    /** "Weeks 1–4 · lab: 3 of 12 checks pass". */
    public ReadOnlyStringProperty progressTextProperty() {
        return progressText.getReadOnlyProperty();
    }

    /** What the page says after the last thing the learner did; null when it says nothing. */
    public ReadOnlyObjectProperty<Notice> noticeProperty() {
        return notice.getReadOnlyProperty();
    }

    /** What this machine lacks for the lab's services, found when the page opens, before any Start; or null. */
    public ReadOnlyObjectProperty<Notice> preflightProperty() {
        return preflight.getReadOnlyProperty();
    }

    /** What revealing the solution wrote and kept; null until it is revealed. */
    public ReadOnlyObjectProperty<SolutionReveal> solutionProperty() {
        return solution.getReadOnlyProperty();
    }

    /** Set when Start needs the learner to trust the pack version first: what its labs run. Null otherwise. */
    public ReadOnlyObjectProperty<TrustRequest> trustRequestProperty() {
        return trustRequest.getReadOnlyProperty();
    }

    public ReadOnlyBooleanProperty busyProperty() {
        return busy.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty busyTextProperty() {
        return busyText.getReadOnlyProperty();
    }

    public ReadOnlyBooleanProperty canStartProperty() {
        return canStart.getReadOnlyProperty();
    }

    public ReadOnlyBooleanProperty canStopProperty() {
        return canStop.getReadOnlyProperty();
    }

    public ReadOnlyBooleanProperty canRestartProperty() {
        return canRestart.getReadOnlyProperty();
    }

    public ReadOnlyBooleanProperty canCheckProperty() {
        return canCheck.getReadOnlyProperty();
    }

    public ReadOnlyBooleanProperty canSolveProperty() {
        return canSolve.getReadOnlyProperty();
    }

    // --- loading -----------------------------------------------------------------------------------------------

    /** Reads the latest results and, when the pack is trusted, opens the lab's run (without starting it). */
    void load() {
        if (!lab.services().isEmpty()) {
            tasks.run(() -> labs.services().preflight(lab), missing -> {
                if (!disposed) {
                    preflight.set(LabNotices.missing(missing));
                }
            }, this::problem);
        }
        tasks.run(() -> {
            boolean isTrusted = labs.trusted();
            Map<String, StoredCheck> latest = labs.latestResults(lab.id());
            return isTrusted ? opened(labs.open(lab.id()), latest) : new Opened(null, Map.of(), Map.of(), latest);
        }, opened -> {
            showStored(opened.latest());
            attach(opened);
        }, this::problem);
    }

    /** Hears the run, then takes what it has said so far: the feed continues from there without a gap. */
    private Opened opened(LabRun labRun, Map<String, StoredCheck> latest) {
        labRun.addListener(feed);
        Map<ServiceType, ServiceState> states = new EnumMap<>(ServiceType.class);
        Map<ServiceType, List<LogLine>> logs = new EnumMap<>(ServiceType.class);
        for (LabService service : labRun.services()) {
            states.put(service.type(), service.state());
            logs.put(service.type(), service.logs(ServiceViewModel.MAX_LINES));
        }
        return new Opened(labRun, states, logs, latest);
    }

    private void attach(Opened opened) {
        if (opened.run() == null) {
            updateButtons();
            return;
        }
        if (disposed) {
            opened.run().removeListener(feed);
            return;
        }
        run = opened.run();
        opened.states().forEach((type, state) -> service(type).ifPresent(s -> s.show(state)));
        List<LogLine> shown = new ArrayList<>();
        opened.logs().forEach((type, lines) -> service(type).ifPresent(s -> {
            s.setLog(lines);
            shown.addAll(lines);
        }));
        feed.open(shown);
        updateButtons();
    }

    /**
     * Reads the stored results and the lab's progress again: another process (a {@code workbench lab check}) checked
     * this lab. The steps the learner opened stay open.
     */
    void rereadResults() {
        tasks.run(() -> new Reread(labs.latestResults(lab.id()), labs.progress(lab.id())), reread -> {
            if (!disposed) {
                showResults(reread.latest());
                showProgress(reread.progress());
            }
        }, this::problem);
    }

    private record Reread(Map<String, StoredCheck> latest, LabProgress progress) {
    }

    private void showStored(Map<String, StoredCheck> latest) {
        showResults(latest);
        expandFirstOpenStep();
    }

    private void showResults(Map<String, StoredCheck> latest) {
        for (StoredCheck stored : latest.values()) {
            for (StepViewModel step : steps) {
                if (step.has(stored.checkId())) {
                    step.show(stored.checkId(), stored.status(), stored.message(), stored.at());
                }
            }
        }
    }

    private void expandFirstOpenStep() {
        boolean expanded = false;
        for (StepViewModel step : steps) {
            boolean open = !expanded && !step.allPassed();
            step.guideExpandedProperty().set(open);
            expanded |= open;
        }
    }

    /** Stops hearing the run: the page is no longer shown. The lab's services keep running until stopped. */
    void dispose() {
        disposed = true;
        feed.close();
        if (run != null) {
            run.removeListener(feed);
        }
    }

    // --- live events -------------------------------------------------------------------------------------------

    private void statesChanged(Map<ServiceType, ServiceState> states) {
        states.forEach((type, state) -> service(type).ifPresent(s -> s.show(state)));
        updateButtons();
    }

    private void pullsMoved(List<PullSnapshot> pulls) {
        service(ServiceType.OLLAMA).ifPresent(s -> pulls.forEach(s::pulled));
    }

    private void linesArrived(ServiceType type, List<LogLine> lines) {
        service(type).ifPresent(s -> s.appendLog(lines));
    }

    private Optional<ServiceViewModel> service(ServiceType type) {
        return Optional.ofNullable(byType.get(type));
    }

    // --- commands ----------------------------------------------------------------------------------------------

    /** Starts the lab's services; the first time for this pack version, after the learner trusts it. */
    public void start() {
        if (!canStart.get() || disposed) {
            return;
        }
        // Start asks again and each service says where it stands.
        preflight.set(null);
        if (run == null) {
            // Each Start asks anew, also when the last question was dismissed without an answer.
            trustRequest.set(null);
            starting = true;
            updateButtons();
            tasks.run(labs::trustRequest, request -> {
                starting = false;
                updateButtons();
                trustRequest.set(request);
            }, this::failed);
            return;
        }
        starting = true;
        busy(byType.isEmpty() ? "Setting up your workspace…" : "Starting " + serviceNames() + "…");
        stoppedWhileStarting = false;
        tasks.run(() -> labs.start(lab.id()).join(), done -> {
            starting = false;
            idle();
            if (!stoppedWhileStarting) {
                notice.set(LabNotices.started(done, serviceNames()));
            }
        }, this::failed);
    }

    /** The learner did not trust the pack version: nothing runs. */
    public void refuseTrust() {
        trustRequest.set(null);
    }

    /** The learner trusts the pack version: remember it, open the run, and start. */
    public void trustAndStart() {
        trustRequest.set(null);
        starting = true;
        busy("Trusting this pack version…");
        tasks.run(() -> {
            labs.trust();
            // The page already shows the latest results; only the run is new.
            return opened(labs.open(lab.id()), Map.of());
        }, opened -> {
            starting = false;
            idle();
            attach(opened);
            start();
        }, this::failed);
    }

    /** Runs every check of the lab against the running services. */
    public void checkAll() {
        check(Optional.empty());
    }

    /** Runs one step's checks. */
    public void checkStep(String stepId) {
        check(Optional.of(stepId));
    }

    private void check(Optional<String> stepId) {
        if (checking || disposed) {
            return;
        }
        checking = true;
        busy(stepId.map(id -> "Checking the step…").orElse("Checking the lab…"));
        tasks.run(() -> labs.check(lab.id(), stepId), report -> {
            checking = false;
            idle();
            checked(report);
        }, failure -> {
            checking = false;
            failed(failure);
        });
    }

    private void checked(LabCheckReport report) {
        for (LabCheckReport.StepResults results : report.steps()) {
            for (StepViewModel step : steps) {
                if (step.step().id().equals(results.step().id())) {
                    for (CheckResult result : results.results()) {
                        step.show(result.checkId(), result.status(), result.message(), result.at());
                    }
                }
            }
        }
        expandFirstOpenStep();
        showProgress(report.progress());
        onProgress.accept(lab.id(), report.progress());
        notice.set(LabNotices.checked(report, lab.steps().size()));
        if (!report.marked().isEmpty()) {
            onTasksMarked.run();
        }
    }

    public void restartFastApi() {
        if (run == null) {
            return;
        }
        starting = true;
        busy("Restarting FastAPI…");
        LabRun current = run;
        tasks.run(() -> current.restart(ServiceType.FASTAPI).join(), state -> {
            starting = false;
            idle();
            notice.set(LabNotices.restarted(state));
        }, this::failed);
    }

    /** Copies the reference solution into the workspace (the learner has confirmed). */
    public void revealSolution() {
        solving = true;
        busy("Copying the reference solution…");
        tasks.run(() -> labs.solve(lab.id()), report -> {
            solving = false;
            idle();
            solution.set(new SolutionReveal(report, run != null && run.ready(ServiceType.FASTAPI)));
            notice.set(null);
        }, failure -> {
            solving = false;
            failed(failure);
        });
    }

    public void stop() {
        stoppedWhileStarting = starting;
        stopping = true;
        busy("Stopping " + serviceNames() + "…");
        tasks.run(() -> {
            labs.stop(lab.id()).join();
            return true;
        }, done -> {
            stopping = false;
            idle();
            notice.set(LabNotices.stopped(serviceNames()));
        }, this::failed);
    }

    // --- state of the page -------------------------------------------------------------------------------------

    private void showProgress(LabProgress progress) {
        String weeks = LabEntry.weeks(lab.weeks());
        progressText.set((weeks.isEmpty() ? "" : weeks + " · ") + "lab: " + progress.label());
    }

    private String serviceNames() {
        List<String> names = byType.keySet().stream().map(ServiceViewModel::name).toList();
        return names.isEmpty() ? "the lab" : String.join(" and ", names);
    }

    private void updateButtons() {
        boolean lifecycle = starting || stopping;
        boolean anyActive = byType.values().stream().anyMatch(s -> s.state().status().active());
        boolean allRunning = !byType.isEmpty() && byType.values().stream().allMatch(s -> s.state().running());
        boolean anyStarting = byType.values().stream().anyMatch(s -> s.state().status() == ServiceStatus.STARTING);
        canStart.set(!(lifecycle || allRunning || anyStarting));
        // Stop also ends a start under way (a download, a wait): nothing of a lab should hold the learner.
        canStop.set(!(stopping || run == null || !(anyActive || starting)));
        ServiceViewModel fastapi = byType.get(ServiceType.FASTAPI);
        canRestart.set(!(lifecycle || run == null || fastapi == null
                || !(fastapi.state().running() || fastapi.state().status() == ServiceStatus.FAILED)));
        canCheck.set(!checking);
        canSolve.set(!solving);
    }

    private void busy(String text) {
        busyText.set(text);
        busy.set(true);
        updateButtons();
    }

    private void idle() {
        if (!(starting || stopping || checking || solving)) {
            busy.set(false);
        }
        updateButtons();
    }

    private void failed(Throwable failure) {
        starting = false;
        stopping = false;
        solving = false;
        idle();
        problem(failure);
    }

    private void problem(Throwable failure) {
        notice.set(LabNotices.problem(failure));
    }
}
