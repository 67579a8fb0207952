-- The prompt registry, playground runs and the price table (issue 3).
-- Timestamps are fixed-width UTC text with milliseconds (store/Timestamps), checked here so text
-- order stays time order whoever writes the row.

-- A named prompt. The name is checked here as well as in code (lowercase letters, digits, hyphens,
-- dots; starting and ending with a letter or digit) so no other writer can store one the command
-- line could not type. Rows are never deleted: their versions refer to them.
CREATE TABLE prompt (
    id         INTEGER PRIMARY KEY,
    name       TEXT NOT NULL UNIQUE
               CHECK (length(name) BETWEEN 1 AND 64 AND name NOT GLOB '*[^a-z0-9.-]*'
                      AND name GLOB '[a-z0-9]*' AND name GLOB '*[a-z0-9]'),
    created_at TEXT NOT NULL
               CHECK (created_at GLOB '[0-9][0-9][0-9][0-9]-[0-9][0-9]-[0-9][0-9]T[0-9][0-9]:[0-9][0-9]:[0-9][0-9].[0-9][0-9][0-9]Z')
);

-- Every save is a new version, numbered 1, 2, 3 … per prompt. Options are Ollama's own option
-- object (the JSON the server receives); format_schema is set exactly when the format is json-schema.
CREATE TABLE prompt_version (
    prompt_id     INTEGER NOT NULL REFERENCES prompt (id),
    version       INTEGER NOT NULL CHECK (version >= 1),
    created_at    TEXT NOT NULL
                  CHECK (created_at GLOB '[0-9][0-9][0-9][0-9]-[0-9][0-9]-[0-9][0-9]T[0-9][0-9]:[0-9][0-9]:[0-9][0-9].[0-9][0-9][0-9]Z'),
    author        TEXT NOT NULL,
    note          TEXT NOT NULL,
    template      TEXT NOT NULL,
    system_prompt TEXT NOT NULL,
    options       TEXT NOT NULL CHECK (json_valid(options)),
    format        TEXT NOT NULL CHECK (format IN ('plain', 'json', 'json-schema')),
    format_schema TEXT CHECK ((format = 'json-schema') = (format_schema IS NOT NULL)
                              AND (format_schema IS NULL OR json_valid(format_schema))),
    default_model TEXT,
    PRIMARY KEY (prompt_id, version)
) WITHOUT ROWID;

-- Versions are history: runs, diffs and (later) eval scores point at them, so they never change.
CREATE TRIGGER prompt_version_never_updated BEFORE UPDATE ON prompt_version
BEGIN
    SELECT RAISE(ABORT, 'prompt versions never change: save a new version instead');
END;

CREATE TRIGGER prompt_version_never_deleted BEFORE DELETE ON prompt_version
BEGIN
    SELECT RAISE(ABORT, 'prompt versions are never deleted');
END;

CREATE TRIGGER prompt_version_numbered_in_order BEFORE INSERT ON prompt_version
WHEN NEW.version <> (SELECT COALESCE(MAX(version), 0) + 1 FROM prompt_version WHERE prompt_id = NEW.prompt_id)
BEGIN
    SELECT RAISE(ABORT, 'prompt versions are numbered 1, 2, 3 ... without gaps');
END;

-- One playground run, kept whether it finished, failed or was stopped (a failed or stopped run keeps
-- its partial output). Every figure is nullable: unknown is not zero. The price row is kept by name,
-- not by key, because rows can be renamed or removed and the run keeps the cost it was shown.
CREATE TABLE playground_run (
    id                INTEGER PRIMARY KEY,
    created_at        TEXT NOT NULL
                      CHECK (created_at GLOB '[0-9][0-9][0-9][0-9]-[0-9][0-9]-[0-9][0-9]T[0-9][0-9]:[0-9][0-9]:[0-9][0-9].[0-9][0-9][0-9]Z'),
    prompt_id         INTEGER,
    prompt_version    INTEGER,
    model             TEXT NOT NULL,
    template          TEXT NOT NULL,
    system_prompt     TEXT NOT NULL,
    variables         TEXT NOT NULL CHECK (json_valid(variables)),
    options           TEXT NOT NULL CHECK (json_valid(options)),
    format            TEXT NOT NULL CHECK (format IN ('plain', 'json', 'json-schema')),
    format_schema     TEXT CHECK ((format = 'json-schema') = (format_schema IS NOT NULL)),
    output            TEXT NOT NULL,
    thinking          TEXT,
    done_reason       TEXT,
    error             TEXT,
    ttft_ms           INTEGER CHECK (ttft_ms >= 0),
    total_ms          INTEGER CHECK (total_ms >= 0),
    prompt_tokens     INTEGER CHECK (prompt_tokens >= 0),
    output_tokens     INTEGER CHECK (output_tokens >= 0),
    tokens_per_second REAL CHECK (tokens_per_second >= 0),
    price_name        TEXT,
    cost_usd          REAL CHECK (cost_usd IS NULL OR (cost_usd >= 0 AND price_name IS NOT NULL)),
    CHECK ((prompt_id IS NULL) = (prompt_version IS NULL)),
    FOREIGN KEY (prompt_id, prompt_version) REFERENCES prompt_version (prompt_id, version)
);
-- Runs are listed newest first by id (the rowid), so no index is needed for that.

-- What a million tokens cost, per named price point. The local row (Ollama) always exists so the
-- playground always has a price to show; the code seeds it, with example hosted rows, on first use.
CREATE TABLE price (
    id                     INTEGER PRIMARY KEY,
    name                   TEXT NOT NULL UNIQUE COLLATE NOCASE CHECK (length(trim(name)) BETWEEN 1 AND 80),
    input_usd_per_million  REAL NOT NULL CHECK (input_usd_per_million >= 0),
    output_usd_per_million REAL NOT NULL CHECK (output_usd_per_million >= 0),
    note                   TEXT NOT NULL,
    local                  INTEGER NOT NULL DEFAULT 0 CHECK (local IN (0, 1))
);
CREATE UNIQUE INDEX price_one_local_row ON price (local) WHERE local = 1;

CREATE TRIGGER price_local_row_kept BEFORE DELETE ON price WHEN OLD.local = 1
BEGIN
    SELECT RAISE(ABORT, 'the local price row cannot be removed; set its prices instead');
END;

CREATE TRIGGER price_local_flag_fixed BEFORE UPDATE OF local ON price WHEN OLD.local <> NEW.local
BEGIN
    SELECT RAISE(ABORT, 'which price row is the local one cannot change');
END;
