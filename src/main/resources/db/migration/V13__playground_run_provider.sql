-- The provider a playground run was made on (issue 14), by the name the learner chose it under, so that running it
-- again from the history goes to the same provider. Runs kept before this version have none and run again on the
-- local server, which the playground says when one is reopened.
-- Numbered 13 beside the tools migration (V12) written in the same session; on merge it follows that one.
ALTER TABLE playground_run ADD COLUMN provider TEXT
    CHECK (provider IS NULL OR (length(provider) BETWEEN 1 AND 40 AND provider NOT GLOB '*[^a-z0-9.-]*'));
