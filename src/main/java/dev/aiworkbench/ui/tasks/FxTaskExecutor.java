package dev.aiworkbench.ui.tasks;

import dev.aiworkbench.llm.ModelServerException;
import dev.aiworkbench.ui.common.Sentences;
import javafx.application.Platform;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Consumer;

/** Runs work on daemon threads and hands outcomes to the FX thread with {@link Platform#runLater}. */
public final class FxTaskExecutor implements TaskExecutor, AutoCloseable {
    private final ExecutorService threads;

    private FxTaskExecutor(ExecutorService threads) {
        this.threads = threads;
    }

    /**
     * One job at a time, in the order they were started: for writes, since SQLite serialises writers anyway and a
     * single worker keeps the learner's changes in the order they made them.
     */
    public static FxTaskExecutor serial(String threadName) {
        return new FxTaskExecutor(Executors.newSingleThreadExecutor(daemons(threadName)));
    }

    /** As many jobs at once as are started: for long work (a lab starting) that must not queue behind another. */
    public static FxTaskExecutor pooled(String threadName) {
        return new FxTaskExecutor(Executors.newCachedThreadPool(daemons(threadName)));
    }

    private static ThreadFactory daemons(String name) {
        AtomicInteger count = new AtomicInteger();
        return runnable -> {
            Thread thread = new Thread(runnable, name + "-" + count.incrementAndGet());
            thread.setDaemon(true);
            return thread;
        };
    }

    /**
     * Work started once the executor is closed is dropped: the app is closing, and a last outcome handed to the FX
     * thread (a write's fresh snapshot) may still start a read on the way out.
     */
    @Override
    public <T> void run(Callable<T> work, Consumer<? super T> onSuccess, Consumer<Throwable> onFailure) {
        try {
            threads.execute(() -> runOnThisThread(work, onSuccess, onFailure));
        } catch (RejectedExecutionException closed) {
            log().info("background work started after closing was dropped");
        }
    }

    private static <T> void runOnThisThread(Callable<T> work, Consumer<? super T> onSuccess,
                                            Consumer<Throwable> onFailure) {
        try {
            T result = work.call();
            Platform.runLater(() -> onSuccess.accept(result));
        } catch (Exception | LinkageError e) {
            Throwable cause = Sentences.cause(e);
            if (refusal(cause)) {
                log().info("background work refused: {}", cause.getMessage());
            } else {
                log().warn("background work failed", cause);
            }
            Platform.runLater(() -> onFailure.accept(cause));
        }
    }

    @Override
    public void publish(Runnable update) {
        Platform.runLater(update);
    }

    /** A refusal is an answer the learner can act on (bad input, a server that says no), not a bug to log loudly. */
    private static boolean refusal(Throwable cause) {
        return cause instanceof IllegalArgumentException || cause instanceof IllegalStateException
                || cause instanceof ModelServerException;
    }

    /** Looked up when needed: starting the logging system costs the first window a fifth of a second. */
    private static Logger log() {
        return LoggerFactory.getLogger(FxTaskExecutor.class);
    }

    /** Takes no new work from now on, without waiting for what runs; {@link #close()} waits for it. */
    public void shutdown() {
        threads.shutdown();
    }

    /** Waits a moment for queued work (writes) so nothing the learner did is lost on exit. */
    @Override
    public void close() {
        threads.shutdown();
        try {
            if (!threads.awaitTermination(5, TimeUnit.SECONDS)) {
                log().warn("background work still running at exit");
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
