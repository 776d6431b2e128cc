/**
 * What an MP3 says of itself: ID3v2.4 tags from the input's columns (title, album, artist, track, comment), chapters at
 * a joined script's part boundaries, and the narration's content hash and Akool job id in TXXX frames; read back, they
 * are how an output folder whose job database was lost is recognised for what it holds ({@code NarratedFiles}). The
 * tag step is here too ({@code TagStepConfiguration}): it gives every file of a run the tags its row asks for.
 */
package com.akoolnarrator.tags;
