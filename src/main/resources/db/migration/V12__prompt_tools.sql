-- Tool calls in the playground (issue 14): a prompt version keeps the tools it offers the model, and a run keeps the
-- tools it offered and the calls the model made. Tools are a JSON array of {name, description, parameters} (the
-- bare shape, whichever shape the learner pasted); calls a JSON array of {id, name, arguments} with the arguments as
-- the model wrote them. Rows from before this version offered no tools and made no calls.
ALTER TABLE prompt_version ADD COLUMN tools TEXT NOT NULL DEFAULT '[]'
    CHECK (json_valid(tools) AND json_type(tools) = 'array');
ALTER TABLE playground_run ADD COLUMN tools TEXT NOT NULL DEFAULT '[]'
    CHECK (json_valid(tools) AND json_type(tools) = 'array');
ALTER TABLE playground_run ADD COLUMN tool_calls TEXT NOT NULL DEFAULT '[]'
    CHECK (json_valid(tool_calls) AND json_type(tool_calls) = 'array');
