package dev.aiworkbench.labs.services;

import com.github.dockerjava.api.command.CreateContainerCmd;
import com.github.dockerjava.api.model.AccessMode;
import com.github.dockerjava.api.model.Bind;
import com.github.dockerjava.api.model.ExposedPort;
import com.github.dockerjava.api.model.HostConfig;
import com.github.dockerjava.api.model.Ports;
import com.github.dockerjava.api.model.Volume;
import dev.aiworkbench.labs.definition.ServiceType;
import org.testcontainers.containers.GenericContainer;
import org.testcontainers.containers.output.OutputFrame;
import org.testcontainers.containers.wait.strategy.WaitStrategy;
import org.testcontainers.containers.wait.strategy.WaitStrategyTarget;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Consumer;

/** What the container services share: ports on 127.0.0.1 only, volumes, labels, log lines, failure sentences. */
final class ContainerSupport {
    static final String LOOPBACK = "127.0.0.1";
    /** Labels on every container the workbench starts, so a test or a person can find them. */
    static final String LAB_LABEL = "dev.aiworkbench.lab";
    static final String SERVICE_LABEL = "dev.aiworkbench.service";
    /** Keeps pip's downloads between FastAPI container starts. */
    static final String PIP_CACHE_VOLUME = "ai-workbench-pip-cache";

    private ContainerSupport() {
    }

    /** Labels the container with its lab and service. */
    static void label(GenericContainer<?> container, String labId, ServiceType type) {
        container.withLabel(LAB_LABEL, labId).withLabel(SERVICE_LABEL, type.id());
    }

    /**
     * Publishes every exposed port on the engine's bind address (127.0.0.1 for an engine on this machine, where
     * Testcontainers would publish on every interface; see {@link EngineAddress}), on the port the previous run of
     * the service used when it is given and still free, else on a random one; and mounts the given named volumes
     * or host folders.
     *
     * @param preferred container port → host port to ask for
     * @param mounts    volume name or absolute host path → path in the container
     */
    static Consumer<CreateContainerCmd> modifier(EngineAddress engine, Map<Integer, Integer> preferred,
                                                 Map<String, String> mounts) {
        return command -> {
            HostConfig host = command.getHostConfig() == null ? new HostConfig() : command.getHostConfig();
            Ports ports = new Ports();
            ExposedPort[] exposed = command.getExposedPorts() == null ? new ExposedPort[0] : command.getExposedPorts();
            for (ExposedPort port : exposed) {
                Integer wanted = preferred.get(port.getPort());
                // a remote engine's ports cannot be looked at from here: ask, and a clash retries on new ones
                boolean ask = wanted != null && (engine.remote() || FreePorts.isFree(wanted));
                ports.bind(port, ask ? Ports.Binding.bindIpAndPort(engine.bind(), wanted)
                        : Ports.Binding.bindIp(engine.bind()));
            }
            host.withPortBindings(ports);
            if (!mounts.isEmpty()) {
                List<Bind> binds = new ArrayList<>(host.getBinds() == null ? List.of() : Arrays.asList(host.getBinds()));
                mounts.forEach((source, target) -> binds.add(new Bind(source, new Volume(target), AccessMode.rw)));
                host.withBinds(binds);
            }
            command.withHostConfig(host);
        };
    }

    /** The host ports the container got, to ask for again on the next start. */
    static Map<Integer, Integer> mappedPorts(GenericContainer<?> container, int... containerPorts) {
        Map<Integer, Integer> mapped = new LinkedHashMap<>();
        for (int port : containerPorts) {
            mapped.put(port, container.getMappedPort(port));
        }
        return mapped;
    }

    /** Hands a container's output to the service's log, a line at a time (frames may split or join lines). */
    static Consumer<OutputFrame> logConsumer(LabService service) {
        StringBuilder[] partial = {new StringBuilder(), new StringBuilder()};
        return frame -> {
            if (frame == null || frame.getType() == null || frame.getType() == OutputFrame.OutputType.END) {
                return;
            }
            boolean err = frame.getType() == OutputFrame.OutputType.STDERR;
            LogLine.Source source = err ? LogLine.Source.STDERR : LogLine.Source.STDOUT;
            StringBuilder buffer = partial[err ? 1 : 0];
            synchronized (buffer) {
                buffer.append(frame.getUtf8String());
                int newline;
                while ((newline = buffer.indexOf("\n")) >= 0) {
                    String line = buffer.substring(0, newline);
                    buffer.delete(0, newline + 1);
                    service.log(source, stripReturn(line));
                }
                if (buffer.length() > 16_384) { // a line without an end: show what came so far
                    service.log(source, buffer.toString());
                    buffer.setLength(0);
                }
            }
        };
    }

    private static String stripReturn(String line) {
        return line.endsWith("\r") ? line.substring(0, line.length() - 1) : line;
    }

    /** A wait strategy that returns at once: the service polls the app itself and can see the container exit. */
    static WaitStrategy noWait() {
        return new WaitStrategy() {
            @Override
            public void waitUntilReady(WaitStrategyTarget target) {
            }

            @Override
            public WaitStrategy withStartupTimeout(Duration startupTimeout) {
                return this;
            }
        };
    }

    /** A sentence for a failed container start, with what to do. */
    static String[] describe(String what, String image, Throwable failure) {
        String text = chain(failure);
        String lower = text.toLowerCase(Locale.ROOT);
        if (lower.contains("previous attempts to find a docker environment failed")) {
            return new String[]{what + " could not start: Docker was not reachable earlier in this session, and the"
                    + " container library does not try again once it failed.",
                    "Quit and reopen the workbench now that Docker runs."};
        }
        if (lower.contains("can't get docker image") || lower.contains("pull") || lower.contains("manifest")
                || lower.contains("no such image")) {
            return new String[]{what + " could not start: Docker could not download the image " + image + " ("
                    + shorten(text) + ").",
                    "The first start downloads it, which needs network access: connect, or pull it beforehand with"
                            + " `docker pull " + image + "`, then press Start again."};
        }
        if (lower.contains("port is already allocated") || lower.contains("address already in use")) {
            return new String[]{what + " could not start: a port it needs is taken (" + shorten(text) + ").",
                    "Press Start again: the workbench then picks another free port."};
        }
        return new String[]{what + " could not start in Docker (" + shorten(text) + ").",
                "Look at its log below; check that Docker runs (`docker info`), then press Start again."};
    }

    private static String chain(Throwable failure) {
        StringBuilder text = new StringBuilder();
        for (Throwable t = failure; t != null && text.length() < 2000; t = t.getCause()) {
            if (t.getMessage() != null) {
                text.append(text.isEmpty() ? "" : ": ").append(t.getMessage());
            }
            if (t.getCause() == t) {
                break;
            }
        }
        return text.isEmpty() ? failure.getClass().getSimpleName() : text.toString();
    }

    private static String shorten(String text) {
        String one = text.replaceAll("\\s+", " ").strip();
        return one.length() > 300 ? one.substring(0, 297) + "..." : one;
    }
}
