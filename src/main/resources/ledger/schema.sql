-- akool-narrator ledger, schema version 1 (see README, "Where the state lives").
-- Run by the application at every start (spring.sql.init); every statement is idempotent. A later version adds a
-- file schema-vN.sql with its own statements guarded by the version recorded in NARRATOR_SCHEMA_VERSION.

CREATE TABLE IF NOT EXISTS NARRATOR_SCHEMA_VERSION (
    VERSION     INT PRIMARY KEY,
    APPLIED_AT  TIMESTAMP DEFAULT CURRENT_TIMESTAMP NOT NULL
);
MERGE INTO NARRATOR_SCHEMA_VERSION (VERSION) KEY (VERSION) VALUES (1);

-- One narration: a row id narrated with given content (text, voice, rate) into one output folder (SCOPE).
-- STATE: PENDING -> SUBMITTED (Akool accepted it: AKOOL_ID) -> COMPLETED (AUDIO_URL) -> DOWNLOADED (FILE...),
-- or FAILED with ERROR. A row Akool accepted is committed here before the next request is sent.
CREATE TABLE IF NOT EXISTS NARRATION (
    NARRATION_KEY     CHAR(64) PRIMARY KEY,
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
