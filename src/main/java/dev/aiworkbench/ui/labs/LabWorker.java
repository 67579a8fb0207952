package dev.aiworkbench.ui.labs;

import dev.aiworkbench.ui.common.Sentences;
import javafx.application.Platform;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Consumer;

/**
 * Runs the Labs screen's slow work (reading the catalog and results, starting, checking, solving, stopping) off the
 * FX thread and hands the outcome back on it. Threads are daemons and end when idle, so the screen keeps nothing
 * alive: the lab services themselves belong to the workbench, which stops them when the app closes.
 */
final class LabWorker {
    private static final Logger LOG = LoggerFactory.getLogger(LabWorker.class);

    private final ExecutorService pool = Executors.newCachedThreadPool(daemons());

    private static java.util.concurrent.ThreadFactory daemons() {
        AtomicInteger count = new AtomicInteger();
        return runnable -> {
            Thread thread = new Thread(runnable, "workbench-labs-" + count.incrementAndGet());
            thread.setDaemon(true);
            return thread;
        };
    }

    <T> void run(Callable<T> work, Consumer<T> onSuccess, Consumer<String> onFailure) {
        pool.execute(() -> {
            try {
                T result = work.call();
                Platform.runLater(() -> onSuccess.accept(result));
            } catch (Exception | LinkageError e) {
                Throwable cause = Sentences.cause(e);
                if (cause instanceof IllegalArgumentException || cause instanceof IllegalStateException) {
                    LOG.info("lab work refused: {}", cause.getMessage());
                } else {
                    LOG.warn("lab work failed", cause);
                }
                String sentence = sentence(cause);
                Platform.runLater(() -> onFailure.accept(sentence));
            }
        });
    }

    /** A failure as a sentence for the learner: the service's message, capitalised, with a full stop. */
    static String sentence(Throwable failure) {
        String text = failure.getMessage();
        if (text == null || text.isBlank()) {
            return "That did not work (" + failure.getClass().getSimpleName()
                    + "); the log in the data folder has the details.";
        }
        return Sentences.of(text);
    }
}
