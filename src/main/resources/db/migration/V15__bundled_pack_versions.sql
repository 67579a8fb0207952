-- The version of each built-in pack this data folder last walked. An app update that ships a newer built-in pack
-- carries the learner's progress over to it at start, the way `pack upgrade` does for an installed pack, and keeps
-- the short report of what changed here until the app has shown it once.

CREATE TABLE bundled_pack (
    pack_id      TEXT NOT NULL PRIMARY KEY,
    seen_version TEXT NOT NULL,
    seen_at      TEXT NOT NULL,
    notice       TEXT
) WITHOUT ROWID;
