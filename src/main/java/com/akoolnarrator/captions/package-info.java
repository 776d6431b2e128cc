/**
 * Captions that follow the voice: the captions step gives every MP3 of a run its WebVTT and SubRip files, a cue per
 * sentence of the text as written, each placed at the pause the audio check found where the sentence begins.
 */
package com.akoolnarrator.captions;
