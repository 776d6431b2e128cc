-- What each MP3's ID3 tag says (see README, "Tags"), and what the lexicon changed in each row's text.
-- TAGS: the tags the row's columns ask for (title, album, artist, track, comment, separated by U+001F), set by each
-- run's validation. TAGGED: what the file on disk was last tagged with; NULL when the file has not been tagged since it
-- was written (downloaded, joined). The tag step tags every narration of a run whose TAGGED differs from its TAGS.
ALTER TABLE NARRATION ADD COLUMN IF NOT EXISTS TAGS VARCHAR(20000);
ALTER TABLE NARRATION ADD COLUMN IF NOT EXISTS TAGGED VARCHAR(20000);
-- The lexicon's entries that changed a run row's text: term, times, characters, for each entry (one CSV record).
ALTER TABLE RUN_ROW ADD COLUMN IF NOT EXISTS LEXICON VARCHAR(100000);
