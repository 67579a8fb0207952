package dev.aiworkbench.testing.standin.ryuk;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import java.io.IOException;
import java.io.PrintStream;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * Removes what matches the filters, as Ryuk does: containers first (forced, with their anonymous volumes), then
 * networks and volumes, which the engine refuses to remove while a container still uses them. A refusal is tried
 * again a few times, since a removed container can take a moment to let go of its network.
 */
final class Reaper {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final int ATTEMPTS = 10;

    private final DockerSocket engine;
    private final Duration retryDelay;
    private final PrintStream log;

    Reaper(DockerSocket engine, Duration retryDelay, PrintStream log) {
        this.engine = engine;
        this.retryDelay = retryDelay;
        this.log = log;
    }

    /** What was removed, by kind, and what could not be. */
    record Removed(int containers, int networks, int volumes, List<String> failures) {
    }

    Removed prune(List<PruneFilter> filters) throws IOException, InterruptedException {
        Set<String> containers = new LinkedHashSet<>();
        Set<String> networks = new LinkedHashSet<>();
        Set<String> volumes = new LinkedHashSet<>();
        for (PruneFilter filter : filters) {
            list("/containers/json?all=1&" + filter.query(), "Id", containers);
            list("/networks?" + filter.query(), "Id", networks);
            JsonNode listed = get("/volumes?" + filter.query()).path("Volumes");
            listed.forEach(v -> volumes.add(v.path("Name").asText()));
        }
        List<String> failures = new java.util.ArrayList<>();
        int removedContainers = remove("/containers/", "?force=1&v=1", containers, failures);
        int removedNetworks = remove("/networks/", "", networks, failures);
        int removedVolumes = remove("/volumes/", "?force=1", volumes, failures);
        Removed removed = new Removed(removedContainers, removedNetworks, removedVolumes, List.copyOf(failures));
        log.println("Removed " + removed.containers() + " container(s), " + removed.networks() + " network(s), "
                + removed.volumes() + " volume(s)" + (failures.isEmpty() ? "" : "; not removed: " + failures));
        return removed;
    }

    private void list(String path, String field, Set<String> into) throws IOException {
        get(path).forEach(item -> into.add(item.path(field).asText()));
    }

    private JsonNode get(String path) throws IOException {
        DockerSocket.Response response = engine.send("GET", path);
        if (!response.ok()) {
            throw new IOException("GET " + path + " answered " + response.status() + ": " + response.body().strip());
        }
        return JSON.readTree(response.body());
    }

    private int remove(String prefix, String query, Set<String> ids, List<String> failures)
            throws IOException, InterruptedException {
        int removed = 0;
        for (String id : ids) {
            String path = prefix + URLEncoder.encode(id, StandardCharsets.UTF_8) + query;
            DockerSocket.Response response = engine.send("DELETE", path);
            for (int attempt = 1; attempt < ATTEMPTS && !response.ok() && response.status() != 404; attempt++) {
                Thread.sleep(retryDelay.toMillis());
                response = engine.send("DELETE", path);
            }
            if (response.ok()) {
                removed++;
            } else if (response.status() != 404) {
                failures.add("DELETE " + path + " answered " + response.status() + ": " + response.body().strip());
            }
        }
        return removed;
    }
}
