-- A person's verdict on what they heard, and every take kept (see README, "Review").
-- TAKE: which take of the narration the row's file is, from 1; a reviewer's redo makes the next run narrate it again
-- as take TAKE + 1 (a new Akool job, paid for on purpose).
-- REVIEW: the current take's decision, APPROVE or REDO, NULL when none; the last one made stands. REVIEW_REASON is the
-- reviewer's reason (a redo's, mostly), REVIEWER who made it, REVIEWED_AT when.
ALTER TABLE NARRATION ADD COLUMN IF NOT EXISTS TAKE INT DEFAULT 1 NOT NULL;
ALTER TABLE NARRATION ADD COLUMN IF NOT EXISTS REVIEW VARCHAR(16);
ALTER TABLE NARRATION ADD COLUMN IF NOT EXISTS REVIEW_REASON VARCHAR(4000);
ALTER TABLE NARRATION ADD COLUMN IF NOT EXISTS REVIEWER VARCHAR(256);
ALTER TABLE NARRATION ADD COLUMN IF NOT EXISTS REVIEWED_AT TIMESTAMP;

-- The takes a redo replaced: each kept beside the current file as <stem>.take<N><ext> (TAKE_FILE; NULL when its file
-- was already gone), with the Akool job(s) it came from, what it was, and the decision that replaced it.
-- REPLACED_IN_RUN: the run that narrated it again.
CREATE TABLE IF NOT EXISTS NARRATION_TAKE (
    NARRATION_KEY    CHAR(64) NOT NULL,
    TAKE             INT NOT NULL,
    TAKE_FILE        VARCHAR(1024),
    AKOOL_ID         VARCHAR(4000),
    FILE_BYTES       BIGINT,
    SHA256           CHAR(64),
    AUDIO_SECONDS    DOUBLE PRECISION,
    AUDIO_FLAGS      VARCHAR(200),
    REVIEW_REASON    VARCHAR(4000),
    REVIEWER         VARCHAR(256),
    REVIEWED_AT      TIMESTAMP,
    REPLACED_IN_RUN  BIGINT NOT NULL,
    REPLACED_AT      TIMESTAMP NOT NULL,
    PRIMARY KEY (NARRATION_KEY, TAKE)
);
CREATE INDEX IF NOT EXISTS NARRATION_TAKE_RUN ON NARRATION_TAKE (REPLACED_IN_RUN);
