-- akool-narrator ledger: the tables as of schema version 2 (see README, "Where the state lives").
-- Every statement is idempotent, so that Flyway can take over a database made before it (baselined at version 1):
-- a version 1 database gains the columns of version 2 here, a version 2 database is left as it is.

-- One narration: a row id narrated with given content (text, voice, rate) into one output folder (SCOPE).
-- STATE: PENDING -> SUBMITTED (Akool accepted it: AKOOL_ID) -> COMPLETED (AUDIO_URL) -> DOWNLOADED (FILE...),
-- or FAILED with ERROR. A row Akool accepted is committed here before the next request is sent.
-- A text over Akool's word limit is a narration with PARTS > 1 that is never sent itself: its parts are narrations
-- too (ROW_KEY = the row's narration, PART_NO from 1, PARTS = 1), each submitted, followed and downloaded to a part
-- file; the join step then writes the row's MP3 from them and sets the row's narration DOWNLOADED, or FAILED with
-- the first failed part's reason. The work of a run is therefore every narration with PARTS = 1 whose ROW_KEY is a
-- run row's NARRATION_KEY (an unsplit narration is its own ROW_KEY).
CREATE TABLE IF NOT EXISTS NARRATION (
    NARRATION_KEY     CHAR(64) PRIMARY KEY,
    ROW_KEY           CHAR(64),
    PART_NO           INT DEFAULT 0 NOT NULL,
    PARTS             INT DEFAULT 1 NOT NULL,
    SCOPE             VARCHAR(1024) NOT NULL,
    ROW_ID            VARCHAR(1024) NOT NULL,
    CONTENT_HASH      CHAR(64) NOT NULL,
    TEXT_LENGTH       INT NOT NULL,
    VOICE_ID          VARCHAR(512),
    VOICE_URL         VARCHAR(2048),
    RATE              VARCHAR(8) NOT NULL,
    WEBHOOK_URL       VARCHAR(2048),
    OUTPUT_FILE       VARCHAR(1024) NOT NULL,
    STATE             VARCHAR(16) NOT NULL,
    AKOOL_ID          VARCHAR(64),
    AUDIO_URL         VARCHAR(4096),
    FILE_BYTES        BIGINT,
    DURATION_SECONDS  DOUBLE PRECISION,
    SHA256            CHAR(64),
    ATTEMPTS          INT DEFAULT 0 NOT NULL,
    ERROR             VARCHAR(4000),
    SUBMITTED_AT      TIMESTAMP,
    COMPLETED_AT      TIMESTAMP,
    UPDATED_AT        TIMESTAMP NOT NULL
);

ALTER TABLE NARRATION ADD COLUMN IF NOT EXISTS ROW_KEY CHAR(64);
ALTER TABLE NARRATION ADD COLUMN IF NOT EXISTS PART_NO INT DEFAULT 0 NOT NULL;
ALTER TABLE NARRATION ADD COLUMN IF NOT EXISTS PARTS INT DEFAULT 1 NOT NULL;
UPDATE NARRATION SET ROW_KEY = NARRATION_KEY WHERE ROW_KEY IS NULL;
CREATE INDEX IF NOT EXISTS NARRATION_ROW ON NARRATION (ROW_KEY, PART_NO);

-- The text of a narration, written once: kept apart from NARRATION so that the frequent state updates there rewrite
-- small rows, not pages full of text.
CREATE TABLE IF NOT EXISTS NARRATION_TEXT (
    NARRATION_KEY     CHAR(64) PRIMARY KEY,
    INPUT_TEXT        VARCHAR(1000000) NOT NULL
);

-- Which input a run (a Spring Batch job instance) reads, so that results and failed.csv can be written in its format.
CREATE TABLE IF NOT EXISTS RUN_INPUT (
    RUN_ID      BIGINT PRIMARY KEY,
    SCOPE       VARCHAR(1024) NOT NULL,
    INPUT_PATH  VARCHAR(4096) NOT NULL,
    INPUT_SHA256 CHAR(64) NOT NULL,
    DELIMITER   CHAR(1) NOT NULL,
    HEADER      VARCHAR(1000000) NOT NULL
);

-- Every data row of a run's input, in input order: valid rows point at their narration, invalid rows carry why.
CREATE TABLE IF NOT EXISTS RUN_ROW (
    RUN_ID          BIGINT NOT NULL,
    LINE_NO         BIGINT NOT NULL,
    ROW_ID          VARCHAR(1024),
    NARRATION_KEY   CHAR(64),
    OUTPUT_KEY      VARCHAR(1024),
    INVALID_REASON  VARCHAR(4000),
    RAW_VALUES      VARCHAR(1000000) NOT NULL,
    PRIMARY KEY (RUN_ID, LINE_NO)
);
CREATE INDEX IF NOT EXISTS RUN_ROW_ID ON RUN_ROW (RUN_ID, ROW_ID);
CREATE INDEX IF NOT EXISTS RUN_ROW_OUTPUT ON RUN_ROW (RUN_ID, OUTPUT_KEY);
CREATE INDEX IF NOT EXISTS RUN_ROW_NARRATION ON RUN_ROW (NARRATION_KEY);
