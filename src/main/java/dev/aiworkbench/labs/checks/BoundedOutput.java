package dev.aiworkbench.labs.checks;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;

/**
 * A process's output kept within a bound: the first {@code head} bytes and the last {@code tail} bytes, with a note
 * of how much was left out between them. Thread-safe: one thread copies, another reads.
 */
final class BoundedOutput {
    static final int DEFAULT_HEAD = 512 * 1024;
    static final int DEFAULT_TAIL = 512 * 1024;

    private final int head;
    private final byte[] ring;
    private final ByteArrayOutputStream start = new ByteArrayOutputStream();
    private long total;
    private int ringNext;
    private long ringCount;

    BoundedOutput(int head, int tail) {
        this.head = head;
        this.ring = new byte[tail];
    }

    BoundedOutput() {
        this(DEFAULT_HEAD, DEFAULT_TAIL);
    }

    /** Copies the stream to its end (or until it fails, e.g. when the process is killed). */
    void copy(InputStream in) {
        byte[] buffer = new byte[8192];
        try (in) {
            int n;
            while ((n = in.read(buffer)) >= 0) {
                append(buffer, n);
            }
        } catch (IOException ignored) {
            // the process ended or was killed: keep what arrived
        }
    }

    synchronized void append(byte[] bytes, int length) {
        for (int i = 0; i < length; i++) {
            if (total < head) {
                start.write(bytes[i]);
            } else if (ring.length > 0) {
                ring[ringNext] = bytes[i];
                ringNext = (ringNext + 1) % ring.length;
                ringCount++;
            }
            total++;
        }
    }

    synchronized long total() {
        return total;
    }

    /** The kept text: the start, and when more came, a note and the end. */
    synchronized String text() {
        String first = start.toString(StandardCharsets.UTF_8);
        if (ringCount == 0) {
            return first;
        }
        int kept = (int) Math.min(ringCount, ring.length);
        byte[] last = new byte[kept];
        int from = ringCount <= ring.length ? 0 : ringNext;
        for (int i = 0; i < kept; i++) {
            last[i] = ring[(from + i) % ring.length];
        }
        long omitted = ringCount - kept;
        return first + (omitted > 0 ? "\n[… " + omitted + " bytes left out …]\n" : "")
                + new String(last, StandardCharsets.UTF_8);
    }
}
