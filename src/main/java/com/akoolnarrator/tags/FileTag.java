package com.akoolnarrator.tags;

import com.akoolnarrator.input.TrackTags;

import java.util.List;

/**
 * Everything one MP3's ID3v2 tag holds for this job: the row's tags, the chapters of a joined script, and what the
 * file is a narration of (its content hash and Akool job ids, space-separated for a script narrated in parts).
 */
public record FileTag(TrackTags tags, String contentHash, String akoolIds, List<Chapter> chapters) {

    /** The TXXX description of the narration's content hash (text, voice and rate as sent to Akool). */
    public static final String CONTENT_HASH = "AKOOL_NARRATOR_CONTENT_HASH";
    /** The TXXX description of the Akool job id(s) the audio came from. */
    public static final String AKOOL_JOB_ID = "AKOOL_JOB_ID";

    public FileTag {
        chapters = chapters == null ? List.of() : List.copyOf(chapters);
    }
}
