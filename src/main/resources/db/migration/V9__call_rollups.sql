-- Rollups of model_call, so the dashboard's aggregates over a million calls read thousands of rows instead of a
-- million: call_rollup_hour by UTC hour (the ranges' whole hours, the learner's days) and call_rollup_day by UTC day
-- (long ranges). One row per period (start: the started_at text of its start) and label set: counts and sums
-- (exact: counts of known values beside the sums, so unknown stays unknown), and sketches of time to first token, total
-- time and tokens per second over the calls that ended well. A sketch is the counts of log-spaced buckets: bucket i
-- holds the values in (10·γ^(i−1), 10·γ^i] with γ = 2^(1/35), so any value read back is within 0.99% of the true one
-- and the OpenTelemetry latency bounds 10·2^k ms are bucket edges; a value of 0 or less is bucket −32768. Stored as 6 bytes a bucket (bucket as a signed 16-bit
-- and count as an unsigned 32-bit integer, big-endian), ascending. dev.aiworkbench.observability.QuantileSketch reads
-- and writes the same format; the call recorder keeps the rows in the transaction that keeps the calls, and pruning
-- deletes them with the calls.

CREATE TABLE call_rollup_hour (
    start             TEXT NOT NULL,
    feature           TEXT NOT NULL,
    operation         TEXT NOT NULL,
    provider          TEXT NOT NULL,
    model             TEXT NOT NULL,
    calls             INTEGER NOT NULL CHECK (calls >= 1),
    errors            INTEGER NOT NULL CHECK (errors >= 0),
    input_tokens      INTEGER NOT NULL,
    input_counted     INTEGER NOT NULL,
    output_tokens     INTEGER NOT NULL,
    output_counted    INTEGER NOT NULL,
    cost_usd          REAL NOT NULL,
    cost_counted      INTEGER NOT NULL,
    ttft_sketch       BLOB,
    total_sketch      BLOB,
    tps_sketch        BLOB,
    PRIMARY KEY (start, feature, operation, provider, model)
) WITHOUT ROWID;

INSERT INTO call_rollup_hour
WITH base AS (
    SELECT substr(started_at, 1, 13) || ':00:00.000Z' AS start, feature, operation, provider, model, outcome,
           input_tokens, output_tokens, cost_usd, ttft_ms, total_ms, tokens_per_second
    FROM model_call
), cells AS (
    SELECT start, feature, operation, provider, model, measure,
           -- QuantileSketch.bucket: ceil(35·log2(v / 10)), with a tolerance so the edges 10·2^k fall in the bucket below
           CASE WHEN v <= 0 THEN -32768
                ELSE max(-32767, min(32767, CAST(ceil(35 * log2(v / 10.0) - 1e-9) AS INTEGER))) END AS bucket,
           COUNT(*) AS n
    FROM (
        SELECT start, feature, operation, provider, model, 'ttft' AS measure, ttft_ms AS v FROM base
        WHERE outcome = 'ok' AND ttft_ms IS NOT NULL
        UNION ALL
        SELECT start, feature, operation, provider, model, 'total', total_ms FROM base WHERE outcome = 'ok'
        UNION ALL
        SELECT start, feature, operation, provider, model, 'tps', tokens_per_second FROM base
        WHERE outcome = 'ok' AND tokens_per_second IS NOT NULL
    )
    GROUP BY start, feature, operation, provider, model, measure, bucket
), sketches AS (
    SELECT start, feature, operation, provider, model,
           unhex(group_concat(CASE WHEN measure = 'ttft' THEN printf('%04X%08X', bucket & 65535, n) END, '' ORDER BY bucket)) AS ttft,
           unhex(group_concat(CASE WHEN measure = 'total' THEN printf('%04X%08X', bucket & 65535, n) END, '' ORDER BY bucket)) AS total,
           unhex(group_concat(CASE WHEN measure = 'tps' THEN printf('%04X%08X', bucket & 65535, n) END, '' ORDER BY bucket)) AS tps
    FROM cells GROUP BY start, feature, operation, provider, model
)
SELECT start, feature, operation, provider, model, COUNT(*), SUM(outcome = 'error'),
       COALESCE(SUM(input_tokens), 0), COUNT(input_tokens), COALESCE(SUM(output_tokens), 0), COUNT(output_tokens),
       TOTAL(cost_usd), COUNT(cost_usd), s.ttft, s.total, s.tps
FROM base LEFT JOIN sketches s USING (start, feature, operation, provider, model)
GROUP BY start, feature, operation, provider, model;

CREATE TABLE call_rollup_day (
    start             TEXT NOT NULL,
    feature           TEXT NOT NULL,
    operation         TEXT NOT NULL,
    provider          TEXT NOT NULL,
    model             TEXT NOT NULL,
    calls             INTEGER NOT NULL CHECK (calls >= 1),
    errors            INTEGER NOT NULL CHECK (errors >= 0),
    input_tokens      INTEGER NOT NULL,
    input_counted     INTEGER NOT NULL,
    output_tokens     INTEGER NOT NULL,
    output_counted    INTEGER NOT NULL,
    cost_usd          REAL NOT NULL,
    cost_counted      INTEGER NOT NULL,
    ttft_sketch       BLOB,
    total_sketch      BLOB,
    tps_sketch        BLOB,
    PRIMARY KEY (start, feature, operation, provider, model)
) WITHOUT ROWID;

INSERT INTO call_rollup_day
WITH base AS (
    SELECT substr(started_at, 1, 10) || 'T00:00:00.000Z' AS start, feature, operation, provider, model, outcome,
           input_tokens, output_tokens, cost_usd, ttft_ms, total_ms, tokens_per_second
    FROM model_call
), cells AS (
    SELECT start, feature, operation, provider, model, measure,
           -- QuantileSketch.bucket: ceil(35·log2(v / 10)), with a tolerance so the edges 10·2^k fall in the bucket below
           CASE WHEN v <= 0 THEN -32768
                ELSE max(-32767, min(32767, CAST(ceil(35 * log2(v / 10.0) - 1e-9) AS INTEGER))) END AS bucket,
           COUNT(*) AS n
    FROM (
        SELECT start, feature, operation, provider, model, 'ttft' AS measure, ttft_ms AS v FROM base
        WHERE outcome = 'ok' AND ttft_ms IS NOT NULL
        UNION ALL
        SELECT start, feature, operation, provider, model, 'total', total_ms FROM base WHERE outcome = 'ok'
        UNION ALL
        SELECT start, feature, operation, provider, model, 'tps', tokens_per_second FROM base
        WHERE outcome = 'ok' AND tokens_per_second IS NOT NULL
    )
    GROUP BY start, feature, operation, provider, model, measure, bucket
), sketches AS (
    SELECT start, feature, operation, provider, model,
           unhex(group_concat(CASE WHEN measure = 'ttft' THEN printf('%04X%08X', bucket & 65535, n) END, '' ORDER BY bucket)) AS ttft,
           unhex(group_concat(CASE WHEN measure = 'total' THEN printf('%04X%08X', bucket & 65535, n) END, '' ORDER BY bucket)) AS total,
           unhex(group_concat(CASE WHEN measure = 'tps' THEN printf('%04X%08X', bucket & 65535, n) END, '' ORDER BY bucket)) AS tps
    FROM cells GROUP BY start, feature, operation, provider, model
)
SELECT start, feature, operation, provider, model, COUNT(*), SUM(outcome = 'error'),
       COALESCE(SUM(input_tokens), 0), COUNT(input_tokens), COALESCE(SUM(output_tokens), 0), COUNT(output_tokens),
       TOTAL(cost_usd), COUNT(cost_usd), s.ttft, s.total, s.tps
FROM base LEFT JOIN sketches s USING (start, feature, operation, provider, model)
GROUP BY start, feature, operation, provider, model;
