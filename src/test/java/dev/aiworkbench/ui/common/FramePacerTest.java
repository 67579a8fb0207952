package dev.aiworkbench.ui.common;

import org.junit.jupiter.api.Tag;
import javafx.application.Platform;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.testfx.api.FxToolkit;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

import static org.assertj.core.api.Assertions.assertThat;

/** A producer far faster than the screen gets at most one FX update a frame, and its last ask is always served. */
@Tag("ui")
class FramePacerTest {
    @BeforeAll
    static void toolkit() throws Exception {
        FxToolkit.registerPrimaryStage();
    }

    @Test
    void twoThousandAsksInASecondBecomeAtMostSixtyRunsAndTheLastAskIsServed() throws Exception {
        List<Long> runs = new CopyOnWriteArrayList<>();
        List<Boolean> onFxThread = new CopyOnWriteArrayList<>();
        FramePacer pacer = new FramePacer(() -> {
            runs.add(System.nanoTime());
            onFxThread.add(Platform.isFxApplicationThread());
        });
        AtomicLong lastAsk = new AtomicLong();
        Thread producer = Thread.ofPlatform().start(() -> {
            long end = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(1_000);
            while (System.nanoTime() < end) {
                lastAsk.set(System.nanoTime());
                pacer.request();
                java.util.concurrent.locks.LockSupport.parkNanos(500_000);
            }
        });
        producer.join();
        Thread.sleep(200);

        assertThat(onFxThread).isNotEmpty().containsOnly(true);
        assertThat(runs.get(runs.size() - 1)).as("a run after the last ask").isGreaterThan(lastAsk.get());
        long second = TimeUnit.SECONDS.toNanos(1);
        int most = 0;
        for (int i = 0; i < runs.size(); i++) {
            int j = i;
            while (j < runs.size() && runs.get(j) - runs.get(i) < second) {
                j++;
            }
            most = Math.max(most, j - i);
        }
        assertThat(most).as("runs in any one second").isBetween(10, 60);
    }
}
