package dev.aiworkbench.labs.services;

import dev.aiworkbench.labs.checks.ServiceEndpoints;
import dev.aiworkbench.labs.definition.ServiceSpec;
import dev.aiworkbench.labs.definition.ServiceType;
import dev.aiworkbench.labs.host.DockerProbe;
import dev.aiworkbench.labs.host.ProcessTree;
import dev.aiworkbench.labs.host.PythonProbe;
import org.testcontainers.containers.BindMode;
import org.testcontainers.containers.GenericContainer;
import org.testcontainers.utility.DockerImageName;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;
import java.util.regex.Pattern;

/**
 * The learner's FastAPI app, run by uvicorn with {@code --reload} on the workspace, so it picks up every save:
 * with a local Python that has FastAPI and uvicorn (PythonProbe finds it), else in a Python container where
 * Docker runs (pip installs FastAPI there at start, which needs network access), else unavailable with the fix.
 * It binds to 127.0.0.1 on a free port (kept across restarts while it stays free) and counts as running once
 * {@code GET /health} answers; while it runs, a watch notices when the app stops answering (a save that broke
 * it) or the process exits.
 */
public final class FastApiService extends LabService {
    static final String CONTAINER_WORKSPACE = "/workspace";
    static final int CONTAINER_PORT = 8000;
    static final String HEALTH = "/health";
    /** The watch marks its own requests with a query FastAPI ignores, so its access lines, and only they, are known. */
    private static final String WATCH = HEALTH + "?workbench-watch";
    private static final Pattern WATCH_ACCESS_LINE = Pattern.compile(
            "\"GET " + Pattern.quote(WATCH) + " HTTP/1\\.1\" \\d{3}");
    private static final Pattern APP = Pattern.compile("[A-Za-z_][A-Za-z0-9_.]*:[A-Za-z_][A-Za-z0-9_.]*");
    private static final Duration WATCH_EVERY = Duration.ofSeconds(2);

    private volatile Process process;
    private volatile GenericContainer<?> container;
    private volatile int port;
    /** Where the app answers: 127.0.0.1, or the loopback address a local engine publishes on. */
    private volatile String host = ContainerSupport.LOOPBACK;
    private volatile Optional<Path> python = Optional.empty();
    private volatile ScheduledFuture<?> watch;
    private volatile boolean stopping;
    private final List<Thread> readers = new ArrayList<>();
    private final Object watchLock = new Object();
    private int misses;

    FastApiService(ServiceSpec spec, LabContext context) {
        super(spec, context);
    }

    @Override
    public String name() {
        return "FastAPI";
    }

    /** The local uvicorn process (the reloader; the app runs in its child), while there is one. */
    public Optional<ProcessHandle> process() {
        Process p = process;
        return p == null ? Optional.empty() : Optional.of(p.toHandle());
    }

    /** The local Python that runs (or last ran) the app; empty when it runs in a container or was not found. */
    public Optional<Path> python() {
        return python;
    }

    /** The port the app answers on (on 127.0.0.1, or where a local engine publishes), once started. */
    public OptionalInt port() {
        return port > 0 ? OptionalInt.of(port) : OptionalInt.empty();
    }

    /** Whether the app runs in a container rather than with a local Python. */
    public boolean inContainer() {
        return container != null;
    }

    @Override
    void doStart() throws InterruptedException {
        stopping = false;
        publish(ServiceStatus.STARTING, "Looking for a Python that has FastAPI and uvicorn…", null);
        PythonProbe.Result local = PythonProbe.probe(context.environment(), Duration.ofSeconds(15));
        if (cancelled) {
            return;
        }
        if (local.hasFastApi() && local.python().isPresent()) {
            python = local.python();
            startLocal(local.python().get(), local.detail());
            return;
        }
        python = Optional.empty();
        DockerProbe.Result docker = DockerProbe.probe(context.environment(), Duration.ofSeconds(5));
        if (cancelled) {
            return;
        }
        if (docker.running()) {
            EngineAddress engine = DockerEngine.current().address();
            if (engine.remote()) {
                publish(ServiceStatus.UNAVAILABLE, "FastAPI cannot run here: no Python on this computer has FastAPI and"
                        + " uvicorn (" + local.detail() + "), and the Docker engine runs on " + engine.host()
                        + ", which cannot see the app's files in " + context.workspace.toAbsolutePath() + ".",
                        Fixes.fastapi(System.getProperty("os.name", "")) + " " + Fixes.stepsStillRun("FastAPI"));
                return;
            }
            say("No local Python can run the app (" + local.detail() + "), so it runs in Docker ("
                    + context.settings.images().python() + ").");
            startContainer(engine);
            return;
        }
        Unavailable why = Unavailable.fastapi(local, docker);
        publish(ServiceStatus.UNAVAILABLE, why.sentence(), why.fix());
    }

    // --- local uvicorn --------------------------------------------------------------------------------------

    private void startLocal(Path interpreter, String versions) throws InterruptedException {
        String app = spec.app();
        Path workspace = context.workspace.toAbsolutePath();
        runner("uvicorn with " + interpreter + " (" + versions + ")");
        host = ContainerSupport.LOOPBACK;
        for (int attempt = 1; ; attempt++) {
            int chosen = port > 0 && FreePorts.isFree(port) ? port : FreePorts.free();
            List<String> arguments = List.of(app, "--host", ContainerSupport.LOOPBACK, "--port", String.valueOf(chosen),
                    "--reload", "--reload-dir", workspace.toString());
            List<String> command = new ArrayList<>(List.of(interpreter.toString(), "-c", UvicornScripts.LAUNCHER));
            command.addAll(arguments);
            say("$ " + interpreter + " -m uvicorn " + String.join(" ", arguments) + "   (in " + workspace
                    + "; a small launcher around it stops uvicorn if the workbench ends)");
            ProcessBuilder builder = new ProcessBuilder(command).directory(workspace.toFile());
            builder.environment().clear();
            builder.environment().putAll(context.environment());
            builder.environment().putAll(context.appEnvironment(false));
            builder.environment().put("PYTHONUNBUFFERED", "1");
            Process started;
            try {
                started = builder.start();
            } catch (IOException e) {
                publish(ServiceStatus.FAILED, "Could not run " + interpreter + " (" + e.getMessage() + ").",
                        "Check that it still exists, or set " + PythonProbe.ENVIRONMENT_VARIABLE
                                + " to a Python that has FastAPI and uvicorn, then press Start again.");
                return;
            }
            process = started;
            port = chosen;
            readers.add(reader(started.getInputStream(), LogLine.Source.STDOUT));
            readers.add(reader(started.getErrorStream(), LogLine.Source.STDERR));
            publish(ServiceStatus.STARTING, "Starting uvicorn on http://127.0.0.1:" + chosen + " with " + interpreter
                    + "…", null);
            long deadline = System.nanoTime() + context.settings.localStartTimeout().toNanos();
            Wait outcome = awaitHealth(chosen, deadline, started::isAlive);
            switch (outcome.kind) {
                case ANSWERED -> {
                    running(outcome.status, "uvicorn with " + interpreter);
                    startWatch();
                    return;
                }
                case CANCELLED -> {
                    return;
                }
                case EXITED -> {
                    int code = exitCode(started);
                    joinReaders();
                    process = null;
                    String tail = tail(6);
                    if (attempt < 3 && tail.toLowerCase(Locale.ROOT).contains("address already in use")) {
                        say("Port " + chosen + " was taken meanwhile; trying another.");
                        port = 0;
                        continue;
                    }
                    publish(ServiceStatus.FAILED, "uvicorn stopped before the app answered (exit code " + code + ")"
                                    + (tail.isEmpty() ? "." : ": " + tail),
                            "Fix what the log shows (often an error in " + moduleFile(app) + "), then press Restart.");
                    return;
                }
                case TIMEOUT -> {
                    showAt(new FastApiAddress(host, chosen));
                    publish(ServiceStatus.FAILED, "uvicorn runs, but the app did not answer " + HEALTH + " within "
                                    + seconds(context.settings.localStartTimeout()) + " s"
                                    + (tail(6).isEmpty() ? "." : "; its log ends with: " + tail(6)),
                            "Fix what the log shows and save: uvicorn reloads by itself, and the status turns to"
                                    + " running when the app answers. Or press Restart.");
                    startWatch();
                    return;
                }
                default -> throw new IllegalStateException(outcome.kind.name());
            }
        }
    }

    /** Every two seconds the watch asks /health: its access-log lines would bury the learner's own. */
    @Override
    void log(LogLine.Source source, String text) {
        if (WATCH_ACCESS_LINE.matcher(text).find()) {
            return;
        }
        super.log(source, text);
    }

    private Thread reader(InputStream stream, LogLine.Source source) {
        return Thread.ofPlatform().daemon().name("lab-" + context.labId + "-uvicorn-" + source.name().toLowerCase(Locale.ROOT))
                .start(() -> {
                    try (BufferedReader in = new BufferedReader(new InputStreamReader(stream, StandardCharsets.UTF_8))) {
                        String line;
                        while ((line = in.readLine()) != null) {
                            log(source, line);
                        }
                    } catch (IOException e) {
                        // the process ended or was stopped: its stream closed
                    }
                });
    }

    private void joinReaders() throws InterruptedException {
        for (Thread reader : List.copyOf(readers)) {
            reader.join(2_000);
        }
        readers.clear();
    }

    private static int exitCode(Process process) {
        try {
            return process.waitFor();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return -1;
        }
    }

    // --- in a container -------------------------------------------------------------------------------------

    private void startContainer(EngineAddress engine) throws InterruptedException {
        String app = spec.app();
        String image = context.settings.images().python();
        if (!APP.matcher(app).matches()) {
            publish(ServiceStatus.FAILED, "The lab names the app '" + app + "', which is not a module:attribute"
                    + " uvicorn can import.", "This is a mistake in the lab: correct services.fastapi.app in lab.yaml.");
            return;
        }
        runner("uvicorn in the container " + image);
        if (!imagesReady(image)) {
            return;
        }
        host = engine.host();
        publish(ServiceStatus.STARTING, "Starting the app in a Python container (" + image + "); pip installs"
                + " FastAPI and uvicorn first, which needs network access…", null);
        Map<String, String> mounts = Map.of(ContainerSupport.PIP_CACHE_VOLUME, "/root/.cache/pip");
        Map<Integer, Integer> preferred = port > 0 ? Map.of(CONTAINER_PORT, port) : Map.of();
        GenericContainer<?> started;
        try {
            GenericContainer<?> c = new GenericContainer<>(DockerImageName.parse(image));
            c.withExposedPorts(CONTAINER_PORT)
                    // the library turns a Windows path into the form Docker Desktop mounts
                    .withFileSystemBind(context.workspace.toAbsolutePath().toString(), CONTAINER_WORKSPACE,
                            BindMode.READ_WRITE)
                    .withWorkingDirectory(CONTAINER_WORKSPACE)
                    .withCommand("sh", "-c", UvicornScripts.IN_CONTAINER, "uvicorn-app", app)
                    .withEnv(context.appEnvironment(true))
                    .withEnv("PYTHONUNBUFFERED", "1")
                    .withEnv("PYTHONDONTWRITEBYTECODE", "1")
                    .withEnv("PIP_DISABLE_PIP_VERSION_CHECK", "1")
                    .withEnv("PIP_ROOT_USER_ACTION", "ignore")
                    .withNetwork(context.network.get())
                    .withNetworkAliases("fastapi")
                    .withExtraHost("host.docker.internal", "host-gateway")
                    .withLogConsumer(ContainerSupport.logConsumer(this))
                    .waitingFor(ContainerSupport.noWait())
                    .withCreateContainerCmdModifier(ContainerSupport.modifier(engine, preferred, mounts));
            ContainerSupport.label(c, context.labId, ServiceType.FASTAPI);
            container = c;
            c.start();
            started = c;
        } catch (RuntimeException e) {
            String[] sentence = ContainerSupport.describe("The FastAPI container", image, e);
            stopContainer();
            publish(ServiceStatus.FAILED, sentence[0], sentence[1]);
            return;
        }
        int mapped = started.getMappedPort(CONTAINER_PORT);
        port = mapped;
        say("The app's container publishes port 8000 on http://127.0.0.1:" + mapped + ".");
        long deadline = System.nanoTime() + context.settings.containerStartTimeout().toNanos();
        Wait outcome = awaitHealth(mapped, deadline, started::isRunning);
        switch (outcome.kind) {
            case ANSWERED -> {
                running(outcome.status, "uvicorn in the container " + image);
                startWatch();
            }
            case CANCELLED -> {
            }
            case EXITED -> {
                String tail = tail(6);
                stopContainer();
                boolean pip = tail.contains("pip") || tail.contains("Could not find a version")
                        || tail.contains("Temporary failure in name resolution") || tail.contains("Network is unreachable");
                publish(ServiceStatus.FAILED, "The FastAPI container stopped before the app answered"
                                + (tail.isEmpty() ? "." : ": " + tail),
                        pip ? "pip could not install FastAPI and uvicorn: the container needs network access to PyPI."
                                + " Connect to the network and press Start again, or install them locally. "
                                + Fixes.fastapi(System.getProperty("os.name", ""))
                                : "Fix what the log shows, then press Restart.");
            }
            case TIMEOUT -> {
                showAt(new FastApiAddress(host, mapped));
                publish(ServiceStatus.FAILED, "The FastAPI container runs, but the app did not answer " + HEALTH
                                + " within " + seconds(context.settings.containerStartTimeout()) + " s"
                                + (tail(6).isEmpty() ? "." : "; its log ends with: " + tail(6)),
                        "Fix what the log shows and save: uvicorn reloads by itself. Or press Restart.");
                startWatch();
            }
            default -> throw new IllegalStateException(outcome.kind.name());
        }
    }

    private void stopContainer() {
        GenericContainer<?> c = container;
        container = null;
        if (c != null) {
            try {
                c.stop();
            } catch (RuntimeException e) {
                say("Could not remove the FastAPI container cleanly (" + e.getMessage() + "); Ryuk removes it when"
                        + " the workbench exits.");
            }
        }
    }

    // --- waiting and watching -------------------------------------------------------------------------------

    private enum WaitKind { ANSWERED, EXITED, TIMEOUT, CANCELLED }

    private record Wait(WaitKind kind, int status) {
    }

    private Wait awaitHealth(int on, long deadline, BooleanSupplier alive) throws InterruptedException {
        URI health = new FastApiAddress(host, on).at(HEALTH);
        while (true) {
            if (cancelled) {
                return new Wait(WaitKind.CANCELLED, 0);
            }
            if (!alive.getAsBoolean()) {
                return new Wait(WaitKind.EXITED, 0);
            }
            Optional<HttpProbe.Answer> answer = context.http.get(health, Duration.ofSeconds(2));
            if (answer.isPresent()) {
                return new Wait(WaitKind.ANSWERED, answer.get().status());
            }
            if (System.nanoTime() > deadline) {
                return new Wait(WaitKind.TIMEOUT, 0);
            }
            Thread.sleep(200);
        }
    }

    private void running(int status, String how) {
        showAt(new FastApiAddress(host, port));
        String health = status >= 200 && status < 300 ? "" : " (" + HEALTH + " answered " + status
                + ": the app has no health endpoint that works yet, but the server answers)";
        publish(ServiceStatus.RUNNING, "FastAPI answers at http://127.0.0.1:" + port + health + ", run by " + how
                + "; it reloads when you save a file in " + context.workspace.toAbsolutePath() + ".", null);
    }

    private void startWatch() {
        misses = 0;
        watch = context.scheduler.scheduleWithFixedDelay(this::check, WATCH_EVERY.toMillis(), WATCH_EVERY.toMillis(),
                TimeUnit.MILLISECONDS);
    }

    /** The watch: did the process exit, did the app stop (or start again) answering? */
    private void check() {
        synchronized (watchLock) { // a stop waits for a check under way, so no state follows its "stopped"
            checkLocked();
        }
    }

    private void checkLocked() {
        if (stopping || cancelled) {
            return;
        }
        try {
            Process p = process;
            GenericContainer<?> c = container;
            boolean alive = p != null ? p.isAlive() : c != null && c.isRunning();
            if (!alive) {
                ScheduledFuture<?> self = watch;
                if (self != null) {
                    self.cancel(false);
                }
                if (stopping) {
                    return;
                }
                String what = p != null ? "uvicorn exited (exit code " + exitCode(p) + ")" : "The FastAPI container stopped";
                String tail = tail(6);
                clearEndpoints();
                publish(ServiceStatus.FAILED, what + (tail.isEmpty() ? "." : ": " + tail), "Press Restart.");
                return;
            }
            boolean answers = context.http.get(new FastApiAddress(host, port).at(WATCH), Duration.ofSeconds(2))
                    .isPresent();
            ServiceStatus now = state().status();
            if (answers) {
                misses = 0;
                if (now == ServiceStatus.FAILED && !stopping) {
                    running(200, p != null ? "uvicorn with " + python.map(Path::toString).orElse("Python")
                            : "uvicorn in the container " + context.settings.images().python());
                }
            } else if (++misses >= 2 && now == ServiceStatus.RUNNING && !stopping) {
                String tail = tail(4);
                publish(ServiceStatus.FAILED, "uvicorn runs, but the app stopped answering " + HEALTH
                                + (tail.isEmpty() ? "." : "; the log ends with: " + tail),
                        "Fix the error the log shows and save: uvicorn reloads by itself and the status turns back to"
                                + " running.");
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (RuntimeException e) {
            say("The health watch failed: " + e.getMessage());
        }
    }

    // --- stopping -------------------------------------------------------------------------------------------

    @Override
    void abortStart() {
        if (state().status() == ServiceStatus.STARTING) {
            Process p = process;
            if (p != null) {
                p.toHandle().descendants().forEach(ProcessHandle::destroy);
                p.destroy();
            }
        }
    }

    @Override
    String doStop() throws InterruptedException {
        synchronized (watchLock) {
            stopping = true;
        }
        ScheduledFuture<?> w = watch;
        if (w != null) {
            w.cancel(false);
            watch = null;
        }
        List<String> said = new ArrayList<>();
        Process p = process;
        if (p != null) {
            try {
                OutputStream stdin = p.getOutputStream();
                stdin.close(); // the launcher's watch stops uvicorn too
            } catch (IOException e) {
                // already closed
            }
            List<ProcessHandle> left = ProcessTree.stop(p.toHandle(), Duration.ofSeconds(5), Duration.ofSeconds(5),
                    ProcessTree.Zombies.WAIT_UNTIL_REAPED);
            joinReaders();
            process = null;
            if (left.isEmpty()) {
                said.add("Stopped uvicorn; none of its processes is left.");
            } else {
                said.add("Stopped uvicorn, but " + left.size() + " of its processes would not end (pids "
                        + left.stream().map(h -> String.valueOf(h.pid())).toList() + ").");
            }
        }
        if (container != null) {
            stopContainer();
            said.add("Stopped and removed the FastAPI container.");
        }
        return said.isEmpty() ? null : String.join(" ", said);
    }

    private void showAt(FastApiAddress address) {
        endpoints(address.endpoints(), address.addresses(), Optional.empty());
    }

    private static String moduleFile(String app) {
        int colon = app.indexOf(':');
        String module = colon > 0 ? app.substring(0, colon) : app;
        return module.replace('.', '/') + ".py";
    }

    private static long seconds(Duration duration) {
        return Math.max(1, duration.toSeconds());
    }
}
