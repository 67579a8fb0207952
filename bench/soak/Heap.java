package dev.aiworkbench.bench.soak;

import java.lang.management.ManagementFactory;
import java.util.Locale;

/** Heap used after a full GC, the least of a few tries (a concurrent allocation can only raise one). */
final class Heap {
    private Heap() {
    }

    static long afterGc() {
        long least = Long.MAX_VALUE;
        for (int i = 0; i < 3; i++) {
            System.gc();
            least = Math.min(least, ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed());
        }
        return least;
    }

    static String mib(long bytes) {
        return String.format(Locale.ROOT, "%.1f MiB", bytes / 1024.0 / 1024.0);
    }

    /** One row of the summary table bench/soak.sh prints: what, measured, baseline, budget, verdict. */
    static void row(String what, String measured, String baseline, String budget, String verdict) {
        System.out.println(String.join("|", "SUMMARY", what, measured, baseline, budget, verdict));
    }
}
