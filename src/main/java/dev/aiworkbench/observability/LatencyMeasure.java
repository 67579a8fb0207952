package dev.aiworkbench.observability;

/** The two latencies a call has. */
public enum LatencyMeasure {
    TIME_TO_FIRST_TOKEN("ttft_ms"),
    TOTAL("total_ms");

    private final String column;

    LatencyMeasure(String column) {
        this.column = column;
    }

    String column() {
        return column;
    }
}
