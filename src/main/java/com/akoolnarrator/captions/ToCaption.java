package com.akoolnarrator.captions;

import java.util.List;

import com.akoolnarrator.ledger.CheckedAudio;

/**
 * A run's MP3 on disk, with what its captions are made from.
 *
 * @param values     the input row's values, as written (its text before the lexicon)
 * @param seconds    its playing time, from its frames
 * @param captioned  the hash of what its captions were last made from; null before
 * @param audio      what the audio check found; null when it was not checked
 */
record ToCaption(long line, String key, String file, List<String> values, double seconds, String captioned,
        CheckedAudio audio) {
}
