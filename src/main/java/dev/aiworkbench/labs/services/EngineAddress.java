package dev.aiworkbench.labs.services;

import java.net.InetAddress;
import java.net.URI;
import java.net.UnknownHostException;
import java.util.Locale;

/**
 * Where a Docker engine's published ports are, seen from the machine the workbench runs on, and on which address
 * of the engine's machine they are published.
 *
 * <p>An engine on this machine (a socket, a named pipe, or TCP to a loopback address) publishes on that loopback
 * address only, and the learner reaches the services there. An engine on another machine (DOCKER_HOST=tcp://
 * build-box:2376, a team's build box) publishes on all of that machine's addresses, since a port published on its
 * loopback could not be reached from here, and the learner reaches the services at the engine's host name.
 *
 * @param host the host name or address to show and connect to
 * @param bind the address ports are published on, on the engine's machine
 */
public record EngineAddress(String host, String bind, boolean remote) {
    static final EngineAddress LOCAL = new EngineAddress(ContainerSupport.LOOPBACK, ContainerSupport.LOOPBACK, false);

    public static EngineAddress of(URI dockerHost) {
        String scheme = dockerHost.getScheme() == null ? "" : dockerHost.getScheme().toLowerCase(Locale.ROOT);
        String host = dockerHost.getHost();
        if (!(scheme.equals("tcp") || scheme.equals("http") || scheme.equals("https")) || host == null) {
            return LOCAL;
        }
        String bare = host.startsWith("[") && host.endsWith("]") ? host.substring(1, host.length() - 1) : host;
        if (bare.equalsIgnoreCase("localhost")) {
            return LOCAL;
        }
        if (isLoopbackLiteral(bare)) {
            return new EngineAddress(host, bare, false);
        }
        return new EngineAddress(host, "0.0.0.0", true);
    }

    /** An http URL on this host: {@code http://127.0.0.1:6333}. */
    public String url(int port) {
        return "http://" + host + ":" + port;
    }

    /** {@code host:port}, for gRPC addresses. */
    public String hostPort(int port) {
        return host + ":" + port;
    }

    /** Only an address written as numbers counts: a name is never looked up here. */
    private static boolean isLoopbackLiteral(String host) {
        if (!host.matches("[0-9.]+") && !host.contains(":")) {
            return false;
        }
        try {
            return InetAddress.getByName(host).isLoopbackAddress();
        } catch (UnknownHostException e) {
            return false;
        }
    }
}
