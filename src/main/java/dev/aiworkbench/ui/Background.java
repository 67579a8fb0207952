package dev.aiworkbench.ui;

import javafx.application.Platform;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;

/**
 * Runs disk and database work off the FX thread, one job at a time (SQLite serialises writers
 * anyway, and a single worker keeps the learner's changes in the order they made them), and hands
 * results back on the FX thread.
 */
public final class Background implements AutoCloseable {
    private final ExecutorService worker;

    public Background() {
        this("workbench-io");
    }

    public Background(String threadName) {
        this.worker = Executors.newSingleThreadExecutor(runnable -> {
            Thread thread = new Thread(runnable, threadName);
            thread.setDaemon(true);
            return thread;
        });
    }

    public <T> void run(Callable<T> work, Consumer<T> onSuccess, Consumer<Throwable> onFailure) {
        worker.execute(() -> {
            try {
                T result = work.call();
                Platform.runLater(() -> onSuccess.accept(result));
            } catch (Exception | LinkageError e) {
                if (e instanceof dev.aiworkbench.llm.ModelServerException || e instanceof IllegalArgumentException) {
                    log().info("background work refused: {}", e.getMessage());
                } else {
                    log().warn("background work failed", e);
                }
                Platform.runLater(() -> onFailure.accept(e));
            }
        });
    }

    /** Looked up when needed: starting the logging system costs the first window a fifth of a second. */
    private static Logger log() {
        return LoggerFactory.getLogger(Background.class);
    }

    /** Waits for queued writes so nothing the learner did is lost on exit. */
    @Override
    public void close() {
        worker.shutdown();
        try {
            if (!worker.awaitTermination(5, TimeUnit.SECONDS)) {
                log().warn("background work still running at exit");
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
