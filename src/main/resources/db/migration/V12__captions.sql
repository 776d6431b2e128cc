-- Captions that follow the voice (see README, "Results").
-- PAUSES: every stretch without speech the audio check found in the file (at least 0.15 s: start-end in seconds,
-- space-separated, with the silence before the first word and after the last); NULL when the file was not measured.
ALTER TABLE NARRATION ADD COLUMN IF NOT EXISTS PAUSES VARCHAR(1000000);
-- CAPTIONED: the hash of what the caption files were made from (the text as written, the pauses, the playing time,
-- the formats); NULL until they are written. The captions step writes a row's files whenever it differs or a file
-- is missing. CAPTIONS: the files written, space-separated; CAPTION_TIMING: how their cues were timed.
ALTER TABLE NARRATION ADD COLUMN IF NOT EXISTS CAPTIONED VARCHAR(64);
ALTER TABLE NARRATION ADD COLUMN IF NOT EXISTS CAPTIONS VARCHAR(4200);
ALTER TABLE NARRATION ADD COLUMN IF NOT EXISTS CAPTION_TIMING VARCHAR(400);
