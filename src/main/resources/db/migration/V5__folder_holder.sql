-- Who works in an output folder now, for a database server shared by several machines: the process that holds the
-- folder's lock (a PostgreSQL advisory lock, released when its session ends) writes itself here, so that a refused
-- run can name it.
CREATE TABLE IF NOT EXISTS FOLDER_HOLDER (
    SCOPE   VARCHAR(1024) PRIMARY KEY,
    HOST    VARCHAR(255) NOT NULL,
    PID     BIGINT NOT NULL,
    SINCE   TIMESTAMP NOT NULL
);
