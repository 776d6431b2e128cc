package com.akoolnarrator.captions;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** What a cue says, and how the two formats write it. */
class CueTextsAndFilesTests {

    @TempDir
    Path work;

    @Test
    void aCueIsASentenceAsWrittenAndALongSentenceIsCutAtItsCommas() {
        List<CueTexts.CueText> texts = CueTexts.of("Short one.  Then a sentence that goes on, and on, past what two"
                + " lines of a player can show, so it is cut where it pauses, at its commas. Done?");

        assertThat(texts).extracting(CueTexts.CueText::text).containsExactly("Short one.",
                "Then a sentence that goes on, and on, past what two lines of a player can show,",
                "so it is cut where it pauses, at its commas.", "Done?");
        assertThat(texts).extracting(CueTexts.CueText::startsSentence).containsExactly(true, true, false, true);
        assertThat(texts.subList(1, 3)).allSatisfy(text -> assertThat(text.text().length())
            .isLessThanOrEqualTo(CueTexts.MAX_CHARACTERS));
    }

    @Test
    void webVttAndSubRipSayTheSameCuesEachInItsOwnWay() throws Exception {
        List<Cue> cues = List.of(new Cue(0.05, 1.5, "Fish & <chips>."), new Cue(3661.25, 3662.0, "An hour later."));

        CaptionFiles.write(work.resolve("a.vtt"), "vtt", cues);
        CaptionFiles.write(work.resolve("a.srt"), "srt", cues);

        assertThat(Files.readString(work.resolve("a.vtt"))).isEqualTo("WEBVTT\n\n1\n00:00:00.050 --> 00:00:01.500\n"
                + "Fish &amp; &lt;chips&gt;.\n\n2\n01:01:01.250 --> 01:01:02.000\nAn hour later.\n");
        assertThat(Files.readString(work.resolve("a.srt"))).isEqualTo("1\n00:00:00,050 --> 00:00:01,500\n"
                + "Fish & <chips>.\n\n2\n01:01:01,250 --> 01:01:02,000\nAn hour later.\n");
        assertThat(CaptionFiles.read(work.resolve("a.vtt"))).isEqualTo(CaptionFiles.read(work.resolve("a.srt")))
            .extracting(Cue::text).containsExactly("Fish & <chips>.", "An hour later.");
        assertThat(CaptionFiles.nameOf("course/intro.mp3", "vtt")).isEqualTo("course/intro.vtt");
        assertThat(CaptionFiles.nameOf("v1.2/intro", "srt")).isEqualTo("v1.2/intro.srt");
    }
}
