-- Links a recorded model call to the playground run it made, so the dashboard opens exactly that run. The run's id
-- is only known once its answer is kept, after the call started (and its record may be written first), so the
-- playground names the run with a random key before the call: the call carries it, the run keeps it.

ALTER TABLE model_call ADD COLUMN playground_run_key TEXT;
ALTER TABLE playground_run ADD COLUMN run_key TEXT;
CREATE UNIQUE INDEX playground_run_by_key ON playground_run (run_key) WHERE run_key IS NOT NULL;
