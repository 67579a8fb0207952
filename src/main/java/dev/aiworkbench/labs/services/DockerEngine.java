package dev.aiworkbench.labs.services;

import com.github.dockerjava.api.DockerClient;
import org.testcontainers.DockerClientFactory;
import org.testcontainers.dockerclient.DockerClientProviderStrategy;
import org.testcontainers.dockerclient.TransportConfig;

import java.net.URI;

/**
 * The Docker engine the lab containers run on, as the container library finds it (DOCKER_HOST, its own settings,
 * or the usual sockets), and where the learner reaches what it publishes ({@link EngineAddress}).
 *
 * <p>{@link #client()} gives a client of its own that does not start the library's helper container (Ryuk), so
 * images can be checked and downloaded, with progress, before the library needs them. Ask only once
 * {@code DockerProbe} found an engine: the library remembers a failed search for the life of the process.
 */
public final class DockerEngine {
    private final TransportConfig transport;

    private DockerEngine(TransportConfig transport) {
        this.transport = transport;
    }

    /** The engine the container library uses. */
    public static DockerEngine current() {
        return new DockerEngine(DockerClientFactory.instance().getTransportConfig());
    }

    /** Where the engine listens: {@code unix:///var/run/docker.sock}, {@code tcp://build-box:2375}. */
    public URI dockerHost() {
        return transport.getDockerHost();
    }

    public EngineAddress address() {
        return EngineAddress.of(dockerHost());
    }

    /** A new client to the engine (TLS and registry logins as the library has them); close it after use. */
    public DockerClient client() {
        return DockerClientProviderStrategy.getClientForConfig(transport);
    }
}
