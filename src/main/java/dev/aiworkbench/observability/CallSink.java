package dev.aiworkbench.observability;

import java.util.List;

/**
 * Hears each batch of calls after it is kept, on the recorder's writer thread (never a caller's): where the calls
 * go beyond the database, such as OTLP spans.
 */
public interface CallSink extends AutoCloseable {
    void accept(List<PricedCall> calls);

    @Override
    void close();
}
