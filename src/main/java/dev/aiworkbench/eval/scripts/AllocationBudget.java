package dev.aiworkbench.eval.scripts;

import java.lang.management.ManagementFactory;

/**
 * How much heap one script call may allocate, checked from the sandbox's instruction observer. Rhino has no memory
 * limit of its own, so a script that builds without end would otherwise fill the heap and take the whole run down
 * with an OutOfMemoryError; counting what it allocates stops it long before that. Allocation, not live data, is what
 * the JVM counts per thread cheaply, so the budget is generous: ordinary assertions allocate kilobytes.
 */
final class AllocationBudget {
    private static final com.sun.management.ThreadMXBean THREADS =
            (com.sun.management.ThreadMXBean) ManagementFactory.getThreadMXBean();

    private final long limit;
    private final long start;

    /** Starts counting now, on the calling thread. */
    AllocationBudget(long limitBytes) {
        this.limit = limitBytes;
        this.start = allocated();
    }

    boolean exceeded() {
        return allocated() - start > limit;
    }

    /**
     * The calling thread's allocation so far. A virtual thread (an eval run's workers are) has no count of its own
     * (the JVM answers -1): what it allocates is counted on its carrier, so the JVM's total is read instead, which
     * other threads add to as well; the budget leaves room for that.
     */
    private static long allocated() {
        long own = THREADS.getCurrentThreadAllocatedBytes();
        return own >= 0 ? own : THREADS.getTotalThreadAllocatedBytes();
    }
}
