-- Progress on items a pack upgrade removed. It leaves the live tables (so screens, scores and exports see only the
-- pack as it is) but is never deleted: each archived id keeps its rows as JSON, per feature, and a later version
-- of the pack that brings the id back puts them back.

CREATE TABLE archived_item (
    pack_id      TEXT NOT NULL,
    item_id      TEXT NOT NULL,
    title        TEXT NOT NULL,
    pack_version TEXT NOT NULL,
    archived_at  TEXT NOT NULL,
    rows         TEXT NOT NULL,
    PRIMARY KEY (pack_id, item_id)
) WITHOUT ROWID;
