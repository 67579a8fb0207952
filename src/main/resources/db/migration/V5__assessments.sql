-- Self-assessment: attempts at a pack's assessments with every answer, and the answers given in spaced
-- reviews. An item's review schedule is worked out from all its graded answers, so a changed grade changes
-- the schedule with nothing else to keep in step. Items are kept by id, so attempts outlive a pack upgrade
-- that keeps the ids.

CREATE TABLE assessment_attempt (
    id            INTEGER PRIMARY KEY,
    pack_id       TEXT NOT NULL,
    assessment_id TEXT NOT NULL,
    started_at    TEXT NOT NULL,
    finished_at   TEXT
);
CREATE INDEX assessment_attempt_by_assessment ON assessment_attempt (pack_id, assessment_id, id);

CREATE TABLE assessment_answer (
    attempt_id  INTEGER NOT NULL REFERENCES assessment_attempt (id) ON DELETE CASCADE,
    item_id     TEXT NOT NULL,
    response    TEXT NOT NULL,
    confidence  INTEGER CHECK (confidence BETWEEN 1 AND 3),
    grade       TEXT NOT NULL CHECK (grade IN ('right', 'wrong', 'pending', 'rated')),
    graded_by   TEXT NOT NULL CHECK (graded_by IN ('key', 'learner', 'model', 'none')),
    judge_model TEXT,
    judge_pass  INTEGER,
    judge_reason TEXT,
    answered_at TEXT NOT NULL,
    seconds     INTEGER NOT NULL CHECK (seconds >= 0),
    PRIMARY KEY (attempt_id, item_id)
) WITHOUT ROWID;

CREATE TABLE review_answer (
    id         INTEGER PRIMARY KEY,
    pack_id    TEXT NOT NULL,
    item_id    TEXT NOT NULL,
    correct    INTEGER NOT NULL CHECK (correct IN (0, 1)),
    confidence INTEGER NOT NULL CHECK (confidence BETWEEN 1 AND 3),
    at         TEXT NOT NULL
);
CREATE INDEX review_answer_by_pack ON review_answer (pack_id, id);
