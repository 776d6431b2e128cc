package com.akoolnarrator.job.validate;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.batch.infrastructure.item.ExecutionContext;

import com.akoolnarrator.input.InputFile;
import com.akoolnarrator.input.KnownVoices;
import com.akoolnarrator.input.TrackTags;
import com.akoolnarrator.lexicon.Lexicon;

/**
 * Row problems: each makes its row INVALID with a message naming the line, the column and the fix, read through the
 * real streaming reader so that line numbers are the ones a person sees in an editor.
 */
class RowValidationTests {

    @TempDir
    Path dir;

    private final KnownVoices voices = new KnownVoices(null) {
        @Override
        public Optional<Set<String>> ids() {
            return Optional.of(Set.of("en-US-Jenny", "en-US-Guy"));
        }
    };

    private List<ValidatedRow> validate(String content) throws Exception {
        return validate(content.getBytes(StandardCharsets.UTF_8));
    }

    private List<ValidatedRow> validate(byte[] content) throws Exception {
        Path file = dir.resolve("rows.csv");
        Files.write(file, content);
        InputFile input = InputFile.inspect(file);
        RowValidator validator = new RowValidator(input.header(), "100%", 5000, 50_000, voices, Lexicon.NONE,
                new TagColumns(input.header(), "title", "album", "artist", "track", "comment"));
        CsvRowReader reader = new CsvRowReader(input);
        reader.open(new ExecutionContext());
        List<ValidatedRow> rows = new ArrayList<>();
        for (InputRecord record = reader.read(); record != null; record = reader.read()) {
            rows.add(validator.process(record));
        }
        reader.close();
        return rows;
    }

    private ValidatedRow only(String header, String row) throws Exception {
        List<ValidatedRow> rows = validate(header + "\n" + row + "\n");
        assertThat(rows).hasSize(1);
        return rows.get(0);
    }

    @Test
    void aTagCellLongerThanATagKeepsIsCutOnACharactersBoundaryAndTheRowNarrates() throws Exception {
        String lesson = "A long lesson. ".repeat(1_540); // 23,100 characters
        String title = "t".repeat(TrackTags.MAX_VALUE - 1) + "\uD83D\uDE00 and more"; // an emoji across the limit

        ValidatedRow row = only("id,text,voice_id,title,comment", "a," + lesson.strip() + ",en-US-Jenny," + title + ","
                + lesson.strip());

        assertThat(row.isValid()).as(row.invalidReason()).isTrue();
        assertThat(row.spec().tags().comment()).isEqualTo(lesson.substring(0, TrackTags.MAX_VALUE).strip());
        assertThat(row.spec().tags().title()).as("not half a character").hasSize(TrackTags.MAX_VALUE - 1);
        assertThat(row.spec().tags().encode().length()).isLessThanOrEqualTo(20_000);
    }

    @Test
    void aValidRowBecomesANarration() throws Exception {
        ValidatedRow row = only("id,text,voice_id,rate,output", "a-1,Hello there.,en-US-Jenny,85,lessons/a-1.mp3");
        assertThat(row.isValid()).isTrue();
        assertThat(row.spec().rate()).isEqualTo("85%");
        assertThat(row.spec().outputFile()).isEqualTo("lessons/a-1.mp3");
        assertThat(row.spec().endpoint()).isEqualTo("create");
    }

    @Test
    void defaultsRateAndFileName() throws Exception {
        ValidatedRow row = only("id,text,voice_url,rate", "b,Hi.,https://cdn.example.com/v.mp3,");
        assertThat(row.spec().rate()).isEqualTo("100%");
        assertThat(row.spec().outputFile()).isEqualTo("b.mp3");
        assertThat(row.spec().endpoint()).isEqualTo("clone");
    }

    @Test
    void emptyOrBlankText() throws Exception {
        assertThat(only("id,text,voice_id", "a,   ,en-US-Jenny").invalidReason())
            .isEqualTo("line 2, column 'text': is empty: write the text to narrate");
    }

    @Test
    void textOverAkoolsWordLimitIsSentInPartsSplitAtSentenceEnds() throws Exception {
        ValidatedRow row = only("id,text,voice_id", "a,\"" + ScriptSplitterTests.script(1200) + "\",en-US-Jenny");
        assertThat(row.isValid()).isTrue();
        assertThat(row.spec().isSplit()).isTrue();
        assertThat(row.spec().parts()).hasSize(3);
        assertThat(row.spec().text()).startsWith("Sentence 1 ").endsWith("Sentence 1200 tells the learner one more thing about narration.");
    }

    @Test
    void textOverAkoolsWordLimitWithASentenceTooLongToSplitIsInvalid() throws Exception {
        String words = "word ".repeat(5001);
        assertThat(only("id,text,voice_id", "a," + words + ",en-US-Jenny").invalidReason())
            .contains("line 2, column 'text'", "5001 words", "limit of 5000", "cannot be split at a sentence end",
                    "the sentence starting \"word word", "end it earlier with a full stop");
    }

    @Test
    void textOverTheCharacterLimitWithASentenceTooLongToSplitIsInvalid() throws Exception {
        String chinese = "字".repeat(60_000);
        assertThat(only("id,text,voice_id", "a," + chinese + ",en-US-Jenny").invalidReason())
            .contains("line 2, column 'text'", "has 60000 characters, over the limit of 50000 (narrator.max-characters)",
                    "cannot be split at a sentence end", "alone has 60000 characters");
    }

    @Test
    void cellsLongerThanTheJobKeepsAreInvalidWithTheirLengthAndTheLimit() throws Exception {
        assertThat(only("id,text,voice_id", "a,Text.," + "v".repeat(600)).invalidReason())
            .isEqualTo("line 2, column 'voice_id': has 600 characters, more than the 512 it may have: shorten it");
        assertThat(only("id,text,voice_url", "a,Text.,https://example.com/" + "u".repeat(3000)).invalidReason())
            .startsWith("line 2, column 'voice_url': has 3020 characters, more than the 2048");
    }

    @Test
    void malformedOrOutOfRangeRate() throws Exception {
        assertThat(only("id,text,voice_id,rate", "a,Hi.,en-US-Jenny,fast").invalidReason())
            .contains("line 2, column 'rate'", "'fast' is not a speed", "0% to 100%");
        assertThat(only("id,text,voice_id,rate", "a,Hi.,en-US-Jenny,150%").invalidReason())
            .contains("line 2, column 'rate'", "out of range");
    }

    @Test
    void neitherOrBothVoices() throws Exception {
        assertThat(only("id,text,voice_id,voice_url", "a,Hi.,,").invalidReason())
            .contains("line 2, column 'voice_id'", "no voice");
        assertThat(only("id,text,voice_id,voice_url", "a,Hi.,en-US-Jenny,https://x.example/v.mp3").invalidReason())
            .contains("both 'voice_id' and 'voice_url'", "keep one");
    }

    @Test
    void voiceIdNotInTheAccountsList() throws Exception {
        assertThat(only("id,text,voice_id", "a,Hi.,en-US-Jeny").invalidReason())
            .contains("line 2, column 'voice_id'", "'en-US-Jeny' is not one of this account's voices", "voices");
    }

    @Test
    void voiceUrlMustBeHttp() throws Exception {
        assertThat(only("id,text,voice_url", "a,Hi.,ftp://x.example/v.mp3").invalidReason())
            .contains("column 'voice_url'", "not an http(s) URL");
    }

    @Test
    void unsafeOutputPaths() throws Exception {
        String header = "id,text,voice_id,output";
        assertThat(only(header, "a,Hi.,en-US-Jenny,/etc/passwd.mp3").invalidReason()).contains("column 'output'", "absolute");
        assertThat(only(header, "a,Hi.,en-US-Jenny,C:/x.mp3").invalidReason()).contains("absolute");
        assertThat(only(header, "a,Hi.,en-US-Jenny,../escape.mp3").invalidReason()).contains("leaves the output folder");
        assertThat(only(header, "a,Hi.,en-US-Jenny,what?.mp3").invalidReason()).contains("not allowed in file names");
        assertThat(only(header, "a,Hi.,en-US-Jenny,lessons/CON.mp3").invalidReason()).contains("Windows reserves");
        assertThat(only(header, "a,Hi.,en-US-Jenny,lessons/intro").invalidReason()).contains("does not end in .mp3");
    }

    @Test
    void anIdThatCannotBeAFileNameNeedsAnOutput() throws Exception {
        assertThat(only("id,text,voice_id", "a/b,Hi.,en-US-Jenny").invalidReason())
            .contains("column 'id'", "cannot be used as a file name", "'output'");
    }

    @Test
    void moreOrFewerCellsThanTheHeader() throws Exception {
        List<ValidatedRow> rows = validate("id,text,voice_id\na,Hello, world,en-US-Jenny\nb,Short\n");
        assertThat(rows.get(0).invalidReason()).contains("line 2 has 4 cells but the header has 3", "double quotes");
        assertThat(rows.get(1).invalidReason()).contains("line 3 has 2 cells");
    }

    @Test
    void anUnbalancedQuoteIsReportedAtTheLineWhereItStarted() throws Exception {
        List<ValidatedRow> rows = validate("id,text,voice_id\na,Fine.,en-US-Jenny\nb,\"Never closed,en-US-Jenny\nc,Lost.,en-US-Jenny\n");
        assertThat(rows).hasSize(2);
        assertThat(rows.get(0).isValid()).isTrue();
        assertThat(rows.get(1).invalidReason()).startsWith("line 3: a quoted cell opens here and never closes");
    }

    @Test
    void lineNumbersCountMultiLineCellsAndBlankLines() throws Exception {
        List<ValidatedRow> rows = validate("id,text,voice_id\na,\"two\nlines\",en-US-Jenny\n\nb,,en-US-Jenny\n");
        assertThat(rows).hasSize(2);
        assertThat(rows.get(0).isValid()).isTrue();
        assertThat(rows.get(1).invalidReason()).startsWith("line 5, column 'text'");
    }

    @Test
    void invalidUtf8IsReportedWithItsLineAndColumn() throws Exception {
        byte[] bad = "id,text,voice_id\na,caf\u00e9,en-US-Jenny\nb,caf".getBytes(StandardCharsets.UTF_8);
        byte[] content = new byte[bad.length + 1 + ",en-US-Jenny\n".length()];
        System.arraycopy(bad, 0, content, 0, bad.length);
        content[bad.length] = (byte) 0xE9; // Latin-1 é
        System.arraycopy(",en-US-Jenny\n".getBytes(StandardCharsets.US_ASCII), 0, content, bad.length + 1, 13);
        List<ValidatedRow> rows = validate(content);
        assertThat(rows.get(0).isValid()).isTrue();
        assertThat(rows.get(1).invalidReason()).contains("line 3, column 'text'", "not valid UTF-8", "CSV UTF-8");
        assertThat(rows.get(1).values()).as("kept as read, the bad byte shown as U+FFFD").contains("caf\uFFFD");
    }

    @Test
    void aCellThatReallyHoldsTheReplacementCharacterIsValid() throws Exception {
        ValidatedRow row = only("id,text,voice_id", "a,An unknown glyph \uFFFD is read aloud as it is.,en-US-Jenny");

        assertThat(row.isValid()).as(row.invalidReason()).isTrue();
        assertThat(row.spec().text()).contains("\uFFFD");
    }

    @Test
    void webhookMustBeHttp() throws Exception {
        assertThat(only("id,text,voice_id,webhook_url", "a,Hi.,en-US-Jenny,mailto:me@example.com").invalidReason())
            .contains("column 'webhook_url'");
    }
}
