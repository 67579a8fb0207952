package dev.aiworkbench.labs.services;

import com.github.dockerjava.api.model.PullResponseItem;
import com.github.dockerjava.api.model.ResponseItem;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;

/**
 * An image pull so far, from the engine's progress events ({@code docker pull}'s own stream): each layer's status
 * and, once it starts downloading, its size and the bytes that came. Events arrive on the pull's thread; a
 * {@link #snapshot()} copies the state out for a progress bar or a line on the terminal.
 *
 * <p>Bytes count downloads only: a layer the engine already has ("Already exists") adds nothing, a layer past
 * its download ("Verifying Checksum", "Download complete", "Extracting", "Pull complete") counts in full. A layer's
 * size is known once it reports its first "Downloading", so the total grows while the pull goes on.
 */
final class ImagePullBoard {
    private static final Set<String> QUEUED = Set.of("Pulling fs layer", "Waiting");
    private static final Set<String> DOWNLOADED = Set.of("Verifying Checksum", "Download complete", "Extracting",
            "Pull complete");
    private static final Set<String> DONE = Set.of("Pull complete", "Already exists");

    private record Layer(String status, long current, long total) {
    }

    private final String image;
    private final Map<String, Layer> layers = new LinkedHashMap<>();
    private String status = "";
    private boolean finished;

    ImagePullBoard(String image) {
        this.image = image;
    }

    /**
     * One event of the engine's stream.
     *
     * @param id      the layer's short id, or the tag for the first line, or null for the closing lines
     * @param current bytes so far of the step the status names, when the event carries them
     * @param total   the step's size in bytes, when the event carries it
     */
    synchronized void accept(String id, String status, Long current, Long total) {
        if (status == null || status.isBlank()) {
            return;
        }
        if (id == null || !isLayerStatus(status)) {
            this.status = status;
            // the engine's closing lines: "Digest: sha256:…", then "Status: Downloaded newer image for …"
            finished |= status.startsWith("Status:") || status.startsWith("Digest:");
            return;
        }
        Layer before = layers.get(id);
        long size = before == null ? 0 : before.total();
        long done = before == null ? 0 : before.current();
        if (status.equals("Downloading")) {
            size = total != null && total > 0 ? total : size;
            done = current != null ? current : done;
        } else if (DOWNLOADED.contains(status)) {
            done = size;
        }
        layers.put(id, new Layer(status, done, size));
    }

    private static boolean isLayerStatus(String status) {
        return QUEUED.contains(status) || DOWNLOADED.contains(status) || DONE.contains(status)
                || status.equals("Downloading") || status.startsWith("Retrying");
    }

    /** One event as docker-java reads it from the engine's stream. */
    void accept(PullResponseItem item) {
        ResponseItem.ProgressDetail detail = item.getProgressDetail();
        accept(item.getId(), item.getStatus(), detail == null ? null : detail.getCurrent(),
                detail == null ? null : detail.getTotal());
    }

    synchronized ImagePullSnapshot snapshot() {
        int done = 0;
        int downloading = 0;
        int fetched = 0;
        long bytes = 0;
        long size = 0;
        for (Layer layer : layers.values()) {
            if (DONE.contains(layer.status())) {
                done++;
            }
            if (QUEUED.contains(layer.status()) || layer.status().equals("Downloading")
                    || layer.status().startsWith("Retrying")) {
                downloading++;
            }
            if (DOWNLOADED.contains(layer.status())) {
                fetched++;
            }
            if (!layer.status().equals("Already exists")) {
                bytes += Math.min(layer.current(), layer.total());
                size += layer.total();
            }
        }
        // Layers are named one by one: a first one the engine already has does not make the pull done.
        ImagePullSnapshot.Phase phase = finished ? ImagePullSnapshot.Phase.DONE
                : layers.isEmpty() ? ImagePullSnapshot.Phase.ASKING
                : downloading > 0 || fetched == 0 ? ImagePullSnapshot.Phase.DOWNLOADING
                : ImagePullSnapshot.Phase.UNPACKING;
        return new ImagePullSnapshot(image, phase, layers.size(), done, bytes, size, status);
    }
}
