package dev.aiworkbench.labs.services;

import dev.aiworkbench.labs.checks.ServiceEndpoints;
import dev.aiworkbench.labs.definition.ServiceSpec;
import dev.aiworkbench.labs.definition.ServiceType;
import dev.aiworkbench.labs.host.DockerProbe;
import dev.aiworkbench.llm.LocalModel;
import dev.aiworkbench.llm.ModelGateway;
import dev.aiworkbench.llm.ModelServerException;
import dev.aiworkbench.llm.PullBoard;
import dev.aiworkbench.llm.PullCall;
import org.testcontainers.ollama.OllamaContainer;
import org.testcontainers.utility.DockerImageName;

import java.net.URI;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicReference;

/**
 * Ollama for a lab: the server at the app's address (OLLAMA_HOST or the saved one) when it answers; otherwise,
 * where Docker runs, an {@link OllamaContainer} (pinned image) with its models in a named volume, so they survive
 * restarts. Then the lab's model and embedding model are pulled, with progress, unless the server has them.
 * The workbench never stops a server it did not start.
 */
public final class OllamaService extends LabService {
    static final int PORT = 11434;
    static final String MODELS_PATH = "/root/.ollama";

    private volatile OllamaContainer container;
    private volatile ModelGateway gateway;
    private volatile boolean ownsGateway;
    private volatile URI base;
    private volatile PullCall pull;
    private Map<Integer, Integer> lastPorts = Map.of();

    OllamaService(ServiceSpec spec, LabContext context) {
        super(spec, context);
    }

    @Override
    public String name() {
        return "Ollama";
    }

    /** The gateway to the server the lab uses, while the service runs (the app's, or the container's). */
    public Optional<ModelGateway> gateway() {
        return Optional.ofNullable(gateway);
    }

    /** Whether the lab runs its own Ollama container (rather than using the app's server). */
    public boolean inContainer() {
        return container != null;
    }

    /** The models the lab needs: its model and its embedding model. */
    public List<String> models() {
        Set<String> models = new LinkedHashSet<>();
        if (spec.model() != null && !spec.model().isBlank()) {
            models.add(spec.model().strip());
        }
        if (spec.embedModel() != null && !spec.embedModel().isBlank()) {
            models.add(spec.embedModel().strip());
        }
        return List.copyOf(models);
    }

    @Override
    void doStart() throws InterruptedException {
        ModelGateway app = context.settings.appOllama().get();
        publish(ServiceStatus.STARTING, "Looking for Ollama at " + app.baseUri() + "…", null);
        String version;
        try {
            version = app.version();
            gateway = app;
            ownsGateway = false;
            base = app.baseUri();
            runner("your Ollama server");
            say("Using the Ollama server at " + base + " (version " + version + "); the workbench did not start it"
                    + " and will not stop it.");
        } catch (ModelServerException e) {
            if (cancelled) {
                return;
            }
            String missing = Unavailable.noServer(app.baseUri(), e.getMessage());
            DockerProbe.Result docker = DockerProbe.probe(context.environment(), Duration.ofSeconds(5));
            if (cancelled) {
                return;
            }
            if (!docker.running()) {
                Unavailable why = Unavailable.ollama(missing, docker);
                publish(ServiceStatus.UNAVAILABLE, why.sentence(), why.fix());
                return;
            }
            Optional<String> started = startContainer(missing);
            if (started.isEmpty()) {
                return;
            }
            version = started.get();
        }
        if (cancelled) {
            return;
        }
        endpoints(new ServiceEndpoints(Optional.empty(), Optional.empty(), Optional.empty(), Optional.of(base),
                Optional.empty()), List.of(new ServiceState.Address("API", stripSlash(base))), Optional.empty());
        List<String> problems = pullModels();
        if (cancelled) {
            return;
        }
        List<String> models = models();
        String where = "Ollama " + version + " answers at " + stripSlash(base)
                + (container != null ? " (in Docker; models are kept in the volume " + context.settings.ollamaVolume()
                + ")" : "");
        if (problems.isEmpty()) {
            publish(ServiceStatus.RUNNING, where + (models.isEmpty() ? "." : "; the lab's models are ready: "
                    + String.join(", ", models) + "."), null);
        } else {
            publish(ServiceStatus.RUNNING, where + ", but " + String.join("; ", problems) + ".",
                    "Pull " + (problems.size() == 1 ? "it" : "them") + " on the Models screen or with `ollama pull"
                            + " <model>` (this needs network access), then press Check again; the steps that do not"
                            + " need the model still run.");
        }
    }

    /** @return the server's version, or empty when the container did not come up (the state says why) */
    private Optional<String> startContainer(String missing) throws InterruptedException {
        String image = context.settings.images().ollama();
        String volume = context.settings.ollamaVolume();
        runner("the container " + image);
        say(missing + "; the lab runs Ollama in Docker instead.");
        if (!imagesReady(image)) {
            return Optional.empty();
        }
        EngineAddress engine = DockerEngine.current().address();
        publish(ServiceStatus.STARTING, missing + "; starting Ollama (" + image + ") in Docker" + (engine.remote()
                ? " on " + engine.host() : "") + ", with models kept in the volume " + volume + "…", null);
        OllamaContainer c;
        try (Heartbeat beat = stillWaiting("the Ollama container to start")) {
            try {
                c = launch(image, volume, engine, lastPorts);
            } catch (RuntimeException first) {
                if (lastPorts.isEmpty() || cancelled) {
                    fail(image, first);
                    return Optional.empty();
                }
                say("Could not start on the port of the last run (" + first.getMessage() + "); trying a new one.");
                try {
                    c = launch(image, volume, engine, Map.of());
                } catch (RuntimeException second) {
                    fail(image, second);
                    return Optional.empty();
                }
            }
        }
        lastPorts = ContainerSupport.mappedPorts(c, PORT);
        base = URI.create(engine.url(c.getMappedPort(PORT)));
        gateway = context.settings.ollamaGateways().apply(base);
        ownsGateway = true;
        publish(ServiceStatus.STARTING, "The Ollama container runs; waiting for it to answer at " + base + "…", null);
        ModelServerException last = null;
        for (int attempt = 0; attempt < 20 && !cancelled; attempt++) {
            try {
                return Optional.of(gateway.version());
            } catch (ModelServerException e) {
                last = e;
                Thread.sleep(500);
            }
        }
        if (!cancelled) {
            publish(ServiceStatus.FAILED, "The Ollama container started but does not answer at " + base + " ("
                    + (last == null ? "no answer" : last.getMessage()) + ").", "Look at its log below, then press Restart.");
        }
        return Optional.empty();
    }

    private OllamaContainer launch(String image, String volume, EngineAddress engine,
                                   Map<Integer, Integer> preferred) {
        OllamaContainer c = new OllamaContainer(DockerImageName.parse(image).asCompatibleSubstituteFor("ollama/ollama"));
        c.withNetwork(context.network.get())
                .withNetworkAliases("ollama")
                .withLogConsumer(ContainerSupport.logConsumer(this))
                .withCreateContainerCmdModifier(ContainerSupport.modifier(engine, preferred,
                        Map.of(volume, MODELS_PATH)));
        ContainerSupport.label(c, context.labId, ServiceType.OLLAMA);
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
        String[] sentence = ContainerSupport.describe("The Ollama container", image, e);
        publish(ServiceStatus.FAILED, sentence[0], sentence[1]);
    }

    /** Pulls each model the server lacks; returns a clause per model that could not be pulled. */
    private List<String> pullModels() throws InterruptedException {
        List<String> problems = new ArrayList<>();
        List<String> wanted = models();
        if (wanted.isEmpty()) {
            return problems;
        }
        Set<String> present = new LinkedHashSet<>();
        try {
            for (LocalModel model : gateway.listModels()) {
                present.add(canonical(model.name()));
            }
        } catch (ModelServerException e) {
            say("Could not list the server's models (" + e.getMessage() + "); pulling the lab's models anyway.");
        }
        for (String model : wanted) {
            if (cancelled) {
                return problems;
            }
            if (present.contains(canonical(model))) {
                say(model + " is already on the server.");
                continue;
            }
            pull(model).ifPresent(problems::add);
        }
        return problems;
    }

    /** @return a clause saying why the pull failed, or empty when it worked (or was cancelled) */
    private Optional<String> pull(String model) throws InterruptedException {
        publish(ServiceStatus.STARTING, "Pulling " + model + " into " + (container != null ? "the volume "
                + context.settings.ollamaVolume() : "your Ollama server") + " (it downloads once)…", null);
        say("Pulling " + model + "…");
        PullBoard board = new PullBoard();
        AtomicReference<String> lastStatus = new AtomicReference<>("");
        PullCall call = gateway.pull(model, progress -> {
            board.accept(progress);
            String status = progress.status() == null ? "" : progress.status();
            if (!status.equals(lastStatus.getAndSet(status)) && !status.isBlank()) {
                say(model + ": " + status);
            }
            pulled(model, board);
        });
        pull = call;
        try {
            while (true) {
                if (cancelled) {
                    call.cancel();
                    return Optional.empty();
                }
                try {
                    call.done().get(500, TimeUnit.MILLISECONDS);
                    say(model + " is pulled" + total(board) + ".");
                    return Optional.empty();
                } catch (TimeoutException e) {
                    // still pulling
                } catch (ExecutionException e) {
                    Throwable cause = e.getCause() == null ? e : e.getCause();
                    say("Pulling " + model + " failed: " + cause.getMessage());
                    return Optional.of("pulling " + model + " failed (" + cause.getMessage() + ")");
                }
            }
        } finally {
            pull = null;
        }
    }

    private static String total(PullBoard board) {
        long bytes = board.totalBytes();
        return bytes > 0 ? " (" + PullBoard.bytes(bytes) + ")" : "";
    }

    /** llama3.2 and llama3.2:latest are the same model; so are library/x and x. */
    static String canonical(String model) {
        return LocalModel.canonicalName(model);
    }

    @Override
    void abortStart() {
        PullCall call = pull;
        if (call != null) {
            call.cancel();
        }
    }

    @Override
    Map<String, String> appEnvironment(boolean fromContainer) {
        Map<String, String> values = new LinkedHashMap<>();
        URI at = base;
        if (at != null && (state().status() == ServiceStatus.RUNNING || state().status() == ServiceStatus.STARTING)) {
            String host;
            if (!fromContainer) {
                host = stripSlash(at);
            } else if (container != null) {
                host = "http://ollama:" + PORT;
            } else {
                host = loopback(at) ? at.getScheme() + "://host.docker.internal:" + port(at) : stripSlash(at);
            }
            values.put("OLLAMA_HOST", host);
        }
        if (spec.model() != null && !spec.model().isBlank()) {
            values.put("OLLAMA_MODEL", spec.model().strip());
        }
        if (spec.embedModel() != null && !spec.embedModel().isBlank()) {
            values.put("OLLAMA_EMBED_MODEL", spec.embedModel().strip());
        }
        return values;
    }

    private static boolean loopback(URI uri) {
        String host = uri.getHost() == null ? "" : uri.getHost();
        return host.equals("127.0.0.1") || host.equals("localhost") || host.equals("[::1]") || host.equals("::1");
    }

    private static int port(URI uri) {
        return uri.getPort() > 0 ? uri.getPort() : "https".equals(uri.getScheme()) ? 443 : 80;
    }

    private static String stripSlash(URI uri) {
        String text = uri.toString();
        return text.endsWith("/") ? text.substring(0, text.length() - 1) : text;
    }

    @Override
    String doStop() {
        abortStart();
        OllamaContainer c = container;
        ModelGateway g = gateway;
        URI at = base;
        container = null;
        gateway = null;
        if (g != null && ownsGateway) {
            g.close();
        }
        ownsGateway = false;
        if (c != null) {
            remove(c);
            return "Stopped and removed the Ollama container; its models stay in the Docker volume "
                    + context.settings.ollamaVolume() + ".";
        }
        if (g != null) {
            return "The lab no longer uses your Ollama server at " + at + "; it keeps running (the workbench did not"
                    + " start it).";
        }
        return null;
    }

    private void remove(OllamaContainer c) {
        try {
            c.stop();
        } catch (RuntimeException e) {
            say("Could not remove the Ollama container cleanly (" + e.getMessage() + "); Ryuk removes it when the"
                    + " workbench exits.");
        }
    }
}
