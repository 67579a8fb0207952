package dev.aiworkbench.bench.startup;

import javafx.application.Platform;
import javafx.collections.ListChangeListener;
import javafx.scene.Scene;
import javafx.stage.Window;

import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.lang.management.RuntimeMXBean;
import java.lang.reflect.InvocationTargetException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * Measures start-up from inside the process, then ends it.
 *
 * <pre>
 * StartupProbe [--ready SELECTOR] [--fail SELECTOR] [--timeout SECONDS] [--cpu-by-thread] MAIN_CLASS [ARGS...]
 * </pre>
 *
 * A daemon thread waits for the JavaFX toolkit and then, on the FX thread, for the first window to
 * be showing. It adds a post-layout pulse listener to that window's scene; once the first pulse
 * after showing has run, the JVM uptime is recorded as {@code window}. With {@code --ready}, the
 * uptime after the first pulse in which {@code scene.lookup(SELECTOR)} finds a node is recorded as
 * {@code ready}; without it, ready = window. The probe prints {@code window=<ms> ready=<ms>} and
 * exits with status 0. It exits with 3 (printing why) when the {@code --fail} selector shows up
 * first, and with 2 after the timeout (60 s unless given).
 *
 * <p>With {@code --cpu-by-thread} (Linux) it also prints the CPU time each thread used between window and ready,
 * threads of one name summed: {@code cpu-ms <name>=<ms> ... total=<ms>}, from {@code /proc/self/task/<id>/schedstat}
 * read at the two points. A profiler slows a start this short by half or more; these counters cost nothing until read.
 *
 * <p>The real main class is called on the main thread after the watcher starts, exactly as the
 * java launcher would call it.
 */
public final class StartupProbe {
    private static volatile RuntimeMXBean runtime;
    private static String readySelector;
    private static String failSelector;

    private static final AtomicBoolean attachedToWindow = new AtomicBoolean();
    private static final AtomicBoolean finished = new AtomicBoolean();
    private static long windowMs = -1;
    private static boolean windowPending;
    private static boolean readyPending;
    private static ThreadCpu threadCpu;

    private StartupProbe() {
    }

    public static void main(String[] args) throws Throwable {
        List<String> rest = new ArrayList<>(Arrays.asList(args));
        long timeoutSeconds = 60;
        while (!rest.isEmpty() && rest.get(0).startsWith("--")) {
            String option = rest.remove(0);
            if (option.equals("--cpu-by-thread")) {
                threadCpu = new ThreadCpu();
                continue;
            }
            if (rest.isEmpty()) {
                usage("missing value for " + option);
            }
            switch (option) {
                case "--ready" -> readySelector = rest.remove(0);
                case "--fail" -> failSelector = rest.remove(0);
                case "--timeout" -> timeoutSeconds = Long.parseLong(rest.remove(0));
                default -> usage("unknown option " + option);
            }
        }
        if (rest.isEmpty()) {
            usage("missing main class");
        }
        String mainClass = rest.remove(0);
        String[] mainArgs = rest.toArray(String[]::new);

        long timeoutMillis = timeoutSeconds * 1000;
        Thread watcher = new Thread(() -> watch(timeoutMillis), "startup-probe");
        watcher.setDaemon(true);
        watcher.start();

        try {
            Class.forName(mainClass).getMethod("main", String[].class).invoke(null, (Object) mainArgs);
        } catch (InvocationTargetException e) {
            throw e.getCause();
        }
        if (!finished.get()) {
            System.err.println("startup-probe: " + mainClass + ".main returned before a window was measured");
            System.out.flush();
            System.exit(4);
        }
    }

    private static void usage(String problem) {
        System.err.println("startup-probe: " + problem + "\nusage: StartupProbe [--ready SELECTOR] [--fail SELECTOR]"
                + " [--timeout SECONDS] [--cpu-by-thread] MAIN_CLASS [ARGS...]");
        System.exit(64);
    }

    /** Waits for the FX toolkit (Platform.runLater refuses work until it is up), then attaches. */
    private static void watch(long timeoutMillis) {
        long deadline = System.nanoTime() + timeoutMillis * 1_000_000;
        runtime = ManagementFactory.getRuntimeMXBean();
        while (true) {
            try {
                Platform.runLater(StartupProbe::attach);
                break;
            } catch (IllegalStateException toolkitNotStarted) {
                if (System.nanoTime() > deadline) {
                    exit(2, "startup-probe: timed out waiting for the JavaFX toolkit");
                    return;
                }
                sleep(1);
            }
        }
        long left = (deadline - System.nanoTime()) / 1_000_000;
        if (left > 0) {
            sleep(left);
        }
        exit(2, "startup-probe: timed out after " + timeoutMillis / 1000 + " s (window=" + windowMs + ")");
    }

    /** On the FX thread: watch every window there is or will be. */
    private static void attach() {
        Window.getWindows().addListener((ListChangeListener<Window>) change -> {
            while (change.next()) {
                change.getAddedSubList().forEach(StartupProbe::watchWindow);
            }
        });
        List.copyOf(Window.getWindows()).forEach(StartupProbe::watchWindow);
    }

    private static void watchWindow(Window window) {
        if (window.isShowing()) {
            showing(window);
        } else {
            window.showingProperty().addListener((observable, was, is) -> {
                if (is) {
                    showing(window);
                }
            });
        }
    }

    private static void showing(Window window) {
        Scene scene = window.getScene();
        if (scene == null || !attachedToWindow.compareAndSet(false, true)) {
            return;
        }
        scene.addPostLayoutPulseListener(() -> afterLayout(scene));
        Platform.requestNextPulse();
    }

    /** Runs inside a pulse, after CSS and layout; the timestamps are taken once the pulse has run. */
    private static void afterLayout(Scene scene) {
        if (finished.get()) {
            return;
        }
        if (failSelector != null && scene.lookup(failSelector) != null) {
            exit(3, "startup-probe: " + failSelector + " is showing: the app could not start normally");
            return;
        }
        if (windowMs < 0 && !windowPending) {
            windowPending = true;
            Platform.runLater(() -> {
                windowMs = runtime().getUptime();
                if (threadCpu != null) {
                    threadCpu.markWindow();
                }
                if (readySelector == null) {
                    done(windowMs);
                } else {
                    Platform.requestNextPulse();
                }
            });
            return;
        }
        if (windowMs >= 0 && readySelector != null && !readyPending && scene.lookup(readySelector) != null) {
            readyPending = true;
            Platform.runLater(() -> {
                long readyMs = runtime().getUptime();
                if (threadCpu != null) {
                    System.out.println(threadCpu.sinceWindow());
                }
                done(readyMs);
            });
        }
    }

    private static RuntimeMXBean runtime() {
        RuntimeMXBean bean = runtime;
        return bean != null ? bean : ManagementFactory.getRuntimeMXBean();
    }

    private static void done(long readyMs) {
        if (finished.compareAndSet(false, true)) {
            System.out.println("window=" + windowMs + " ready=" + readyMs);
            System.out.flush();
            new Thread(() -> System.exit(0), "startup-probe-exit").start();
        }
    }

    private static void exit(int status, String message) {
        if (finished.compareAndSet(false, true)) {
            System.err.println(message);
            System.err.flush();
            new Thread(() -> System.exit(status), "startup-probe-exit").start();
        }
    }

    /** CPU time by thread name, from the kernel's per-thread counters (Linux only; empty elsewhere). */
    private static final class ThreadCpu {
        private Map<String, Long> atWindow = Map.of();

        void markWindow() {
            atWindow = read();
        }

        String sinceWindow() {
            StringBuilder line = new StringBuilder("cpu-ms");
            long total = 0;
            for (Map.Entry<String, Long> thread : read().entrySet()) {
                long ms = (thread.getValue() - atWindow.getOrDefault(thread.getKey(), 0L)) / 1_000_000;
                total += ms;
                if (ms > 0) {
                    line.append(' ').append(thread.getKey()).append('=').append(ms);
                }
            }
            return line.append(" total=").append(total).toString();
        }

        /** Nanoseconds on the CPU so far, by thread name (trailing numbers dropped, spaces as underscores). */
        private static Map<String, Long> read() {
            Map<String, Long> byName = new TreeMap<>();
            try (DirectoryStream<Path> tasks = Files.newDirectoryStream(Path.of("/proc/self/task"))) {
                for (Path task : tasks) {
                    readInto(byName, task);
                }
            } catch (IOException noProc) {
                // Not Linux: the figures are for reading, not for a verdict, so there are none.
            }
            return byName;
        }

        private static void readInto(Map<String, Long> byName, Path task) {
            try {
                String name = Files.readString(task.resolve("comm")).strip().replaceAll("[0-9]+$", "#")
                        .replace(' ', '_');
                long nanos = Long.parseLong(Files.readString(task.resolve("schedstat")).split(" ")[0]);
                byName.merge(name, nanos, Long::sum);
            } catch (IOException ended) {
                // The thread ended between the listing and the read: its time is left out.
            }
        }
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
