-- One row per model call from any feature, written in batches off the caller's path and pruned by the retention
-- setting. Counts the server did not give stay NULL (unknown, never zero); the aggregates (percentiles, cost by
-- feature, model and day) are computed from it in SQL.

CREATE TABLE model_call (
    id                INTEGER PRIMARY KEY,
    started_at        TEXT NOT NULL,
    feature           TEXT NOT NULL CHECK (feature IN ('playground', 'eval', 'judge', 'lab-check', 'assessment')),
    operation         TEXT NOT NULL CHECK (operation IN ('chat', 'text_completion', 'embeddings')),
    provider          TEXT NOT NULL,
    model             TEXT NOT NULL,
    prompt_id         TEXT,
    prompt_version    INTEGER,
    eval_run_id       TEXT,
    eval_item_key     TEXT,
    eval_repeat       INTEGER,
    input_tokens      INTEGER CHECK (input_tokens IS NULL OR input_tokens >= 0),
    output_tokens     INTEGER CHECK (output_tokens IS NULL OR output_tokens >= 0),
    ttft_ms           REAL CHECK (ttft_ms IS NULL OR ttft_ms >= 0),
    total_ms          REAL NOT NULL CHECK (total_ms >= 0),
    tokens_per_second REAL,
    cost_usd          REAL,
    outcome           TEXT NOT NULL CHECK (outcome IN ('ok', 'error', 'cancelled')),
    error_kind        TEXT CHECK ((outcome = 'error') = (error_kind IS NOT NULL))
);
CREATE INDEX model_call_by_time ON model_call (started_at);
CREATE INDEX model_call_by_eval_run ON model_call (eval_run_id) WHERE eval_run_id IS NOT NULL;

-- Running totals of every call ever kept, per label set and histogram bucket, for the metrics endpoint: written in
-- the transaction that keeps the calls, never pruned, so Prometheus counters only grow and a scrape reads a few
-- rows instead of every call. Empty text stands for "none" (no error kind, no token type) so the key is whole.
CREATE TABLE model_call_series (
    series      TEXT NOT NULL CHECK (series IN ('calls', 'duration', 'ttft', 'input_tokens', 'output_tokens')),
    operation   TEXT NOT NULL,
    provider    TEXT NOT NULL,
    model       TEXT NOT NULL,
    feature     TEXT NOT NULL,
    outcome     TEXT NOT NULL,
    error_kind  TEXT NOT NULL,
    bucket      INTEGER NOT NULL CHECK (bucket >= 0),
    count       INTEGER NOT NULL CHECK (count >= 0),
    sum         REAL NOT NULL,
    PRIMARY KEY (series, operation, provider, model, feature, outcome, error_kind, bucket)
) WITHOUT ROWID;
