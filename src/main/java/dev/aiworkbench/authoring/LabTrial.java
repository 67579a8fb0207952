package dev.aiworkbench.authoring;

import dev.aiworkbench.diagnostics.Problem;
import dev.aiworkbench.diagnostics.SourcePosition;
import dev.aiworkbench.labs.checks.CheckContext;
import dev.aiworkbench.labs.checks.CheckEngine;
import dev.aiworkbench.labs.checks.CheckResult;
import dev.aiworkbench.labs.checks.EvalSuiteRunner;
import dev.aiworkbench.labs.checks.SchemaResolver;
import dev.aiworkbench.labs.definition.CheckSpec;
import dev.aiworkbench.labs.definition.LabDefinition;
import dev.aiworkbench.labs.definition.LabLoadResult;
import dev.aiworkbench.labs.definition.LabLocation;
import dev.aiworkbench.labs.definition.LabStep;
import dev.aiworkbench.labs.definition.ServiceSpec;
import dev.aiworkbench.labs.definition.ServiceType;
import dev.aiworkbench.labs.services.FastApiService;
import dev.aiworkbench.labs.services.LabRun;
import dev.aiworkbench.labs.services.LabServices;
import dev.aiworkbench.labs.services.ServiceState;
import dev.aiworkbench.labs.services.ServiceStatus;
import dev.aiworkbench.labs.services.Unavailable;
import dev.aiworkbench.labs.services.WorkspaceFiles;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletionException;
import java.util.function.Consumer;
import java.util.stream.Collectors;

/**
 * One lab rehearsed the way a learner meets it: its services started on a fresh workspace that holds the starter
 * (after the FastAPI stub when the lab builds on it) and every check run, at least one of which must fail; then the
 * reference solution copied over the workspace, FastAPI restarted on it, and every check run again, all of which
 * must pass. The lab's services are stopped whatever happens.
 */
final class LabTrial {
    private final LabLoadResult loaded;
    private final LabServices services;
    private final CheckEngine engine;
    private final EvalSuiteRunner evals;
    private final Consumer<String> progress;
    private final String file;

    /** One check's result with the step it belongs to. */
    private record Outcome(LabStep step, CheckResult result) {
    }

    LabTrial(LabLoadResult loaded, LabServices services, CheckEngine engine, EvalSuiteRunner evals,
             Consumer<String> progress) {
        this.loaded = loaded;
        this.services = services;
        this.engine = engine;
        this.evals = evals;
        this.progress = progress;
        this.file = LabLocation.LABS + "/" + loaded.id() + "/" + LabLocation.LAB_FILE;
    }

    RehearsedLab run() {
        String id = loaded.id();
        if (!loaded.valid()) {
            return skipped(LintRules.LAB_SKIPPED, "lab " + id + " was not run: its lab.yaml has errors (reported "
                    + "with the other problems); fix them and run --run-labs again");
        }
        LabDefinition lab = loaded.lab().orElseThrow();
        if (!lab.hasSolution()) {
            return skipped(LintRules.LAB_NO_SOLUTION, "lab " + id + " has no reference solution, so --run-labs "
                    + "cannot show that its checks can pass: put one in a folder of the lab and name it in "
                    + "workspace.solution");
        }
        List<Unavailable> missing = services.preflight(lab);
        if (!missing.isEmpty()) {
            return notHere(missing.stream().map(Unavailable::sentence).collect(Collectors.joining(" ")));
        }
        progress.accept("Lab " + id + ": checking the starter…");
        LabRun run = services.open(lab, loaded.folder());
        try {
            return rehearse(lab, run);
        } catch (CompletionException e) {
            Throwable cause = e.getCause() == null ? e : e.getCause();
            return notHere("its services could not be started (" + cause.getMessage() + ")");
        } finally {
            run.stop().join();
        }
    }

    private RehearsedLab rehearse(LabDefinition lab, LabRun run) {
        run.start().join();
        Optional<String> cannotRun = cannotRunHere(run);
        if (cannotRun.isPresent()) {
            return notHere(cannotRun.get());
        }
        Optional<Path> python = Optional.empty();
        if (runsPython(lab)) {
            python = run.python();
            if (python.isEmpty()) {
                return notHere("its command checks run {{python}}, and no Python here has FastAPI and uvicorn. "
                        + "Install them (pip install fastapi uvicorn, or your system's python3-fastapi and "
                        + "python3-uvicorn), or set WORKBENCH_PYTHON to a Python that has them.");
            }
        }
        List<Problem> problems = new ArrayList<>();
        if (checkAll(lab, run, python).stream().allMatch(o -> o.result().passed())) {
            problems.add(error(LintRules.LAB_STARTER_PASSES, "lab " + lab.id() + "'s starter already passes its "
                    + "checks; the learner would have nothing to do: leave out of the starter what the steps ask "
                    + "for, or add a check that asks for it"));
        }
        progress.accept("Lab " + lab.id() + ": checking the reference solution…");
        try {
            WorkspaceFiles.overlay(run.workspace(), loaded.folder().resolve(lab.solution()), Optional.empty());
        } catch (IOException e) {
            problems.add(error(LintRules.LAB_SOLUTION_FAILS, "lab " + lab.id() + "'s reference solution could not "
                    + "be copied into the workspace (" + e.getMessage() + "); check the folder workspace.solution "
                    + "names"));
            return new RehearsedLab(lab.id(), RehearsedLab.Verdict.FAILED, problems);
        }
        if (run.fastapi().isPresent()) {
            // a restart rather than uvicorn's own reload: the checks must not race the reloader
            run.restart(ServiceType.FASTAPI).join();
        }
        List<Outcome> failing = checkAll(lab, run, python).stream().filter(o -> !o.result().passed()).toList();
        if (!failing.isEmpty()) {
            problems.add(error(LintRules.LAB_SOLUTION_FAILS, solutionFails(lab, run, failing)));
        }
        return new RehearsedLab(lab.id(), problems.isEmpty() ? RehearsedLab.Verdict.PASSED
                : RehearsedLab.Verdict.FAILED, problems);
    }

    /**
     * Why the lab's services cannot run on this machine: one is unavailable here, or one that depends on the machine
     * rather than on the lab's code (Qdrant, Ollama, FastAPI in a container for want of a local Python) did not come
     * up. A local uvicorn that stopped is the lab's own app failing, which its checks report.
     */
    private static Optional<String> cannotRunHere(LabRun run) {
        boolean localPython = run.fastapi().flatMap(FastApiService::python).isPresent();
        for (ServiceState state : run.states().values()) {
            boolean machine = state.type() != ServiceType.FASTAPI || !localPython;
            if (state.status() == ServiceStatus.UNAVAILABLE || (machine && !state.running())) {
                return Optional.of(state.sentence());
            }
        }
        return Optional.empty();
    }

    private static boolean runsPython(LabDefinition lab) {
        return lab.steps().stream().flatMap(s -> s.checks().stream())
                .anyMatch(c -> c.commandRun().stream().anyMatch(a -> a.replace(" ", "").contains("{{python}}")));
    }

    private List<Outcome> checkAll(LabDefinition lab, LabRun run, Optional<Path> python) {
        CheckContext context = CheckContext.of(run.workspace()).withEndpoints(run.endpoints())
                .withModels(run.models()).withEvals(evals)
                .withEmbedModel(lab.service(ServiceType.OLLAMA).map(ServiceSpec::embedModel).orElse(null))
                .withSchemas(SchemaResolver.folder(loaded.folder()));
        CheckContext withPython = python.map(context::withPython).orElse(context);
        List<Outcome> outcomes = new ArrayList<>();
        for (LabStep step : lab.steps()) {
            for (CheckSpec check : step.checks()) {
                outcomes.add(new Outcome(step, engine.run(check, withPython)));
            }
        }
        return outcomes;
    }

    private static String solutionFails(LabDefinition lab, LabRun run, List<Outcome> failing) {
        Outcome first = failing.get(0);
        StringBuilder text = new StringBuilder("lab " + lab.id() + "'s reference solution fails check "
                + first.result().checkId() + " of step " + first.step().id() + ": "
                + first.result().message().strip());
        if (failing.size() > 1) {
            text.append(" (").append(failing.size() - 1).append(" more fail: ")
                    .append(failing.stream().skip(1).map(o -> o.result().checkId()).collect(Collectors.joining(", ")))
                    .append(")");
        }
        run.states().values().stream().filter(s -> !s.running()).forEach(s -> text.append(" ")
                .append(s.type().id()).append(" did not run the solution: ").append(s.sentence().strip()));
        return text.append(" Fix the solution or the check, then run pack lint --run-labs again.").toString();
    }

    /** The reason says what is missing in the services' own words; the next step is the author's, not a learner's. */
    private RehearsedLab notHere(String reason) {
        return skipped(LintRules.LAB_SKIPPED, "lab " + loaded.id() + " was not run here: " + reason.strip()
                + " Run pack lint --run-labs where its services can run (workbench doctor shows what this machine "
                + "has) to check it.");
    }

    private RehearsedLab skipped(String rule, String message) {
        return new RehearsedLab(loaded.id(), RehearsedLab.Verdict.SKIPPED,
                List.of(Problem.warning(SourcePosition.startOf(file), message).withRule(rule)));
    }

    private Problem error(String rule, String message) {
        return Problem.error(SourcePosition.startOf(file), message).withRule(rule);
    }
}
