package com.akoolnarrator.input;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Whole-file problems: each stops the run before any API call (exit 2) with one message naming the fix. */
class InputFileTests {

    @TempDir
    Path dir;

    private Path write(String name, String content) throws IOException {
        return Files.writeString(dir.resolve(name), content, StandardCharsets.UTF_8);
    }

    @Test
    void missingFile() {
        assertThatThrownBy(() -> InputFile.inspect(dir.resolve("nope.csv")))
            .isInstanceOf(InputFileException.class).hasMessageContaining("input file not found").hasMessageContaining("nope.csv");
    }

    @Test
    void noInputGiven() {
        assertThatThrownBy(() -> InputFile.inspect(null)).hasMessageContaining("--input=");
    }

    @Test
    void folderInsteadOfFile() {
        assertThatThrownBy(() -> InputFile.inspect(dir)).hasMessageContaining("is a folder");
    }

    @Test
    void emptyFile() throws IOException {
        assertThatThrownBy(() -> InputFile.inspect(write("empty.csv", ""))).hasMessageContaining("input file is empty");
    }

    @Test
    void blankFirstLineIsNoHeader() throws IOException {
        assertThatThrownBy(() -> InputFile.inspect(write("blank.csv", "\n\n"))).hasMessageContaining("no header row");
    }

    @Test
    void spreadsheetWorkbookIsNotCsv() throws IOException {
        Path xlsx = dir.resolve("lessons.xlsx");
        Files.write(xlsx, new byte[] { 'P', 'K', 3, 4, 20, 0, 6, 0, 8, 0 });
        assertThatThrownBy(() -> InputFile.inspect(xlsx)).hasMessageContaining("spreadsheet workbook")
            .hasMessageContaining("CSV UTF-8");
    }

    @Test
    void binaryFileIsNotCsv() throws IOException {
        Path bin = dir.resolve("data.csv");
        Files.write(bin, new byte[] { 'i', 'd', 0, 1, 2 });
        assertThatThrownBy(() -> InputFile.inspect(bin)).hasMessageContaining("binary file");
    }

    @Test
    void missingRequiredColumnSuggestsTheNearestHeader() throws IOException {
        assertThatThrownBy(() -> InputFile.inspect(write("typo.csv", "id,txet,voice_id\n1,hello,en-US-Jenny\n")))
            .hasMessageContaining("line 1 (header)")
            .hasMessageContaining("required column 'text' is missing")
            .hasMessageContaining("did you mean 'text' for the column headed 'txet'");
    }

    @Test
    void noVoiceColumn() throws IOException {
        assertThatThrownBy(() -> InputFile.inspect(write("novoice.csv", "id,text,voise_id\n1,hello,x\n")))
            .hasMessageContaining("neither a 'voice_id' nor a 'voice_url' column")
            .hasMessageContaining("did you mean 'voice_id'");
    }

    @Test
    void headersAreUnderstoodWhateverTheirCaseSpacesOrSeparators() throws IOException {
        InputFile input = InputFile.inspect(write("loose.csv", "\uFEFF ID ,Text ,Voice ID,Course\n1,hello,en-US-Jenny,A\n"));
        assertThat(input.header().has(InputColumn.ID)).isTrue();
        assertThat(input.header().has(InputColumn.TEXT)).isTrue();
        assertThat(input.header().has(InputColumn.VOICE_ID)).isTrue();
        assertThat(input.header().passThroughNames()).containsExactly("Course");
    }

    @Test
    void inputTextIsAnAliasOfText() throws IOException {
        assertThat(InputFile.inspect(write("alias.csv", "id,input_text,voice_id\n")).header().has(InputColumn.TEXT)).isTrue();
    }

    @Test
    void theSameColumnTwiceIsRejected() throws IOException {
        assertThatThrownBy(() -> InputFile.inspect(write("twice.csv", "id,text,input_text,voice_id\n")))
            .hasMessageContaining("names column 'text' twice");
    }

    @Test
    void semicolonSeparatedExportsAreDetected() throws IOException {
        InputFile input = InputFile.inspect(write("excel-de.csv", "id;text;voice_id;kurs\n1;Hallo, Welt;de-DE-Katja;A\n"));
        assertThat(input.delimiter()).isEqualTo(';');
        assertThat(input.header().passThroughNames()).containsExactly("kurs");
    }

    @Test
    void utf16IsExplained() throws IOException {
        Path utf16 = dir.resolve("utf16.csv");
        Files.write(utf16, "id,text,voice_id\n".getBytes(StandardCharsets.UTF_16LE));
        Files.write(utf16, concat(new byte[] { (byte) 0xFF, (byte) 0xFE }, Files.readAllBytes(utf16)));
        assertThatThrownBy(() -> InputFile.inspect(utf16)).hasMessageContaining("UTF-16");
    }

    private static byte[] concat(byte[] a, byte[] b) {
        byte[] both = new byte[a.length + b.length];
        System.arraycopy(a, 0, both, 0, a.length);
        System.arraycopy(b, 0, both, a.length, b.length);
        return both;
    }
}
