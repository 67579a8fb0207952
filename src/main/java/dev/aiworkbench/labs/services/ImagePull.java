package dev.aiworkbench.labs.services;

import com.github.dockerjava.api.DockerClient;
import com.github.dockerjava.api.async.ResultCallback;
import com.github.dockerjava.api.model.PullResponseItem;
import com.github.dockerjava.api.model.ResponseItem;
import org.testcontainers.utility.DockerImageName;

import java.io.IOException;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;

/**
 * One download of one image through the engine's API ({@code POST /images/create}, what {@code docker pull} does),
 * with its progress events handed to a consumer. It ends when the image is there, when the engine reports an
 * error, when no event came for the stall limit (a registry that cannot be reached often answers nothing at all),
 * or when it is cancelled: closing the stream makes the engine give the download up.
 */
final class ImagePull {
    private static final long POLL_MILLIS = 200;

    private final DockerClient client;
    private final String image;
    private final Duration stall;
    private final Consumer<ImagePullSnapshot> progress;
    private final ImagePullBoard board;
    private volatile boolean cancelled;
    private volatile Events events;

    ImagePull(DockerClient client, String image, Duration stall, Consumer<ImagePullSnapshot> progress) {
        this.client = client;
        this.image = image;
        this.stall = stall;
        this.progress = progress;
        this.board = new ImagePullBoard(image);
    }

    /**
     * Downloads the image and returns when the engine has it.
     *
     * @throws ImagePullException   the engine could not get it, or nothing came for the stall limit
     * @throws InterruptedException cancelled, or the thread was interrupted
     */
    ImagePullSnapshot run() throws ImagePullException, InterruptedException {
        DockerImageName name = DockerImageName.parse(image);
        Events stream = new Events();
        events = stream;
        try {
            client.pullImageCmd(name.getUnversionedPart()).withTag(name.getVersionPart()).exec(stream);
            while (!stream.awaitEnd(POLL_MILLIS)) {
                if (cancelled || Thread.currentThread().isInterrupted()) {
                    throw new InterruptedException("the download of " + image + " was cancelled");
                }
                if (System.nanoTime() - stream.lastEvent > stall.toNanos()) {
                    throw ImagePullException.stalled(image, stall);
                }
            }
            if (cancelled) {
                throw new InterruptedException("the download of " + image + " was cancelled");
            }
            if (stream.failure != null) {
                throw ImagePullException.fromEngine(image, stream.failure);
            }
            return board.snapshot();
        } finally {
            stream.closeQuietly();
        }
    }

    /** Gives the download up; {@link #run()} returns within a fraction of a second. */
    void cancel() {
        cancelled = true;
        Events stream = events;
        if (stream != null) {
            stream.closeQuietly();
        }
    }

    /** The engine's progress stream: each event moves the board; the first error is kept. */
    private final class Events extends ResultCallback.Adapter<PullResponseItem> {
        volatile long lastEvent = System.nanoTime();
        volatile String failure;
        private volatile boolean ended;

        @Override
        public void onNext(PullResponseItem item) {
            lastEvent = System.nanoTime();
            if (item.isErrorIndicated()) {
                ResponseItem.ErrorDetail detail = item.getErrorDetail();
                failure = detail != null && detail.getMessage() != null ? detail.getMessage() : item.getError();
                return;
            }
            board.accept(item);
            progress.accept(board.snapshot());
        }

        @Override
        public void onError(Throwable throwable) {
            if (failure == null) {
                failure = throwable.getMessage() == null ? throwable.toString() : throwable.getMessage();
            }
            ended = true;
            closeQuietly();
        }

        @Override
        public void onComplete() {
            ended = true;
            super.onComplete();
        }

        boolean awaitEnd(long millis) throws InterruptedException {
            if (ended) {
                return true;
            }
            awaitCompletion(millis, TimeUnit.MILLISECONDS);
            return ended;
        }

        void closeQuietly() {
            try {
                close();
            } catch (IOException e) {
                // the stream is gone either way
            }
        }
    }
}
