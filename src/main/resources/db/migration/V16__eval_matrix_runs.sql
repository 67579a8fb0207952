-- A suite of several prompts or providers runs as one run. Its row in eval_run says how many cells it has (cells);
-- each cell (one prompt on one provider) is a row of its own that names the run (matrix_run) and its place in it
-- (cell, from 1), with an id of '<run>/<cell>', and holds the cell's prompt label, provider id, fingerprint and
-- figures; a case belongs to its cell's row, so it carries the cell's prompt and provider. A suite of one cell keeps
-- the shape it had: one row, no matrix columns. Rows written before this migration (a matrix's cells as runs of their
-- own) read as runs of one cell, as they were written.

ALTER TABLE eval_run ADD COLUMN matrix_run TEXT REFERENCES eval_run (id) ON DELETE CASCADE;
ALTER TABLE eval_run ADD COLUMN cell INTEGER CHECK (cell IS NULL OR cell >= 1);
ALTER TABLE eval_run ADD COLUMN cells INTEGER CHECK (cells IS NULL OR cells >= 2);
CREATE INDEX eval_run_by_matrix ON eval_run (matrix_run, cell);
