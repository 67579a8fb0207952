package dev.aiworkbench.doctor;

import dev.aiworkbench.curriculum.InstalledPack;
import dev.aiworkbench.curriculum.LoadResult;
import dev.aiworkbench.labs.host.DockerProbe;
import dev.aiworkbench.labs.host.PythonProbe;
import dev.aiworkbench.labs.services.ImageInventory;
import dev.aiworkbench.labs.services.ServiceImages;
import dev.aiworkbench.llm.PullBoard;
import dev.aiworkbench.llm.OllamaEndpoint;
import dev.aiworkbench.llm.OllamaProbe;
import dev.aiworkbench.store.Database;
import dev.aiworkbench.store.DatabaseException;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** Checks what the workbench needs on this machine and says, for anything missing, how to fix it. */
public final class Doctor {
    private static final Duration PROBE_TIMEOUT = Duration.ofSeconds(3);

    private Doctor() {
    }

    public static List<Check> run(Path dataFolder, Path database, InstalledPack pack, OllamaEndpoint ollama,
                                  Map<String, String> environment) {
        List<Check> checks = new ArrayList<>(List.of(java(), dataFolder(dataFolder), database(database), pack(pack),
                ollama(ollama)));
        Check docker = docker(environment);
        checks.add(docker);
        if (docker.ok()) {
            checks.addAll(labImages(ServiceImages.DEFAULT, environment));
            checks.add(registry(ServiceImages.DEFAULT));
        }
        checks.add(python(environment));
        return List.copyOf(checks);
    }

    /** Each image the labs use: present (with its size) or absent, and how to get it before a lab needs it. */
    static List<Check> labImages(ServiceImages images, Map<String, String> environment) {
        List<Check> checks = new ArrayList<>();
        for (ImageInventory.Image image : ImageInventory.look(ImageInventory.labImages(images, environment))) {
            String name = "Image " + image.name();
            checks.add(image.present()
                    ? Check.present(name, "present locally, " + PullBoard.bytes(image.size().getAsLong()), false)
                    : Check.missing(name, "absent: the first start of a lab that uses it downloads it",
                    "While online, run `docker pull " + image.name() + "`, or start a lab that uses it; behind a"
                            + " proxy, give Docker its settings, or set a registry mirror.", false));
        }
        return checks;
    }

    /** Whether the engine reaches the registry the lab images come from, asked with a deadline. */
    static Check registry(ServiceImages images) {
        try {
            ImageInventory.Registry registry = ImageInventory.askRegistry(images, PROBE_TIMEOUT);
            String took = String.format(java.util.Locale.ROOT, "%.1f s", registry.took().toMillis() / 1000.0);
            if (registry.answers()) {
                return Check.present("Registry", registry.registry() + " answers Docker (in " + took + ")", false);
            }
            return Check.missing("Registry", registry.registry() + " does not answer Docker: " + registry.detail(),
                    "Labs can start only with the images Docker already has (see above). To download the others,"
                            + " connect to the network; behind a proxy, give Docker the proxy settings (Docker"
                            + " Desktop: Settings > Resources > Proxies; Docker Engine: HTTPS_PROXY in the daemon's"
                            + " environment); or set a registry mirror (registry-mirrors in daemon.json, or"
                            + " TESTCONTAINERS_HUB_IMAGE_NAME_PREFIX).", false);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return Check.missing("Registry", "not checked (interrupted)", "Run `workbench doctor` again.", false);
        }
    }

    static Check java() {
        Runtime.Version version = Runtime.version();
        String detail = "Java " + version + " (" + System.getProperty("java.vendor", "unknown vendor") + ") at "
                + System.getProperty("java.home");
        return version.feature() >= 21 ? Check.present("Java", detail, true)
                : Check.missing("Java", detail, "Install a JDK 21 or newer and point JAVA_HOME at it.", true);
    }

    static Check dataFolder(Path folder) {
        try {
            Files.createDirectories(folder);
            Files.delete(Files.createTempFile(folder, ".doctor", ".tmp"));
            return Check.present("Data folder", folder + " (writable)", true);
        } catch (IOException e) {
            return Check.missing("Data folder", folder + " cannot be written (" + e.getMessage() + ")",
                    "Fix the folder's permissions, or choose another with --data-dir or WORKBENCH_HOME.", true);
        }
    }

    static Check database(Path file) {
        if (!Files.exists(file)) {
            return Check.present("Database", file + " (created on first use)", true);
        }
        try (Database database = Database.open(file)) {
            return Check.present("Database", file + " (schema " + Database.SCHEMA_VERSION + ", WAL)", true);
        } catch (DatabaseException e) {
            return Check.missing("Database", e.getMessage(), e.canStartFresh()
                    ? "Run `workbench database set-aside` to keep it aside and start fresh." : "See the message above.", true);
        }
    }

    static Check pack(InstalledPack pack) {
        LoadResult result = pack.result();
        if (result.valid()) {
            return Check.present("Curriculum pack", pack.pack().map(p -> p.id() + " " + p.info().version() + ", "
                    + p.weeks().size() + " weeks").orElse("") + " from " + pack.source(), true);
        }
        return Check.missing("Curriculum pack", pack.source() + " has " + result.errorCount() + " problem(s)",
                "Run `workbench pack validate <folder>` to list them with file:line:col.", true);
    }

    static Check ollama(OllamaEndpoint endpoint) {
        OllamaProbe.Result result = OllamaProbe.probe(endpoint.baseUri(), PROBE_TIMEOUT);
        if (result.reachable()) {
            return Check.present("Ollama", "running at " + endpoint.baseUri() + result.version().map(v -> ", version " + v)
                    .orElse(""), false);
        }
        return Check.missing("Ollama", "not running at " + endpoint.baseUri() + " (" + result.detail() + ")",
                "Start it with `ollama serve` (install from https://ollama.com/download), or set OLLAMA_HOST to "
                        + "where it runs. Labs can also start it in Docker.", false);
    }

    static Check docker(Map<String, String> environment) {
        DockerProbe.Result result = DockerProbe.probe(environment, PROBE_TIMEOUT);
        if (result.running()) {
            return Check.present("Docker", "engine running at " + result.endpoint(), false);
        }
        return Check.missing("Docker", result.detail(), "Install Docker Engine or Docker Desktop "
                + "(https://docs.docker.com/get-docker/) and start it; labs that need Qdrant use it.", false);
    }

    static Check python(Map<String, String> environment) {
        PythonProbe.Result result = PythonProbe.probe(environment, Duration.ofSeconds(10));
        if (result.hasFastApi()) {
            return Check.present("Python with FastAPI", result.python().map(Path::toString).orElse("") + ": "
                    + result.detail(), false);
        }
        return Check.missing("Python with FastAPI", result.detail(), "Install Python 3 with FastAPI and uvicorn "
                + "(`apt-get install python3-fastapi python3-uvicorn`, or `pip install fastapi uvicorn`), or set "
                + PythonProbe.ENVIRONMENT_VARIABLE + " to an interpreter that has them.", false);
    }
}
