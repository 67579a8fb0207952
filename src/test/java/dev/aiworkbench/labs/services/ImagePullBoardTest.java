package dev.aiworkbench.labs.services;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.github.dockerjava.api.model.PullResponseItem;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The progress arithmetic of image downloads, on event streams recorded from a Docker engine (20.10) pulling from
 * a local registry: one pull of an image whose first layer the engine already had, one of an image it had none of.
 */
class ImagePullBoardTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String IMAGE = "127.0.0.1:5055/pf/demo:2";

    @Test
    void aLayerTheEngineHasCountsAsDoneButNotAsBytes() throws IOException {
        List<PullResponseItem> events = recorded("docker-pull-events.jsonl");
        ImagePullBoard board = new ImagePullBoard(IMAGE);

        events.subList(0, 4).forEach(board::accept);
        ImagePullSnapshot queued = board.snapshot();
        assertThat(queued.phase()).isEqualTo(ImagePullSnapshot.Phase.DOWNLOADING);
        assertThat(queued.layers()).isEqualTo(3);
        assertThat(queued.layersDone()).isEqualTo(1);
        assertThat(queued.fraction()).isEmpty();
        assertThat(queued.describe()).isEqualTo("Downloading " + IMAGE + ": starting · 1 of 3 layers done");

        events.subList(4, 6).forEach(board::accept);
        ImagePullSnapshot moving = board.snapshot();
        assertThat(moving.bytesDone()).isEqualTo(36_564 + 36_565);
        assertThat(moving.bytesKnown()).isEqualTo(1_200_566 + 900_489);
        assertThat(moving.fraction().orElseThrow()).isBetween(0.034, 0.035);
        assertThat(moving.describe()).isEqualTo("Downloading " + IMAGE + ": 3% · 73.1 kB of 2.1 MB · 1 of 3 layers done");
        assertThat(moving.status()).isEqualTo("Pulling from pf/demo");
    }

    @Test
    void bytesOnlyGrowAndEndAtTheSizeOfTheDownloadedLayers() throws IOException {
        ImagePullBoard board = new ImagePullBoard(IMAGE);
        long before = 0;
        List<ImagePullSnapshot.Phase> phases = new ArrayList<>();
        for (PullResponseItem event : recorded("docker-pull-events.jsonl")) {
            board.accept(event);
            ImagePullSnapshot now = board.snapshot();
            assertThat(now.bytesDone()).isGreaterThanOrEqualTo(before).isLessThanOrEqualTo(now.bytesKnown());
            before = now.bytesDone();
            if (phases.isEmpty() || phases.getLast() != now.phase()) {
                phases.add(now.phase());
            }
        }
        ImagePullSnapshot done = board.snapshot();
        assertThat(done.phase()).isEqualTo(ImagePullSnapshot.Phase.DONE);
        assertThat(done.layersDone()).isEqualTo(3);
        assertThat(done.bytesDone()).isEqualTo(1_200_566 + 900_489).isEqualTo(done.bytesKnown());
        assertThat(done.status()).isEqualTo("Status: Downloaded newer image for " + IMAGE);
        assertThat(done.describe()).isEqualTo("Downloaded " + IMAGE + " (2.1 MB)");
        assertThat(phases).containsExactly(ImagePullSnapshot.Phase.ASKING, ImagePullSnapshot.Phase.DOWNLOADING,
                ImagePullSnapshot.Phase.UNPACKING, ImagePullSnapshot.Phase.DONE);
    }

    @Test
    void aFreshPullCountsEveryLayer() throws IOException {
        ImagePullBoard board = new ImagePullBoard("127.0.0.1:5055/pf/demo:1");
        recorded("docker-pull-events-fresh.jsonl").forEach(board::accept);
        ImagePullSnapshot done = board.snapshot();
        assertThat(done.layers()).isEqualTo(2);
        assertThat(done.layersDone()).isEqualTo(2);
        assertThat(done.bytesDone()).isEqualTo(600_360 + 1_500_638);
    }

    @Test
    void unpackingSaysSoAndAnAskingPullSaysWhatItWaitsFor() {
        ImagePullBoard board = new ImagePullBoard("qdrant/qdrant:v1.20.3");
        assertThat(board.snapshot().describe()).isEqualTo("Downloading qdrant/qdrant:v1.20.3: asking the registry"
                + " for it…");
        board.accept("v1.20.3", "Pulling from qdrant/qdrant", null, null);
        board.accept("aaa", "Downloading", 10L, 2_000_000L);
        board.accept("aaa", "Download complete", null, null);
        board.accept("aaa", "Extracting", 5L, 2_000_000L);
        ImagePullSnapshot unpacking = board.snapshot();
        assertThat(unpacking.phase()).isEqualTo(ImagePullSnapshot.Phase.UNPACKING);
        assertThat(unpacking.bytesDone()).isEqualTo(2_000_000);
        assertThat(unpacking.describe()).isEqualTo("Unpacking qdrant/qdrant:v1.20.3 (2.0 MB downloaded) · 0 of 1"
                + " layers done");
    }

    private static List<PullResponseItem> recorded(String name) throws IOException {
        try (InputStream in = ImagePullBoardTest.class.getResourceAsStream(name)) {
            assertThat(in).as(name).isNotNull();
            List<PullResponseItem> items = new ArrayList<>();
            for (String line : new String(in.readAllBytes(), StandardCharsets.UTF_8).lines().toList()) {
                items.add(JSON.readValue(line, PullResponseItem.class));
            }
            return items;
        }
    }
}
