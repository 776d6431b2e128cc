package com.akoolnarrator.audio;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;

/** A file's playing time and pauses as the audio check's meter finds them, for the tests of what is made from them. */
public record MeasuredSpeech(double seconds, List<Pause> pauses) {

    public static MeasuredSpeech of(Path mp3) throws IOException {
        AudioMeasurement measured = new AudioMeter(-50).measure(mp3);
        return new MeasuredSpeech(measured.seconds(), measured.pauses());
    }
}
