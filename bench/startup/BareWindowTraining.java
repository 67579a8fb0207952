package dev.aiworkbench.bench.startup;

import javafx.application.Platform;
import javafx.stage.Window;

import java.util.concurrent.atomic.AtomicBoolean;

/**
 * The bare window's AOT training run, made the way packaging/aot/AotTraining.java trains the app's cache, so both
 * sides of bench/startup.sh start with a cache of their own: it starts {@link BareWindowLauncher}, polls the FX
 * thread every half second until a window is showing, lets it run half a second more and exits, at which the JDK
 * writes the cache.
 */
public final class BareWindowTraining {
    private static final long TIMEOUT_MS = 120_000;
    private static final AtomicBoolean ENDING = new AtomicBoolean();

    private BareWindowTraining() {
    }

    public static void main(String[] args) {
        Thread watcher = new Thread(BareWindowTraining::exitWhenShowing, "bare-training-watcher");
        watcher.setDaemon(true);
        watcher.start();
        BareWindowLauncher.main(args);
    }

    private static void exitWhenShowing() {
        long deadline = System.currentTimeMillis() + TIMEOUT_MS;
        while (System.currentTimeMillis() < deadline) {
            sleep();
            try {
                Platform.runLater(() -> {
                    if (Window.getWindows().stream().anyMatch(Window::isShowing) && ENDING.compareAndSet(false, true)) {
                        new Thread(() -> {
                            sleep();
                            System.exit(0);
                        }).start();
                    }
                });
            } catch (IllegalStateException toolkitNotStartedYet) {
                // asked again on the next round
            }
        }
        System.out.println("bare-training: no window showed within " + TIMEOUT_MS / 1000 + " s");
        System.exit(1);
    }

    private static void sleep() {
        try {
            Thread.sleep(500);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
