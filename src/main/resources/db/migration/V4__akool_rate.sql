-- The request rate Akool accepted from this account at an address, learnt by the last run that did not have a rate
-- given (akool.requests-per-second): the next run starts from it. Keyed by Akool's address, never by the key.
CREATE TABLE IF NOT EXISTS AKOOL_RATE (
    BASE_URL             VARCHAR(1024) PRIMARY KEY,
    REQUESTS_PER_SECOND  DOUBLE PRECISION NOT NULL,
    UPDATED_AT           TIMESTAMP NOT NULL
);
