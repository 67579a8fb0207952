package dev.aiworkbench.bench.soak;

import dev.aiworkbench.app.Workbench;
import dev.aiworkbench.app.WorkbenchOptions;
import dev.aiworkbench.curriculum.Pack;
import dev.aiworkbench.curriculum.WorkItem;
import dev.aiworkbench.progress.ProgressSnapshot;
import dev.aiworkbench.ui.shell.ScreenRegistry;
import dev.aiworkbench.ui.shell.SessionModels;
import dev.aiworkbench.ui.tasks.TaskExecutor;
import javafx.application.Platform;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Consumer;

/**
 * The second JVM of the soak: the app's session as {@code WorkbenchApp} opens it ({@code ScreenRegistry.openSession},
 * so the database watch and the progress model are the product's), over the same data folder, without a window: a
 * single worker thread stands in for the FX thread. Besides the progress model, each burst of other writes reads
 * what the Evals screen reads (the stored runs). Prints {@code READY}, then {@code HEAP <ms> <bytes>} every few
 * seconds; on {@code stop} (or end of input) prints its tallies and whether what it shows matches the database.
 *
 * <p>Arguments: the data folder, the fake's URL.
 */
public final class SessionProcess {
    private SessionProcess() {
    }

    /**
     * The session's slow-work pool (the budget checks) hands its results to the FX thread as in the app, so the
     * toolkit runs here too, headless on Monocle as the UI tests run it, without a window.
     */
    private static void startHeadlessToolkit() throws InterruptedException {
        System.setProperty("glass.platform", "Monocle");
        System.setProperty("monocle.platform", "Headless");
        System.setProperty("prism.order", "sw");
        CountDownLatch started = new CountDownLatch(1);
        Platform.startup(started::countDown);
        started.await();
    }

    /** Runs work, its outcome and published updates, all on one thread: the FX thread's stand-in. */
    private static final class OneThread implements TaskExecutor {
        final ExecutorService thread = Executors.newSingleThreadExecutor();

        @Override
        public <T> void run(Callable<T> work, Consumer<? super T> onSuccess, Consumer<Throwable> onFailure) {
            thread.execute(() -> {
                T result;
                try {
                    result = work.call();
                } catch (Exception e) {
                    onFailure.accept(e);
                    return;
                }
                onSuccess.accept(result);
            });
        }

        @Override
        public void publish(Runnable update) {
            thread.execute(update);
        }
    }

    public static void main(String[] args) throws Exception {
        startHeadlessToolkit();
        Path data = Path.of(args[0]);
        OneThread fx = new OneThread();
        List<String> errors = new CopyOnWriteArrayList<>();
        AtomicInteger refreshes = new AtomicInteger();
        AtomicInteger evalReads = new AtomicInteger();
        long started = System.nanoTime();
        try (Workbench workbench = Workbench.open(new WorkbenchOptions(Optional.of(data), Optional.empty(),
                Optional.of(args[1])), Clock.systemDefaultZone())) {
            SessionModels models = ScreenRegistry.openSession(workbench, fx);
            models.notices().errorProperty().addListener((obs, was, now) -> {
                if (now != null) {
                    errors.add(now);
                }
            });
            models.progress().snapshotProperty().addListener((obs, was, now) -> refreshes.incrementAndGet());
            models.otherWrites().listen(() -> fx.run(() -> workbench.evalHistory().runs(null, 200),
                    runs -> evalReads.incrementAndGet(), failure -> errors.add(String.valueOf(failure.getMessage()))));
            ScheduledExecutorService sampler = Executors.newSingleThreadScheduledExecutor();
            sampler.scheduleWithFixedDelay(() -> System.out.println("HEAP " + (System.nanoTime() - started) / 1_000_000
                    + " " + Heap.afterGc()), 2, 3, TimeUnit.SECONDS);
            System.out.println("READY");
            BufferedReader in = new BufferedReader(new InputStreamReader(System.in, StandardCharsets.UTF_8));
            String line;
            while ((line = in.readLine()) != null && !line.equals("stop")) {
                // wait for the coordinator
            }
            sampler.shutdownNow();
            Pack pack = workbench.pack().pack().orElseThrow();
            ProgressSnapshot shown = models.progress().snapshot();
            ProgressSnapshot stored = workbench.progress().snapshot(pack);
            long stale = pack.workItems().stream().map(WorkItem::id)
                    .filter(id -> shown.state(id) != stored.state(id)).count();
            System.out.println("SESSION refreshes=" + refreshes + " evalReads=" + evalReads + " errors=" + errors.size()
                    + " stale=" + stale + (errors.isEmpty() ? "" : " first=" + errors.get(0).replace('\n', ' ')));
            models.stopTakingWork();
            fx.thread.shutdown();
            fx.thread.awaitTermination(5, TimeUnit.SECONDS);
            models.close();
        }
        System.exit(0);
    }
}
