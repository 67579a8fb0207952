-- Labs: which pack versions the learner trusted to start containers and run commands, and every
-- check result with its time (the latest per check is the lab's state).

CREATE TABLE lab_trust (
    pack_id      TEXT NOT NULL,
    pack_version TEXT NOT NULL,
    granted_at   TEXT NOT NULL,
    PRIMARY KEY (pack_id, pack_version)
) WITHOUT ROWID;

CREATE TABLE lab_check (
    id         INTEGER PRIMARY KEY,
    lab_id     TEXT NOT NULL,
    step_id    TEXT NOT NULL,
    check_id   TEXT NOT NULL,
    status     TEXT NOT NULL CHECK (status IN ('pass', 'fail', 'error')),
    message    TEXT NOT NULL,
    took_ms    INTEGER NOT NULL,
    at         TEXT NOT NULL
);
CREATE INDEX lab_check_by_lab ON lab_check (lab_id, check_id, id);
