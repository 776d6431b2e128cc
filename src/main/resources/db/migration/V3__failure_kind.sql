-- Why a FAILED narration is not simply submitted again by the next run: UNCONFIRMED, Akool may have accepted (and
-- billed) it but did not say which job, so it is resent only when asked (narrator.resend-unconfirmed); TIMED_OUT,
-- Akool had not finished it within narrator.akool-job-timeout, so the next run polls the same job (AKOOL_ID) again.
ALTER TABLE NARRATION ADD COLUMN IF NOT EXISTS FAILURE_KIND VARCHAR(16);
