-- Output into an S3-compatible bucket (see docs/storage.md).
-- STORED: the SHA-256 of the object the bucket holds for the narration's MP3 (its captions stored with it); the
-- file is in the bucket as the ledger has it while STORED equals SHA256, and waits on disk to be stored otherwise.
-- NULL for an output folder on disk. STORE_ERROR: why the last try to store it failed (it stays on disk for the
-- next run); NULL once stored.
ALTER TABLE NARRATION ADD COLUMN IF NOT EXISTS STORED VARCHAR(64);
ALTER TABLE NARRATION ADD COLUMN IF NOT EXISTS STORE_ERROR VARCHAR(4096);
