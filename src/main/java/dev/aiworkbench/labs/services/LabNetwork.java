package dev.aiworkbench.labs.services;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.testcontainers.containers.Network;

/**
 * The Docker network a lab's containers share, so a FastAPI container reaches Qdrant at {@code qdrant:6333} and
 * Ollama at {@code ollama:11434}. Made on first use (only after Docker was found running), removed when the lab
 * stops; Ryuk removes it after a crash.
 */
final class LabNetwork {
    private static final Logger LOG = LoggerFactory.getLogger(LabNetwork.class);
    private Network network;

    synchronized Network get() {
        if (network == null) {
            network = Network.newNetwork();
        }
        return network;
    }

    synchronized void close() {
        if (network != null) {
            try {
                network.close();
            } catch (RuntimeException e) {
                LOG.warn("Could not remove a lab's Docker network: {}", e.getMessage());
            }
            network = null;
        }
    }
}
