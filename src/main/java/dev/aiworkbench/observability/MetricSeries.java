package dev.aiworkbench.observability;

import java.util.List;

/**
 * The running totals kept for the metrics endpoint (table model_call_series): what each counts, what it sums, and
 * the bucket bounds a call's value is counted under.
 */
enum MetricSeries {
    /** Every call; its sum is the known cost. */
    CALLS("calls", null, "cost_usd", List.of()),
    /** gen_ai.client.operation.duration, in seconds. */
    DURATION("duration", "total_ms / 1000.0", "total_ms / 1000.0", Bounds.SECONDS),
    /** Time to first token, in seconds, of the calls that had one. */
    TTFT("ttft", "ttft_ms / 1000.0", "ttft_ms / 1000.0", Bounds.SECONDS),
    /** gen_ai.client.token.usage for input tokens, of the calls the server counted. */
    INPUT_TOKENS("input_tokens", "input_tokens", "input_tokens", Bounds.TOKENS),
    OUTPUT_TOKENS("output_tokens", "output_tokens", "output_tokens", Bounds.TOKENS);

    /** The GenAI conventions' advised bucket bounds. */
    static final class Bounds {
        /** gen_ai.client.operation.duration's, in seconds. */
        static final List<Double> SECONDS = List.of(0.01, 0.02, 0.04, 0.08, 0.16, 0.32, 0.64, 1.28, 2.56, 5.12, 10.24,
                20.48, 40.96, 81.92);
        /** gen_ai.client.token.usage's. */
        static final List<Double> TOKENS = List.of(1.0, 4.0, 16.0, 64.0, 256.0, 1024.0, 4096.0, 16384.0, 65536.0,
                262144.0, 1048576.0, 4194304.0, 16777216.0, 67108864.0);

        private Bounds() {
        }
    }

    private final String id;
    /** The value bucketed, over one model_call row; null for a series that counts every call in bucket 0. */
    private final String value;
    private final String sum;
    private final List<Double> bounds;

    MetricSeries(String id, String value, String sum, List<Double> bounds) {
        this.id = id;
        this.value = value;
        this.sum = sum;
        this.bounds = bounds;
    }

    String id() {
        return id;
    }

    List<Double> bounds() {
        return bounds;
    }

    /** Adds the calls with an id above the parameter to the running totals, one row per label set and bucket. */
    String rollUp() {
        StringBuilder bucket = new StringBuilder();
        if (value == null) {
            bucket.append('0');
        } else {
            bucket.append("CASE");
            for (int i = 0; i < bounds.size(); i++) {
                bucket.append(" WHEN ").append(value).append(" <= ").append(bounds.get(i)).append(" THEN ").append(i);
            }
            bucket.append(" ELSE ").append(bounds.size()).append(" END");
        }
        return "INSERT INTO model_call_series (series, operation, provider, model, feature, outcome, error_kind, bucket,"
                + " count, sum) SELECT '" + id + "', operation, provider, model, feature, outcome, COALESCE(error_kind, ''), "
                + bucket + " AS b, COUNT(*), TOTAL(" + sum + ") FROM model_call WHERE id > ?"
                + (value == null ? "" : " AND " + value + " IS NOT NULL")
                + " GROUP BY operation, provider, model, feature, outcome, error_kind, b"
                + " ON CONFLICT (series, operation, provider, model, feature, outcome, error_kind, bucket)"
                + " DO UPDATE SET count = count + excluded.count, sum = sum + excluded.sum";
    }
}
