-- Progress is keyed by (pack id, item id), never by position, so a pack upgrade keeps it.
-- Timestamps are ISO-8601 instants in UTC with millisecond precision, so they sort and round-trip as text.

CREATE TABLE item_state (
    pack_id    TEXT NOT NULL,
    item_id    TEXT NOT NULL,
    state      TEXT NOT NULL CHECK (state IN ('todo', 'in-progress', 'done', 'skipped')),
    updated_at TEXT NOT NULL,
    PRIMARY KEY (pack_id, item_id)
) WITHOUT ROWID;

-- Every change is also an event: the history behind streaks, the heatmap and pace.
CREATE TABLE progress_event (
    id         INTEGER PRIMARY KEY,
    pack_id    TEXT NOT NULL,
    item_id    TEXT NOT NULL,
    kind       TEXT NOT NULL CHECK (kind IN ('state', 'note', 'time')),
    from_state TEXT,
    to_state   TEXT,
    minutes    INTEGER,
    at         TEXT NOT NULL
);
-- One index: history is read per pack in time order (heatmap, streaks, pace). Each extra index would
-- be one more b-tree written on every mark.
CREATE INDEX progress_event_by_time ON progress_event (pack_id, at);

CREATE TABLE week_note (
    pack_id    TEXT NOT NULL,
    week_id    TEXT NOT NULL,
    markdown   TEXT NOT NULL,
    updated_at TEXT NOT NULL,
    PRIMARY KEY (pack_id, week_id)
) WITHOUT ROWID;

-- Time spent per task: a running timer has no end yet; manual entries start and end at the same instant.
CREATE TABLE time_entry (
    id         INTEGER PRIMARY KEY,
    pack_id    TEXT NOT NULL,
    item_id    TEXT NOT NULL,
    source     TEXT NOT NULL CHECK (source IN ('timer', 'manual')),
    started_at TEXT NOT NULL,
    ended_at   TEXT,
    minutes    INTEGER CHECK (minutes IS NULL OR minutes >= 0)
);
CREATE INDEX time_entry_by_item ON time_entry (pack_id, item_id);
CREATE UNIQUE INDEX one_running_timer ON time_entry (pack_id) WHERE ended_at IS NULL;

CREATE TABLE plan (
    pack_id        TEXT PRIMARY KEY,
    start_date     TEXT NOT NULL,
    hours_per_week REAL NOT NULL CHECK (hours_per_week > 0)
) WITHOUT ROWID;

CREATE TABLE setting (
    key   TEXT PRIMARY KEY,
    value TEXT NOT NULL
) WITHOUT ROWID;
