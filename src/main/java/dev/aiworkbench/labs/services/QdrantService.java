package dev.aiworkbench.labs.services;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.aiworkbench.labs.checks.ServiceEndpoints;
import dev.aiworkbench.labs.definition.ServiceSpec;
import dev.aiworkbench.labs.definition.ServiceType;
import dev.aiworkbench.labs.host.DockerProbe;
import org.testcontainers.qdrant.QdrantContainer;
import org.testcontainers.utility.DockerImageName;

import java.io.IOException;
import java.net.URI;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Qdrant in Docker ({@link QdrantContainer}, a pinned image new enough for the query API), with the lab's API key
 * when it sets one, its HTTP and gRPC ports published on 127.0.0.1 only (on a remote engine: see
 * {@link EngineAddress}), and its storage kept per lab in a Docker
 * volume (unless the settings say otherwise). Docker is asked directly before the container library is touched.
 */
public final class QdrantService extends LabService {
    static final int HTTP_PORT = 6333;
    static final int GRPC_PORT = 6334;
    private static final ObjectMapper JSON = new ObjectMapper();

    private volatile QdrantContainer container;
    private Map<Integer, Integer> lastPorts = Map.of();

    QdrantService(ServiceSpec spec, LabContext context) {
        super(spec, context);
    }

    @Override
    public String name() {
        return "Qdrant";
    }

    /** The container's id while it runs. */
    public Optional<String> containerId() {
        QdrantContainer c = container;
        return c == null ? Optional.empty() : Optional.ofNullable(c.getContainerId());
    }

    /** The Docker volume that keeps this lab's collections; empty when the lab starts from an empty Qdrant. */
    public Optional<String> volume() {
        return context.settings.keepQdrantData() ? Optional.of(context.volumeName("ai-workbench-qdrant"))
                : Optional.empty();
    }

    @Override
    void doStart() throws InterruptedException {
        publish(ServiceStatus.STARTING, "Checking that Docker runs…", null);
        DockerProbe.Result docker = DockerProbe.probe(context.environment(), Duration.ofSeconds(5));
        if (cancelled) {
            return;
        }
        if (!docker.running()) {
            Unavailable why = Unavailable.qdrant(docker);
            publish(ServiceStatus.UNAVAILABLE, why.sentence(), why.fix());
            return;
        }
        String image = context.settings.images().qdrant();
        runner("the container " + image);
        if (!imagesReady(image)) {
            return;
        }
        EngineAddress engine = DockerEngine.current().address();
        publish(ServiceStatus.STARTING, "Starting Qdrant (" + image + ") in Docker" + (engine.remote() ? " on "
                + engine.host() : "") + " and waiting until it is ready…", null);
        QdrantContainer started;
        try (Heartbeat beat = stillWaiting("the Qdrant container to be ready")) {
            try {
                started = launch(image, engine, lastPorts);
            } catch (RuntimeException first) {
                if (lastPorts.isEmpty() || cancelled) {
                    fail(image, first);
                    return;
                }
                say("Could not start on the ports of the last run (" + first.getMessage() + "); trying new ones.");
                try {
                    started = launch(image, engine, Map.of());
                } catch (RuntimeException second) {
                    fail(image, second);
                    return;
                }
            }
        }
        if (cancelled) {
            return;
        }
        lastPorts = ContainerSupport.mappedPorts(started, HTTP_PORT, GRPC_PORT);
        URI http = URI.create(engine.url(started.getMappedPort(HTTP_PORT)));
        String grpc = engine.hostPort(started.getGrpcPort());
        Optional<String> key = apiKey();
        List<ServiceState.Address> addresses = new ArrayList<>();
        addresses.add(new ServiceState.Address("HTTP", http.toString()));
        addresses.add(new ServiceState.Address("gRPC", grpc));
        addresses.add(new ServiceState.Address("Dashboard", http + "/dashboard"));
        key.ifPresent(k -> addresses.add(new ServiceState.Address("API key", k)));
        endpoints(new ServiceEndpoints(Optional.empty(), Optional.of(http), Optional.of(grpc), Optional.empty(), key),
                addresses, Optional.of(snippet(http, started.getGrpcPort(), key)));
        String version = version(http).map(v -> "Qdrant " + v).orElse("Qdrant");
        publish(ServiceStatus.RUNNING, version + " answers at " + http + " (gRPC " + grpc + ")"
                + (key.isPresent() ? ", and wants the lab's API key in the api-key header" : "")
                + volume().map(v -> "; its collections are kept in the Docker volume " + v).orElse("") + ".", null);
    }

    private QdrantContainer launch(String image, EngineAddress engine, Map<Integer, Integer> preferred) {
        QdrantContainer c = new QdrantContainer(DockerImageName.parse(image).asCompatibleSubstituteFor("qdrant/qdrant"));
        apiKey().ifPresent(c::withApiKey);
        Map<String, String> mounts = new LinkedHashMap<>();
        volume().ifPresent(v -> mounts.put(v, "/qdrant/storage"));
        c.withNetwork(context.network.get())
                .withNetworkAliases("qdrant")
                .withLogConsumer(ContainerSupport.logConsumer(this))
                .withCreateContainerCmdModifier(ContainerSupport.modifier(engine, preferred, mounts));
        ContainerSupport.label(c, context.labId, ServiceType.QDRANT);
        container = c;
        try {
            c.start();
        } catch (RuntimeException e) {
            container = null;
            remove(c);
            throw e;
        }
        return c;
    }

    private void fail(String image, RuntimeException e) {
        String[] sentence = ContainerSupport.describe("Qdrant", image, e);
        publish(ServiceStatus.FAILED, sentence[0], sentence[1]);
    }

    private Optional<String> apiKey() {
        return Optional.ofNullable(spec.apiKey()).filter(k -> !k.isBlank());
    }

    private Optional<String> version(URI http) throws InterruptedException {
        Optional<HttpProbe.Answer> answer = context.http.get(http.resolve("/"), Duration.ofSeconds(5));
        if (answer.isEmpty() || answer.get().status() != 200) {
            return Optional.empty();
        }
        try {
            JsonNode body = JSON.readTree(answer.get().body());
            return Optional.ofNullable(body.path("version").asText(null));
        } catch (IOException e) {
            return Optional.empty();
        }
    }

    /** Python that connects to this Qdrant, to copy. */
    static String snippet(URI http, int grpcPort, Optional<String> key) {
        String keyArgument = key.map(k -> ", api_key=\"" + k.replace("\\", "\\\\").replace("\"", "\\\"") + "\"")
                .orElse("");
        return "from qdrant_client import QdrantClient\n\n"
                + "client = QdrantClient(url=\"" + http + "\"" + keyArgument + ")\n"
                + "# or over gRPC:\n"
                + "# client = QdrantClient(host=\"" + http.getHost() + "\", grpc_port=" + grpcPort + ", prefer_grpc=True"
                + keyArgument + ")\n"
                + "print(client.get_collections())\n";
    }

    @Override
    Map<String, String> appEnvironment(boolean fromContainer) {
        Map<String, String> values = new LinkedHashMap<>();
        state().endpoints().qdrant().ifPresent(url -> values.put("QDRANT_URL",
                fromContainer ? "http://qdrant:" + HTTP_PORT : stripSlash(url)));
        apiKey().ifPresent(k -> values.put("QDRANT_API_KEY", k));
        return values;
    }

    private static String stripSlash(URI uri) {
        String text = uri.toString();
        return text.endsWith("/") ? text.substring(0, text.length() - 1) : text;
    }

    @Override
    String doStop() {
        QdrantContainer c = container;
        container = null;
        if (c == null) {
            return null;
        }
        remove(c);
        return "Stopped and removed the Qdrant container" + volume().map(v -> "; its collections stay in the Docker"
                + " volume " + v).orElse("") + ".";
    }

    private void remove(QdrantContainer c) {
        try {
            c.stop();
        } catch (RuntimeException e) {
            say("Could not remove the Qdrant container cleanly (" + e.getMessage() + "); Ryuk removes it when the"
                    + " workbench exits.");
        }
    }
}
