package dev.aiworkbench.labs.services;

import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * A registry that takes connections and never answers, on 127.0.0.1: what a learner behind a proxy that swallows
 * traffic meets. Docker reaches it (the engine runs on this machine) and waits; the workbench must not.
 */
final class SilentRegistry implements AutoCloseable {
    private final ServerSocket server;
    private final List<Socket> held = new CopyOnWriteArrayList<>();

    SilentRegistry() throws IOException {
        server = new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
        Thread.ofPlatform().daemon().name("silent-registry").start(() -> {
            while (!server.isClosed()) {
                try {
                    held.add(server.accept());
                } catch (IOException e) {
                    return;
                }
            }
        });
    }

    /** An image name on this registry: {@code 127.0.0.1:<port>/<path>}. */
    String image(String path) {
        return "127.0.0.1:" + server.getLocalPort() + "/" + path;
    }

    /** How many connections the engine opened so far. */
    int connections() {
        return held.size();
    }

    @Override
    public void close() throws IOException {
        server.close();
        for (Socket socket : held) {
            socket.close();
        }
    }
}
