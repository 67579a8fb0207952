package dev.aiworkbench.bench.evals;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadInfo;
import java.lang.management.ThreadMXBean;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * CPU time of this JVM split by who spent it, to show where a contender's CPU per case goes. Per-thread
 * CPU time counts only the thread's own time, so it is much less disturbed by other processes than
 * wall-clock figures. Virtual threads are counted on their carriers ({@code ForkJoinPool-N-worker-M});
 * what the JVM spends outside Java threads (GC, JIT compilers) is the process total minus the threads.
 * A thread that ends between two snapshots loses its time to "not Java", which is why the JVM's own
 * pools that live for the whole run matter here: the HTTP clients, the fake's connections, the carriers.
 */
final class ThreadCpu {
    static final List<String> GROUPS = List.of("runner's virtual threads", "baseline's loop threads",
            "HTTP clients", "fake server", "main", "other Java threads", "not Java (GC, JIT)");
    private static final ThreadMXBean THREADS = ManagementFactory.getThreadMXBean();

    private final Map<Long, Long> cpu;
    private final long process;

    private ThreadCpu(Map<Long, Long> cpu, long process) {
        this.cpu = cpu;
        this.process = process;
    }

    static ThreadCpu snapshot(long processCpuNanos) {
        Map<Long, Long> cpu = new HashMap<>();
        for (long id : THREADS.getAllThreadIds()) {
            long nanos = THREADS.getThreadCpuTime(id);
            if (nanos >= 0) {
                cpu.put(id, nanos);
            }
        }
        return new ThreadCpu(cpu, processCpuNanos);
    }

    /** Milliseconds per case spent by each group between {@code before} and this snapshot. */
    Map<String, Double> since(ThreadCpu before, int cases) {
        Map<String, Long> nanos = new LinkedHashMap<>();
        GROUPS.forEach(g -> nanos.put(g, 0L));
        long threads = 0;
        for (Map.Entry<Long, Long> entry : cpu.entrySet()) {
            long spent = entry.getValue() - before.cpu.getOrDefault(entry.getKey(), 0L);
            ThreadInfo info = THREADS.getThreadInfo(entry.getKey());
            nanos.merge(group(info == null ? "" : info.getThreadName()), spent, Long::sum);
            threads += spent;
        }
        nanos.put("not Java (GC, JIT)", Math.max(0, process - before.process - threads));
        Map<String, Double> perCase = new LinkedHashMap<>();
        nanos.forEach((g, n) -> perCase.put(g, n / 1e6 / cases));
        return perCase;
    }

    private static String group(String name) {
        if (name.startsWith("ForkJoinPool-")) {
            return "runner's virtual threads";
        }
        if (name.startsWith("pool-")) {
            return "baseline's loop threads";
        }
        if (name.startsWith("HttpClient-")) {
            return "HTTP clients";
        }
        if (name.startsWith("fake-ollama-")) {
            return "fake server";
        }
        return name.equals("main") ? "main" : "other Java threads";
    }
}
