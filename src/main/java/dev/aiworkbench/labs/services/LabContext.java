package dev.aiworkbench.labs.services;

import dev.aiworkbench.labs.definition.ServiceType;

import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.ScheduledExecutorService;
import java.util.function.Function;

/** What the services of one lab run share. */
final class LabContext {
    /** Makes the context of a lab, given how its services find each other. */
    interface Factory {
        LabContext make(String labId, Function<ServiceType, Optional<LabService>> peers, Halt halt);
    }

    /** Stops the lab's other services when one cannot start for a reason that dooms the lab (an image it lacks). */
    @FunctionalInterface
    interface Halt {
        void because(LabService failed, String sentence);
    }

    final String labId;
    final LabServicesSettings settings;
    final Path workspace;
    final ExecutorService executor;
    final ScheduledExecutorService scheduler;
    final HttpProbe http;
    final ImagePulls images;
    final Halt halt;
    final LabNetwork network = new LabNetwork();
    private final Function<ServiceType, Optional<LabService>> peers;

    LabContext(String labId, LabServicesSettings settings, Path workspace, ExecutorService executor,
               ScheduledExecutorService scheduler, HttpProbe http, ImagePulls images,
               Function<ServiceType, Optional<LabService>> peers, Halt halt) {
        this.labId = labId;
        this.settings = settings;
        this.workspace = workspace;
        this.executor = executor;
        this.scheduler = scheduler;
        this.http = http;
        this.images = images;
        this.peers = peers;
        this.halt = halt;
    }

    Map<String, String> environment() {
        return settings.environment();
    }

    Optional<LabService> peer(ServiceType type) {
        return peers.apply(type);
    }

    /**
     * The variables the learner's FastAPI app gets to reach the lab's other services: QDRANT_URL, QDRANT_API_KEY,
     * OLLAMA_HOST, OLLAMA_MODEL, OLLAMA_EMBED_MODEL, and WORKBENCH_LAB.
     *
     * @param fromContainer the app runs in a container (addresses inside the lab's Docker network)
     */
    Map<String, String> appEnvironment(boolean fromContainer) {
        Map<String, String> values = new LinkedHashMap<>();
        values.put("WORKBENCH_LAB", labId);
        for (ServiceType type : ServiceType.values()) {
            if (type != ServiceType.FASTAPI) {
                peer(type).ifPresent(service -> values.putAll(service.appEnvironment(fromContainer)));
            }
        }
        return values;
    }

    /**
     * A name Docker accepts for a volume of this lab and this data folder: volumes are global to the engine, and
     * another data folder (another install, {@code --data-dir}, a test) must not see this one's collections.
     */
    String volumeName(String prefix) {
        String folder = settings.dataFolder().toAbsolutePath().normalize().toString();
        try {
            byte[] digest = java.security.MessageDigest.getInstance("SHA-256")
                    .digest(folder.getBytes(java.nio.charset.StandardCharsets.UTF_8));
            return prefix + "-" + labId.toLowerCase(java.util.Locale.ROOT).replaceAll("[^a-z0-9_.-]", "-") + "-"
                    + java.util.HexFormat.of().formatHex(digest, 0, 4);
        } catch (java.security.NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java has SHA-256", e);
        }
    }
}
