-- Akool's webhook names a job by its id: a verified callback finds its narration through this index.
CREATE INDEX IF NOT EXISTS NARRATION_AKOOL_ID ON NARRATION (AKOOL_ID);
