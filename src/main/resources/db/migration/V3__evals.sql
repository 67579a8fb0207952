-- Eval runs: one row per run of one prompt on one model over a suite's items, and one row per
-- item and repeat, written as each case lands so an interrupted run can resume.

CREATE TABLE eval_run (
    id               TEXT PRIMARY KEY,
    suite_key        TEXT NOT NULL,
    suite_file       TEXT NOT NULL,
    description      TEXT NOT NULL,
    prompt_label     TEXT NOT NULL,
    provider_id      TEXT NOT NULL,
    model            TEXT NOT NULL,
    model_digest     TEXT,
    prompt_hash      TEXT NOT NULL,
    dataset_hash     TEXT NOT NULL,
    assertions_hash  TEXT NOT NULL,
    options_hash     TEXT NOT NULL,
    repeat           INTEGER NOT NULL CHECK (repeat >= 1),
    total_cases      INTEGER NOT NULL CHECK (total_cases >= 0),
    state            TEXT NOT NULL CHECK (state IN ('running', 'finished', 'cancelled', 'failed')),
    started_at       TEXT NOT NULL,
    finished_at      TEXT,
    gate_decision    TEXT CHECK (gate_decision IS NULL OR gate_decision IN ('pass', 'block')),
    gate_reason      TEXT,
    pass_rate        REAL,
    pass_rate_low    REAL,
    pass_rate_high   REAL,
    items            INTEGER,
    failure          TEXT
);
CREATE INDEX eval_run_by_suite ON eval_run (suite_key, started_at);

CREATE TABLE eval_case (
    run_id          TEXT NOT NULL REFERENCES eval_run (id) ON DELETE CASCADE,
    item_key        TEXT NOT NULL,
    repeat_index    INTEGER NOT NULL CHECK (repeat_index >= 0),
    description     TEXT,
    cluster         TEXT,
    vars            TEXT NOT NULL,
    prompt          TEXT NOT NULL,
    output          TEXT NOT NULL,
    pass            INTEGER NOT NULL CHECK (pass IN (0, 1)),
    score           REAL NOT NULL,
    error           TEXT,
    assertions      TEXT NOT NULL,
    latency_ms      INTEGER,
    prompt_tokens   INTEGER,
    output_tokens   INTEGER,
    attempts        INTEGER NOT NULL,
    finished_at     TEXT NOT NULL,
    PRIMARY KEY (run_id, item_key, repeat_index)
);

-- Judge verdicts, so an unchanged output is not graded twice by the same judge and rubric.
CREATE TABLE judge_verdict (
    digest     TEXT PRIMARY KEY,
    pass       INTEGER NOT NULL CHECK (pass IN (0, 1)),
    score      REAL NOT NULL,
    reason     TEXT NOT NULL,
    created_at TEXT NOT NULL
) WITHOUT ROWID;
