package dev.aiworkbench.labs.services;

import com.github.dockerjava.api.DockerClient;
import com.github.dockerjava.api.exception.NotFoundException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.BooleanSupplier;
import java.util.function.Consumer;
import java.util.function.Supplier;

/**
 * Downloads the images lab services need, one download per image however many services wait for it (Qdrant and
 * Ollama both need Ryuk), each waiter hearing its progress. A waiter that gives up (its service is stopped) stops
 * waiting at once; the download itself is cancelled when nobody waits for it any more.
 */
final class ImagePulls {
    private static final Logger LOG = LoggerFactory.getLogger(ImagePulls.class);
    private static final long POLL_MILLIS = 200;

    /** One download under way, and who hears it. */
    private static final class Shared {
        final CompletableFuture<ImagePullSnapshot> done = new CompletableFuture<>();
        final List<Consumer<ImagePullSnapshot>> hearers = new CopyOnWriteArrayList<>();
        volatile ImagePull pull;
        volatile boolean abandoned;
        int waiting;
    }

    private final Supplier<DockerEngine> engine;
    private final ExecutorService executor;
    private final Duration stall;
    private final Map<String, Shared> underway = new HashMap<>();

    ImagePulls(Supplier<DockerEngine> engine, ExecutorService executor, Duration stall) {
        this.engine = engine;
        this.executor = executor;
        this.stall = stall;
    }

    /** The images of the list the engine does not have, in the list's order. */
    List<String> absent(List<String> images) {
        try (DockerClient client = engine.get().client()) {
            return images.stream().filter(image -> !present(client, image)).toList();
        } catch (IOException e) {
            return images;
        }
    }

    static boolean present(DockerClient client, String image) {
        try {
            client.inspectImageCmd(image).exec();
            return true;
        } catch (NotFoundException e) {
            return false;
        }
    }

    /**
     * Downloads the image, or waits for the download another service started, hearing its progress.
     *
     * @param gaveUp asked several times a second: true ends the wait (the service is being stopped)
     * @throws InterruptedException when {@code gaveUp} said so or the thread was interrupted
     */
    ImagePullSnapshot pull(String image, Consumer<ImagePullSnapshot> progress, BooleanSupplier gaveUp)
            throws ImagePullException, InterruptedException {
        Shared shared;
        synchronized (underway) {
            shared = underway.get(image);
            if (shared == null) {
                shared = new Shared();
                underway.put(image, shared);
                start(image, shared);
            }
            shared.waiting++;
            shared.hearers.add(progress);
        }
        try {
            while (true) {
                if (gaveUp.getAsBoolean() || Thread.currentThread().isInterrupted()) {
                    throw new InterruptedException("stopped waiting for " + image);
                }
                try {
                    return shared.done.get(POLL_MILLIS, TimeUnit.MILLISECONDS);
                } catch (TimeoutException e) {
                    // still downloading
                } catch (ExecutionException e) {
                    if (e.getCause() instanceof ImagePullException failure) {
                        throw failure;
                    }
                    if (e.getCause() instanceof InterruptedException) {
                        throw new InterruptedException("the download of " + image + " was cancelled");
                    }
                    throw ImagePullException.fromEngine(image, String.valueOf(e.getCause().getMessage()));
                }
            }
        } finally {
            leave(image, shared, progress);
        }
    }

    private void start(String image, Shared shared) {
        executor.execute(() -> {
            try (DockerClient client = engine.get().client()) {
                ImagePull pull = new ImagePull(client, image, stall, snapshot -> {
                    for (Consumer<ImagePullSnapshot> hearer : shared.hearers) {
                        hearer.accept(snapshot);
                    }
                });
                shared.pull = pull;
                if (shared.abandoned) {
                    pull.cancel();
                }
                shared.done.complete(pull.run());
            } catch (ImagePullException | InterruptedException | RuntimeException e) {
                shared.done.completeExceptionally(e);
            } catch (IOException e) {
                LOG.debug("Closing a Docker client failed", e);
                shared.done.completeExceptionally(e);
            } finally {
                synchronized (underway) {
                    underway.remove(image, shared);
                }
            }
        });
    }

    private void leave(String image, Shared shared, Consumer<ImagePullSnapshot> progress) {
        boolean last;
        synchronized (underway) {
            shared.hearers.remove(progress);
            last = --shared.waiting == 0 && !shared.done.isDone();
            if (last) {
                shared.abandoned = true;
                underway.remove(image, shared);
            }
        }
        ImagePull pull = shared.pull;
        if (last && pull != null) {
            LOG.info("Nobody waits for {} any more: cancelling its download", image);
            pull.cancel();
        }
    }
}
