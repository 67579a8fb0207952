-- Price rows for models current in December 2026, added to a table seeded before (V11's rows stay, for the
-- history of calls priced at them). gpt-6-luna is what OpenAI's deprecations page names in place of
-- gpt-4o-mini-2024-07-18, which shuts down on 2027-01-14; Claude Fable 5.1 is Anthropic's top model beside the
-- Opus 5.5 and Sonnet 5.5 rows V11 added. A new, empty table is seeded by the code with the same rows
-- (PriceTable.SEED; a test compares the two). A name the learner already uses is left as it is.

INSERT INTO price (name, input_usd_per_million, output_usd_per_million, note, local, models)
SELECT example.name, example.input, example.output, example.note, 0, example.models
FROM (SELECT 'OpenAI GPT-6 Luna' AS name, 0.10 AS input, 0.50 AS output, 'gpt-6-luna*' AS models,
             'example list price as of 2026-12-05; check the provider''s pricing page '
             || '(developers.openai.com/api/docs/models/gpt-6-luna)' AS note, 1 AS position
      UNION ALL SELECT 'Anthropic Claude Fable 5.1', 10.00, 50.00, 'claude-fable-5-1*',
             'example list price as of 2026-12-05; check the provider''s pricing page '
             || '(platform.claude.com/docs/en/about-claude/pricing)', 2) AS example
WHERE EXISTS (SELECT 1 FROM price)
  AND NOT EXISTS (SELECT 1 FROM price WHERE price.name = example.name)
ORDER BY example.position;
