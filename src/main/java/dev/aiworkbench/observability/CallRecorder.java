package dev.aiworkbench.observability;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Supplier;

/**
 * Keeps model calls off their callers' path: {@link #record} only offers the call to a bounded queue (a full queue
 * drops it and counts it, so a caller is never blocked or slowed), and one writer thread prices and writes what has
 * queued in one transaction per batch. The writer also prunes old records, when it starts and once a day after.
 * {@link #close} writes everything queued before it returns.
 */
public final class CallRecorder implements AutoCloseable {
    static final int DEFAULT_CAPACITY = 16_384;
    /** The most calls one transaction takes. */
    private static final int MAX_BATCH = 512;
    /**
     * How long the writer waits for more calls to share a transaction with the first: nobody waits for a record,
     * and one transaction per call would contend for the database with the eval runner's own writer.
     */
    private static final long GROUP_WINDOW_NANOS = TimeUnit.MILLISECONDS.toNanos(100);
    private static final Duration PRUNE_EVERY = Duration.ofDays(1);
    private static final Logger LOG = LoggerFactory.getLogger(CallRecorder.class);

    private final BlockingQueue<Object> queue;
    private final CallStore store;
    private final Supplier<CallPricing> pricing;
    private final CallRetention retention;
    private final Clock clock;
    private final List<CallSink> sinks = new CopyOnWriteArrayList<>();
    private final AtomicLong dropped = new AtomicLong();
    private final AtomicLong written = new AtomicLong();
    private final Thread writer;
    private volatile boolean closed;

    /** Asks the writer to say when everything queued before it is written. */
    private record Flush(CountDownLatch done) {
    }

    private static final Object STOP = new Object();

    /**
     * @param pricing the prices in force, asked once per batch (never per call, never on a caller's thread)
     */
    CallRecorder(CallStore store, Supplier<CallPricing> pricing, CallRetention retention, Clock clock, int capacity) {
        this.queue = new ArrayBlockingQueue<>(capacity);
        this.store = store;
        this.pricing = pricing;
        this.retention = retention;
        this.clock = clock;
        this.writer = Thread.ofPlatform().name("call-recorder").daemon().unstarted(this::write);
        writer.start();
    }

    /** Queues the call for writing; never blocks. A call that finds the queue full is dropped and counted. */
    public void record(ModelCall call) {
        if (closed || !queue.offer(call)) {
            if (dropped.getAndIncrement() == 0) {
                LOG.warn("model call records are coming faster than they can be written; some are not kept");
            }
        }
    }

    /** Calls that were not kept because the queue was full or the recorder closed. */
    public long dropped() {
        return dropped.get();
    }

    /** Calls written so far. */
    public long written() {
        return written.get();
    }

    /** Sends each batch, once kept, to the sink too (closed with the recorder). */
    public void addSink(CallSink sink) {
        sinks.add(sink);
    }

    /** Waits until every call recorded before this returned is written (or could not be). */
    public void flush() {
        if (closed) {
            return;
        }
        Flush flush = new Flush(new CountDownLatch(1));
        try {
            queue.put(flush);
            flush.done().await();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private void write() {
        Instant nextPrune = prune();
        List<Object> batch = new ArrayList<>(MAX_BATCH);
        List<ModelCall> calls = new ArrayList<>(MAX_BATCH);
        boolean stopping = false;
        while (!stopping) {
            Object first;
            try {
                long wait = Math.max(1, Duration.between(clock.instant(), nextPrune).toMillis());
                first = queue.poll(wait, TimeUnit.MILLISECONDS);
            } catch (InterruptedException e) {
                // Nothing interrupts the writer on purpose: it stops at STOP, after what came before it.
                continue;
            }
            if (first != null) {
                gather(first, batch);
            }
            // Before the batch, so a flush in it also waits for a prune that was due.
            if (!clock.instant().isBefore(nextPrune)) {
                nextPrune = prune();
            }
            if (!batch.isEmpty()) {
                for (Object item : batch) {
                    if (item instanceof ModelCall call) {
                        calls.add(call);
                    } else {
                        keep(calls);
                        if (item instanceof Flush flush) {
                            flush.done().countDown();
                        } else if (item == STOP) {
                            stopping = true;
                        }
                    }
                }
                keep(calls);
                batch.clear();
            }
        }
    }

    /**
     * Takes the first item and what follows it within the group window, up to a batch; a flush or stop ends the
     * window at once.
     */
    private void gather(Object first, List<Object> batch) {
        batch.add(first);
        long deadline = System.nanoTime() + GROUP_WINDOW_NANOS;
        boolean marked = !(first instanceof ModelCall);
        while (!marked && batch.size() < MAX_BATCH) {
            int before = batch.size();
            queue.drainTo(batch, MAX_BATCH - before);
            for (int i = before; i < batch.size(); i++) {
                marked |= !(batch.get(i) instanceof ModelCall);
            }
            long left = deadline - System.nanoTime();
            if (marked || batch.size() >= MAX_BATCH || left <= 0) {
                return;
            }
            try {
                Object next = queue.poll(left, TimeUnit.NANOSECONDS);
                if (next == null) {
                    return;
                }
                batch.add(next);
                marked = !(next instanceof ModelCall);
            } catch (InterruptedException e) {
                // Nothing interrupts the writer on purpose; write what was gathered.
                return;
            }
        }
    }

    private void keep(List<ModelCall> calls) {
        if (calls.isEmpty()) {
            return;
        }
        try {
            List<PricedCall> priced = store.insert(calls, pricing.get());
            written.addAndGet(calls.size());
            for (CallSink sink : sinks) {
                try {
                    sink.accept(priced);
                } catch (RuntimeException e) {
                    LOG.warn("a call sink failed; the calls are kept in the database", e);
                }
            }
        } catch (RuntimeException e) {
            dropped.addAndGet(calls.size());
            LOG.warn("could not keep {} model call record(s)", calls.size(), e);
        }
        calls.clear();
    }

    private Instant prune() {
        Instant now = clock.instant();
        try {
            int pruned = retention.prune(now);
            if (pruned > 0) {
                LOG.info("pruned {} model call record(s) older than {} days", pruned, retention.days());
            }
        } catch (RuntimeException e) {
            LOG.warn("could not prune old model call records", e);
        }
        return now.plus(PRUNE_EVERY);
    }

    /** Writes what is queued, stops the writer and closes the sinks. */
    @Override
    public void close() {
        if (closed) {
            return;
        }
        closed = true;
        try {
            queue.put(STOP);
            writer.join();
        } catch (InterruptedException e) {
            // Whoever interrupted the closing thread wants it back: what is still queued is lost.
            Thread.currentThread().interrupt();
        }
        for (CallSink sink : sinks) {
            sink.close();
        }
    }
}
