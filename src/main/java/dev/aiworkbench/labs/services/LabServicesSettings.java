package dev.aiworkbench.labs.services;

import dev.aiworkbench.llm.ModelGateway;
import dev.aiworkbench.llm.ollama.OllamaGateway;
import dev.aiworkbench.llm.ollama.OllamaSettings;

import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Function;
import java.util.function.Supplier;

/**
 * How {@link LabServices} runs a lab's services.
 *
 * @param dataFolder            the app's data folder: workspaces go to {@code workspaces/<lab-id>/}, the record of a
 *                              running lab (for {@code workbench lab check|stop} from another process) to
 *                              {@code lab-runs/<lab-id>.json}
 * @param environment           the environment probes read (DOCKER_HOST, PATH, WORKBENCH_PYTHON) and the local
 *                              uvicorn process gets
 * @param appOllama             the app's model gateway (at OLLAMA_HOST or the saved address); used when it answers,
 *                              never closed here
 * @param ollamaGateways        makes a gateway for an Ollama container's address; closed when the container stops
 * @param stub                  where the FastAPI stub's files are (the bundled {@code /labs/fastapi-stub/} by default)
 * @param images                the pinned container images
 * @param ollamaVolume          the Docker volume that keeps the Ollama container's models across restarts
 * @param keepQdrantData        keep each lab's Qdrant storage in a volume {@code ai-workbench-qdrant-<lab-id>-<hash>}
 *                              (the hash names the data folder), so
 *                              collections survive a restart of the lab; false starts from an empty Qdrant each time
 * @param localStartTimeout     how long a local uvicorn may take to answer
 * @param containerStartTimeout how long the FastAPI container may take to answer after it started (pip installs
 *                              FastAPI first)
 * @param logLines              how many log lines each service keeps
 * @param imagePullStall        how long an image download may go without a word from the engine before it is given
 *                              up (a registry that cannot be reached often answers nothing at all)
 */
public record LabServicesSettings(Path dataFolder, Map<String, String> environment, Supplier<ModelGateway> appOllama,
                                  Function<URI, ModelGateway> ollamaGateways, Supplier<Optional<Path>> stub,
                                  ServiceImages images, String ollamaVolume, boolean keepQdrantData,
                                  Duration localStartTimeout, Duration containerStartTimeout, int logLines,
                                  Duration imagePullStall) {
    public static final String OLLAMA_VOLUME = "ai-workbench-ollama";
    public static final int LOG_LINES = 2_000;
    /** Short enough that a lab whose image cannot come says so within half a minute. */
    public static final Duration IMAGE_PULL_STALL = Duration.ofSeconds(20);

    public LabServicesSettings {
        Objects.requireNonNull(dataFolder, "dataFolder");
        environment = Map.copyOf(environment);
        Objects.requireNonNull(appOllama, "appOllama");
        Objects.requireNonNull(ollamaGateways, "ollamaGateways");
        Objects.requireNonNull(stub, "stub");
        Objects.requireNonNull(images, "images");
        if (ollamaVolume == null || !ollamaVolume.matches("[a-zA-Z0-9][a-zA-Z0-9_.-]+")) {
            throw new IllegalArgumentException("'" + ollamaVolume + "' is not a Docker volume name");
        }
        Objects.requireNonNull(localStartTimeout, "localStartTimeout");
        Objects.requireNonNull(containerStartTimeout, "containerStartTimeout");
        if (logLines < 1) {
            throw new IllegalArgumentException("logLines must be at least 1");
        }
        Objects.requireNonNull(imagePullStall, "imagePullStall");
    }

    /** The defaults: this process's environment, the bundled stub, pinned images, 2,000 log lines per service. */
    public static LabServicesSettings defaults(Path dataFolder, Supplier<ModelGateway> appOllama) {
        return new LabServicesSettings(dataFolder, System.getenv(), appOllama,
                uri -> new OllamaGateway(OllamaSettings.defaults(uri)), Stub::bundled, ServiceImages.DEFAULT,
                OLLAMA_VOLUME, true, Duration.ofSeconds(30), Duration.ofMinutes(5), LOG_LINES, IMAGE_PULL_STALL);
    }

    public Path workspaces() {
        return dataFolder.resolve("workspaces");
    }

    public Path runRecords() {
        return dataFolder.resolve(LabRunRecords.FOLDER);
    }

    public LabServicesSettings withEnvironment(Map<String, String> value) {
        return new LabServicesSettings(dataFolder, value, appOllama, ollamaGateways, stub, images, ollamaVolume,
                keepQdrantData, localStartTimeout, containerStartTimeout, logLines, imagePullStall);
    }

    /** Copies the stub from this folder instead of the bundled one. */
    public LabServicesSettings withStub(Path folder) {
        return new LabServicesSettings(dataFolder, environment, appOllama, ollamaGateways,
                () -> Optional.of(folder), images, ollamaVolume, keepQdrantData, localStartTimeout,
                containerStartTimeout, logLines, imagePullStall);
    }

    /** Makes the gateway to an Ollama server the lab started with this function instead. */
    public LabServicesSettings withOllamaGateways(Function<URI, ModelGateway> value) {
        return new LabServicesSettings(dataFolder, environment, appOllama, value, stub, images, ollamaVolume,
                keepQdrantData, localStartTimeout, containerStartTimeout, logLines, imagePullStall);
    }

    public LabServicesSettings withOllamaVolume(String value) {
        return new LabServicesSettings(dataFolder, environment, appOllama, ollamaGateways, stub, images, value,
                keepQdrantData, localStartTimeout, containerStartTimeout, logLines, imagePullStall);
    }

    public LabServicesSettings withKeepQdrantData(boolean value) {
        return new LabServicesSettings(dataFolder, environment, appOllama, ollamaGateways, stub, images, ollamaVolume,
                value, localStartTimeout, containerStartTimeout, logLines, imagePullStall);
    }

    public LabServicesSettings withStartTimeouts(Duration local, Duration container) {
        return new LabServicesSettings(dataFolder, environment, appOllama, ollamaGateways, stub, images, ollamaVolume,
                keepQdrantData, local, container, logLines, imagePullStall);
    }

    public LabServicesSettings withImages(ServiceImages value) {
        return new LabServicesSettings(dataFolder, environment, appOllama, ollamaGateways, stub, value, ollamaVolume,
                keepQdrantData, localStartTimeout, containerStartTimeout, logLines, imagePullStall);
    }

    public LabServicesSettings withImagePullStall(Duration value) {
        return new LabServicesSettings(dataFolder, environment, appOllama, ollamaGateways, stub, images, ollamaVolume,
                keepQdrantData, localStartTimeout, containerStartTimeout, logLines, value);
    }
}
