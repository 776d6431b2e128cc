package com.akoolnarrator.audio;

import java.io.IOException;
import java.nio.file.Path;

/** A file's levels as the audio check's meter measures them, for the job's tests that check what levelling wrote. */
public record MeasuredLevels(double loudnessLufs, double peakDbfs) {

    public static MeasuredLevels of(Path mp3) throws IOException {
        AudioMeasurement measured = new AudioMeter(-50).measure(mp3);
        return new MeasuredLevels(measured.loudnessLufs(), measured.peakDbfs());
    }
}
