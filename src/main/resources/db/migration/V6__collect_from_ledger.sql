-- The collect step follows a run's Akool jobs from the ledger: FOLLOWED_BY is the collect step execution that
-- follows a SUBMITTED or COMPLETED narration now. Acceptance clears it, so a job the submit step just recorded is
-- picked up; a restarted collect step (a new step execution) picks up everything an earlier one left.
ALTER TABLE NARRATION ADD COLUMN IF NOT EXISTS FOLLOWED_BY BIGINT;
-- Finds the few narrations in flight among the many finished ones.
CREATE INDEX IF NOT EXISTS NARRATION_STATE ON NARRATION (STATE);
-- Written and never read: a run's format is read from its input file.
ALTER TABLE RUN_INPUT DROP COLUMN IF EXISTS DELIMITER;
ALTER TABLE RUN_INPUT DROP COLUMN IF EXISTS HEADER;
-- Who works in a folder is said by the folder's own holder file (.narrator/holder.properties) on every database.
DROP TABLE IF EXISTS FOLDER_HOLDER;
-- A folder's runs are found here, also earlier ones (their rows are forgotten, their record stays): dry runs apart.
ALTER TABLE RUN_INPUT ADD COLUMN IF NOT EXISTS DRY_RUN BOOLEAN DEFAULT FALSE NOT NULL;
