/**
 * Listening by measurement: each downloaded MP3 is decoded to PCM and measured (loudness per ITU-R BS.1770, peak,
 * clipping, silences), levelled on request by MP3's global gain, and flagged with what a person should listen to.
 */
package com.akoolnarrator.audio;
