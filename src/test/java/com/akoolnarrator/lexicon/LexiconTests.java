package com.akoolnarrator.lexicon;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.RandomAccessFile;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import com.akoolnarrator.input.LexiconFile;

/** The lexicon: how terms are found and replaced, and how a bad lexicon file is told. */
class LexiconTests {

    @TempDir
    Path folder;

    @Test
    void theLongestTermWinsAndWhatWasSaidIsNotReadAgain() throws Exception {
        Lexicon lexicon = lexicon("term,say", "SQL,sequel", "SQL Server,sequel server", "sequel,NOT AGAIN");

        Substitution said = lexicon.apply("Install SQL Server, then query it with SQL.");

        assertThat(said.text()).isEqualTo("Install sequel server, then query it with sequel.");
        assertThat(said.uses()).extracting(use -> use.entry().term() + " " + use.count() + " " + use.characters())
            .containsExactly("SQL Server 1 10", "SQL 1 3");
    }

    @Test
    void wholeWordsByDefaultAndCaseOnlyWhereAsked() throws Exception {
        Lexicon lexicon = lexicon("term;say;whole_word;match_case", "US;United States;yes;yes", "akool;ah-cool;;",
                "ing;ING;no;no");

        assertThat(lexicon.apply("Tell us about the US. Akool, AKOOL and akoolish.").text())
            .isEqualTo("Tell us about the United States. ah-cool, ah-cool and akoolish.");
        assertThat(lexicon.apply("Sing along").text()).as("inside a word, where asked").isEqualTo("SING along");
    }

    @Test
    void nonLatinTermsAndWordsAreMatchedAsWords() throws Exception {
        Lexicon lexicon = lexicon("term,say", "Müller,Mueller", "東京,とうきょう");

        assertThat(lexicon.apply("Frau Müller fährt nach 東京. Müllerin bleibt.").text())
            .isEqualTo("Frau Mueller fährt nach とうきょう. Müllerin bleibt.");
    }

    @Test
    void aTextWithoutTermsIsLeftAsItWas() throws Exception {
        Substitution said = lexicon("term,say", "SQL,sequel").apply("Nothing to change here.");

        assertThat(said.changed()).isFalse();
        assertThat(said.text()).isEqualTo("Nothing to change here.");
        assertThat(Lexicon.NONE.apply("SQL").text()).isEqualTo("SQL");
    }

    @Test
    void theChecksumIdentifiesTheFileContent() throws Exception {
        assertThat(lexicon("term,say", "SQL,sequel").sha256()).isEqualTo(lexicon("\uFEFFterm,say", "SQL,sequel").sha256())
            .isNotEqualTo(lexicon("term,say", "SQL,squeal").sha256());
    }

    @Test
    void aBadLexiconIsOneLineNamingTheLineAndTheFix() throws Exception {
        assertThatThrownBy(() -> lexicon("word,pronunciation", "SQL,sequel")).isInstanceOf(LexiconException.class)
            .hasMessageContaining("line 1 (header): needs the columns 'term' and 'say'");
        assertThatThrownBy(() -> lexicon("term,say", "SQL,sequel", "sql,squeal")).hasMessage(
                "the lexicon terms.csv, line 3, column 'term': 'sql' is already on line 2: keep one of them");
        assertThatThrownBy(() -> lexicon("term,say", "SQL,sequel", ",nothing"))
            .hasMessageContaining("line 3, column 'term': is empty");
        assertThatThrownBy(() -> lexicon("term,say", "SQL")).hasMessageContaining("line 2, column 'say': is empty");
        assertThatThrownBy(() -> lexicon("term,say,whole_word", "SQL,sequel,maybe"))
            .hasMessageContaining("line 2, column 'whole_word': 'maybe' is neither yes nor no");
        assertThatThrownBy(() -> lexicon("term,say", "\"SQL,sequel")).hasMessageContaining("cannot be read as CSV");
        assertThatThrownBy(() -> lexicon()).hasMessageContaining("is empty");
        Path latin1 = folder.resolve("latin1.csv");
        Files.write(latin1, "term,say\nM\u00fcller,Mueller\n".getBytes(StandardCharsets.ISO_8859_1));
        assertThatThrownBy(() -> LexiconFile.read(latin1)).hasMessageContaining("is not UTF-8 text");
        assertThatThrownBy(() -> LexiconFile.read(folder.resolve("missing.csv"))).hasMessageStartingWith(
                "lexicon file not found: ");
    }

    @Test
    void aLexiconLargerThanAnyRealOneIsRefusedNamingTheFileAndTheLimitBeforeItIsRead() throws Exception {
        Path huge = folder.resolve("huge.csv");
        try (RandomAccessFile file = new RandomAccessFile(huge.toFile(), "rw")) {
            file.setLength(3L << 30); // 3 GB, sparse
        }

        assertThatThrownBy(() -> LexiconFile.read(huge)).isInstanceOf(LexiconException.class)
            .hasMessage("the lexicon " + huge + " is larger than 16 MB, the most a lexicon may be (some 300,000 entries):"
                    + " is it the right file?");
        assertThatThrownBy(() -> LexiconFile.read(Path.of("/dev/zero"))).as("a device without end")
            .hasMessageContaining("the lexicon /dev/zero is larger than 16 MB");
    }

    private Lexicon lexicon(String... lines) throws Exception {
        Path file = folder.resolve("terms.csv");
        Files.writeString(file, lines.length == 0 ? "" : String.join("\n", lines) + "\n", StandardCharsets.UTF_8);
        return LexiconFile.read(file);
    }
}
