-- Hosted model providers (issue 14) and the models each price row applies to.
-- On merge with the call rollups (also V9) this file becomes V10 and Database.SCHEMA_VERSION 10.

-- A configured provider: its kind, where it is, and where its key lives. The key itself is never stored here: the
-- reference names a keychain entry (keychain:<account>) or an environment variable (env:<NAME>), and the check
-- refuses any other text, so a key pasted into the wrong field cannot end up in the database.
CREATE TABLE provider (
    id       INTEGER PRIMARY KEY,
    name     TEXT NOT NULL UNIQUE COLLATE NOCASE
             CHECK (length(name) BETWEEN 1 AND 40 AND name NOT GLOB '*[^a-z0-9.-]*'),
    kind     TEXT NOT NULL CHECK (kind IN ('ollama', 'openai', 'anthropic')),
    base_url TEXT CHECK (base_url IS NULL OR base_url GLOB 'http*://*'),
    key_ref  TEXT CHECK (key_ref IS NULL
                         OR (key_ref GLOB 'keychain:*' AND length(key_ref) <= 60)
                         OR (key_ref GLOB 'env:[A-Z_]*' AND key_ref NOT GLOB 'env:*[^A-Z0-9_]*'))
);

-- The models a price row applies to, as comma-separated name patterns (* for any text), so a hosted call is priced
-- at the row for its model. Empty for rows that name none (the local row prices every Ollama call).
ALTER TABLE price ADD COLUMN models TEXT NOT NULL DEFAULT '';

-- Refresh the example rows a table seeded before this version still holds unchanged (same name, prices and note).
-- The GPT-4o rows keep their list prices and get their models; the retired Claude 3.5 rows give way to current
-- ones. Rows the learner added or edited stay as they are. A new, empty table is seeded by the code with the same
-- rows (PriceTable.SEED; a test compares the two).
UPDATE price SET models = 'gpt-4o-mini*',
    note = 'example list price as of 2026-12-05; check the provider''s pricing page '
        || '(developers.openai.com/api/docs/models/gpt-4o-mini)'
WHERE name = 'OpenAI GPT-4o mini' AND input_usd_per_million = 0.15 AND output_usd_per_million = 0.60
  AND note = 'example list price as of 2025-01-31; check the provider''s pricing page (openai.com/api/pricing)';
UPDATE price SET models = 'gpt-4o, gpt-4o-20*',
    note = 'example list price as of 2026-12-05; check the provider''s pricing page '
        || '(developers.openai.com/api/docs/models/gpt-4o)'
WHERE name = 'OpenAI GPT-4o' AND input_usd_per_million = 2.50 AND output_usd_per_million = 10.00
  AND note = 'example list price as of 2025-01-31; check the provider''s pricing page (openai.com/api/pricing)';
DELETE FROM price WHERE local = 0
  AND note = 'example list price as of 2025-01-31; check the provider''s pricing page (anthropic.com/pricing)'
  AND ((name = 'Anthropic Claude 3.5 Haiku' AND input_usd_per_million = 0.80 AND output_usd_per_million = 4.00)
    OR (name = 'Anthropic Claude 3.5 Sonnet' AND input_usd_per_million = 3.00 AND output_usd_per_million = 15.00));

INSERT INTO price (name, input_usd_per_million, output_usd_per_million, note, local, models)
SELECT example.name, example.input, example.output, example.note, 0, example.models
FROM (SELECT 'Anthropic Claude Haiku 4.5' AS name, 1.00 AS input, 5.00 AS output, 'claude-haiku-4-5*' AS models,
             'example list price as of 2026-12-05; check the provider''s pricing page '
             || '(platform.claude.com/docs/en/about-claude/pricing)' AS note, 1 AS position
      UNION ALL SELECT 'Anthropic Claude Sonnet 4.5 and 4.6', 3.00, 15.00, 'claude-sonnet-4-5*, claude-sonnet-4-6*',
             'example list price as of 2026-12-05; check the provider''s pricing page '
             || '(platform.claude.com/docs/en/about-claude/pricing)', 2
      UNION ALL SELECT 'OpenAI GPT-5.6 Luna', 0.20, 1.20, 'gpt-5.6-luna*',
             'example list price as of 2026-12-05; check the provider''s pricing page '
             || '(developers.openai.com/api/docs/models/gpt-5.6-luna)', 3
      UNION ALL SELECT 'OpenAI GPT-5.6 Terra', 2.00, 12.00, 'gpt-5.6-terra*',
             'example list price as of 2026-12-05; check the provider''s pricing page '
             || '(developers.openai.com/api/docs/models/gpt-5.6-terra)', 4
      UNION ALL SELECT 'Anthropic Claude Sonnet 5.5', 2.00, 10.00, 'claude-sonnet-5-5*',
             'example list price as of 2026-12-05; check the provider''s pricing page '
             || '(platform.claude.com/docs/en/about-claude/pricing)', 5
      UNION ALL SELECT 'Anthropic Claude Opus 5.5', 4.00, 20.00, 'claude-opus-5-5*',
             'example list price as of 2026-12-05; check the provider''s pricing page '
             || '(platform.claude.com/docs/en/about-claude/pricing)', 6) AS example
WHERE EXISTS (SELECT 1 FROM price)
  AND NOT EXISTS (SELECT 1 FROM price WHERE price.name = example.name)
ORDER BY example.position;
