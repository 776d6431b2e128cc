package com.akoolnarrator.captions;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVRecord;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import com.akoolnarrator.audio.MeasuredSpeech;

/**
 * The alignment against speech whose sentence starts are known: espeak-ng reading each sentence, joined with pauses of
 * a few hundred milliseconds ({@code fixtures/captions/make.sh}), decoded and measured as the audio check does.
 */
class CaptionAlignerTests {

    private static final Path FIXTURES = Path.of("src/test/resources/fixtures/captions");

    @ParameterizedTest
    @ValueSource(strings = { "lesson-steady", "lesson-quick", "lesson-slow" })
    void eachSentenceStartsWhereItIsSpoken(String lesson) throws Exception {
        List<CSVRecord> truth = truth(lesson);
        String written = String.join(" ", truth.stream().map(r -> r.get("sentence")).toList());
        MeasuredSpeech speech = MeasuredSpeech.of(FIXTURES.resolve(lesson + ".mp3"));

        CaptionAligner.Timed timed = CaptionAligner.time(CueTexts.of(written), speech.seconds(), speech.pauses(), null);

        assertThat(timed.aligned()).as(timed.timing()).isTrue();
        assertThat(timed.cues()).extracting(Cue::text).containsExactlyElementsOf(truth.stream().map(r -> r.get("sentence")).toList());
        List<Double> errors = new ArrayList<>();
        for (int i = 0; i < truth.size(); i++) {
            errors.add(Math.abs(timed.cues().get(i).start() - Double.parseDouble(truth.get(i).get("start"))));
        }
        System.out.printf("%s: cue start errors %s%n", lesson, errors.stream().map(e -> String.format("%.2f", e)).toList());
        assertThat(errors).allSatisfy(error -> assertThat(error).isLessThan(0.25));
        for (int i = 0; i < timed.cues().size(); i++) {
            Cue cue = timed.cues().get(i);
            assertThat(cue.end()).isGreaterThan(cue.start()).isLessThanOrEqualTo(speech.seconds());
            if (i > 0) {
                assertThat(cue.start()).isGreaterThanOrEqualTo(timed.cues().get(i - 1).end());
            }
        }
    }

    private static List<CSVRecord> truth(String lesson) throws Exception {
        try (Reader reader = Files.newBufferedReader(FIXTURES.resolve(lesson + ".truth.csv"), StandardCharsets.UTF_8)) {
            return CSVFormat.RFC4180.builder().setHeader().setSkipHeaderRecord(true).get().parse(reader).getRecords();
        }
    }
}
