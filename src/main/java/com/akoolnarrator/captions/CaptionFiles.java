package com.akoolnarrator.captions;

import java.io.IOException;
import java.io.Writer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import com.akoolnarrator.storage.AtomicFile;
import com.akoolnarrator.storage.FileNames;

/**
 * The caption files beside an MP3: {@code <stem>.vtt} (WebVTT, as HTML5 players and learning platforms take them) and
 * {@code <stem>.srt} (SubRip, as video editors do), each written under a temporary name and renamed when complete.
 */
public final class CaptionFiles {

    /** A cue's timing line and its text, in either format ({@code .} or {@code ,} before the milliseconds). */
    private static final Pattern CUE = Pattern.compile(
            "(\\d+):(\\d\\d):(\\d\\d)[.,](\\d{3}) --> (\\d+):(\\d\\d):(\\d\\d)[.,](\\d{3})[^\\n]*\\n((?:[^\\n]+\\n?)+)");

    private CaptionFiles() {
    }

    /** {@code lessons/intro.mp3} and {@code vtt}: {@code lessons/intro.vtt}. */
    public static String nameOf(String mp3, String format) {
        return FileNames.stem(mp3) + "." + format;
    }

    static void write(Path file, String format, List<Cue> cues) throws IOException {
        try (AtomicFile caption = AtomicFile.beside(file)) {
            try (Writer out = caption.writer()) {
                out.write(format.equals("srt") ? srt(cues) : vtt(cues));
            }
            caption.publish();
        }
    }

    static String vtt(List<Cue> cues) {
        StringBuilder text = new StringBuilder("WEBVTT\n");
        int number = 0;
        for (Cue cue : cues) {
            text.append('\n').append(++number).append('\n').append(time(cue.start(), '.')).append(" --> ")
                .append(time(cue.end(), '.')).append('\n')
                .append(cue.text().replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")).append('\n');
        }
        return text.toString();
    }

    static String srt(List<Cue> cues) {
        StringBuilder text = new StringBuilder();
        int number = 0;
        for (Cue cue : cues) {
            text.append(number == 0 ? "" : "\n").append(++number).append('\n').append(time(cue.start(), ',')).append(" --> ")
                .append(time(cue.end(), ',')).append('\n').append(cue.text()).append('\n');
        }
        return text.toString();
    }

    private static String time(double seconds, char decimal) {
        long millis = Math.round(seconds * 1000);
        return String.format(Locale.ROOT, "%02d:%02d:%02d%c%03d", millis / 3_600_000, millis / 60_000 % 60,
                millis / 1000 % 60, decimal, millis % 1000);
    }

    /** The cues of the caption file {@code file} (WebVTT or SubRip), for the listening report; none when it is not there. */
    public static List<Cue> read(Path file) throws IOException {
        List<Cue> cues = new ArrayList<>();
        if (!Files.isRegularFile(file)) {
            return cues;
        }
        Matcher cue = CUE.matcher(Files.readString(file).replace("\r\n", "\n"));
        while (cue.find()) {
            cues.add(new Cue(seconds(cue, 1), seconds(cue, 5), cue.group(9).strip().replace("&lt;", "<")
                .replace("&gt;", ">").replace("&amp;", "&")));
        }
        return cues;
    }

    private static double seconds(Matcher cue, int group) {
        return Long.parseLong(cue.group(group)) * 3600 + Long.parseLong(cue.group(group + 1)) * 60
                + Long.parseLong(cue.group(group + 2)) + Long.parseLong(cue.group(group + 3)) / 1000.0;
    }
}
