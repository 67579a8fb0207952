-- Per run, the mean of each RAG measure its cases were graded with (context-faithfulness, context-relevance, …),
-- aggregated in SQL from eval_case once the run is reported. The quality series read these rows by suite and time
-- instead of parsing every stored case again. Kept as sufficient statistics, so the interval is computed on reading.

CREATE TABLE eval_quality (
    run_id          TEXT NOT NULL REFERENCES eval_run (id) ON DELETE CASCADE,
    measure         TEXT NOT NULL,
    items           INTEGER NOT NULL CHECK (items >= 1),
    mean            REAL NOT NULL CHECK (mean >= 0 AND mean <= 1),
    mean_of_squares REAL NOT NULL,
    PRIMARY KEY (run_id, measure)
) WITHOUT ROWID;
