package dev.aiworkbench.authoring;

import dev.aiworkbench.curriculum.PackAccessException;
import dev.aiworkbench.curriculum.Pack;
import dev.aiworkbench.labs.checks.CheckEngine;
import dev.aiworkbench.labs.checks.EvalSuiteRunner;
import dev.aiworkbench.labs.definition.LabCatalog;
import dev.aiworkbench.labs.definition.LabDefinition;
import dev.aiworkbench.labs.definition.LabLoadResult;
import dev.aiworkbench.labs.definition.LabLocation;
import dev.aiworkbench.labs.definition.ServiceType;
import dev.aiworkbench.labs.host.PythonProbe;
import dev.aiworkbench.labs.services.LabServices;
import dev.aiworkbench.labs.services.LabServicesSettings;
import dev.aiworkbench.llm.ModelGateway;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Consumer;
import java.util.function.Supplier;
import java.util.stream.Stream;

/**
 * {@code pack lint --run-labs}: every lab a pack uses, rehearsed in a fresh temporary data folder (see
 * {@link LabTrial}): its starter must fail its checks and its reference solution must pass them. A lab whose
 * services cannot run here (no Ollama server and no Docker to start one, no Docker for Qdrant, no Python with
 * FastAPI and uvicorn) is skipped with the reason, as a warning that never counts as a pass.
 *
 * <p>It starts services and runs the labs' commands without asking the lab trust store: an author rehearsing their
 * own pack is that trust. Nothing of the learner's is touched (workspaces, run records and Qdrant data live in the
 * temporary folder); every service is stopped and the folder deleted before {@link #rehearse} returns.
 */
public final class LabRehearsal {
    private static final Logger LOG = LoggerFactory.getLogger(LabRehearsal.class);
    private static final Duration PYTHON_PROBE_TIMEOUT = Duration.ofSeconds(15);

    private final Map<String, String> environment;
    private final Supplier<ModelGateway> models;
    private final EvalSuiteRunner evals;
    private final Consumer<String> progress;

    /**
     * @param environment what the services' probes read (PATH, DOCKER_HOST, WORKBENCH_PYTHON) and uvicorn gets
     * @param models      the app's model server (never closed here): labs that need Ollama use it when it answers
     * @param evals       runs the suites of eval checks
     * @param progress    hears a line as each lab's starter and solution are checked, since a lab takes seconds
     */
    public LabRehearsal(Map<String, String> environment, Supplier<ModelGateway> models, EvalSuiteRunner evals,
                        Consumer<String> progress) {
        this.environment = Map.copyOf(environment);
        this.models = models;
        this.evals = evals;
        this.progress = progress;
    }

    /**
     * Rehearses the labs of these ids, a lab in the pack's own labs/ folder winning over the app's of that id; ids
     * that name no lab are left to the linter's reference rules.
     */
    List<RehearsedLab> rehearse(Path folderOrZip, Set<String> labIds, Optional<Pack> pack) {
        Path data;
        try {
            data = Files.createTempDirectory("workbench-run-labs-");
        } catch (IOException e) {
            throw new UncheckedIOException("no temporary folder for the labs' workspaces could be made", e);
        }
        LabCatalog app = LabCatalog.bundled(Optional.empty());
        List<RehearsedLab> rehearsed = new ArrayList<>();
        // The pack stays open while its labs run: a zip's starter and solution are read from it.
        try (LabLocation location = LabLocation.open(folderOrZip)) {
            LabCatalog own = LabCatalog.load(location, pack);
            List<LabLoadResult> labs = labIds.stream().map(id -> own.result(id).or(() -> app.result(id)))
                    .flatMap(Optional::stream).toList();
            try (LabServices services = new LabServices(LabServicesSettings.defaults(data, models)
                    .withEnvironment(environmentFor(labs)).withKeepQdrantData(false));
                 CheckEngine engine = new CheckEngine()) {
                for (LabLoadResult lab : labs) {
                    rehearsed.add(new LabTrial(lab, services, engine, evals, progress).run());
                }
            }
        } catch (PackAccessException e) {
            // the linter reports a pack it cannot open; there is nothing to rehearse
        } catch (IOException e) {
            LOG.warn("Could not close {} after rehearsing its labs", folderOrZip, e);
        } finally {
            deleteTree(data);
        }
        return rehearsed;
    }

    /**
     * The environment with the Python that has FastAPI and uvicorn named in WORKBENCH_PYTHON, when a lab will look
     * for it: every look otherwise asks each python on the PATH again, and a version manager's shims take a second
     * or two each.
     */
    private Map<String, String> environmentFor(List<LabLoadResult> labs) {
        boolean looksForPython = labs.stream().flatMap(l -> l.lab().stream()).anyMatch(LabRehearsal::usesPython);
        if (!looksForPython || environment.containsKey(PythonProbe.ENVIRONMENT_VARIABLE)) {
            return environment;
        }
        PythonProbe.Result python = PythonProbe.probe(environment, PYTHON_PROBE_TIMEOUT);
        if (!python.hasFastApi() || python.python().isEmpty()) {
            return environment;
        }
        Map<String, String> named = new HashMap<>(environment);
        named.put(PythonProbe.ENVIRONMENT_VARIABLE, python.python().get().toString());
        return named;
    }

    private static boolean usesPython(LabDefinition lab) {
        return lab.service(ServiceType.FASTAPI).isPresent() || lab.steps().stream()
                .flatMap(s -> s.checks().stream()).anyMatch(c -> !c.commandRun().isEmpty());
    }

    private static void deleteTree(Path folder) {
        try (Stream<Path> files = Files.walk(folder)) {
            for (Path file : files.sorted(Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(file);
            }
        } catch (IOException e) {
            LOG.warn("Could not delete the labs' temporary folder {}", folder, e);
        }
    }
}
