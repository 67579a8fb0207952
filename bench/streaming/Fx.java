package dev.aiworkbench.bench.streaming;

import javafx.application.Platform;

import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.FutureTask;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * The JavaFX toolkit, headless: Monocle's Headless platform with the software renderer, the same
 * settings the test suite uses (pom.xml, surefire). Pulses run at the toolkit's normal rate (every
 * 16 ms), as on a screen, so layout and rendering of a shown window cost the FX thread what they
 * would in the app.
 */
final class Fx {
    private Fx() {
    }

    /** Starts the toolkit once; returns when the FX thread runs. */
    static void startHeadless() throws InterruptedException {
        setIfAbsent("glass.platform", "Monocle");
        setIfAbsent("monocle.platform", "Headless");
        setIfAbsent("prism.order", "sw");
        setIfAbsent("prism.text", "t2k");
        setIfAbsent("java.awt.headless", "true");
        CountDownLatch up = new CountDownLatch(1);
        Platform.startup(up::countDown);
        if (!up.await(30, TimeUnit.SECONDS)) {
            throw new IllegalStateException("the JavaFX toolkit did not start within 30 s");
        }
        Platform.setImplicitExit(false);
    }

    private static void setIfAbsent(String key, String value) {
        if (System.getProperty(key) == null) {
            System.setProperty(key, value);
        }
    }

    /** Runs the task on the FX thread and waits for it (at most 30 s). */
    static <T> T call(Callable<T> task) {
        FutureTask<T> future = new FutureTask<>(task);
        Platform.runLater(future);
        try {
            return future.get(30, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        } catch (ExecutionException e) {
            throw new IllegalStateException("FX task failed: " + e.getCause(), e.getCause());
        } catch (TimeoutException e) {
            throw new IllegalStateException("the FX thread did not run a task within 30 s", e);
        }
    }

    static void run(Runnable task) {
        call(() -> {
            task.run();
            return null;
        });
    }

    /** Returns once everything posted to the FX thread before this call has run. */
    static void drain() {
        run(() -> { });
    }
}
