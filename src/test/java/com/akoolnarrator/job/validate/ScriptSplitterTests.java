package com.akoolnarrator.job.validate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;

import org.junit.jupiter.api.Test;

class ScriptSplitterTests {

    private final ScriptSplitter splitter = new ScriptSplitter(5000, 50_000);

    /** Sentences of ten words each, numbered so that every part's first and last sentence can be told apart. */
    static String script(int sentences) {
        StringBuilder text = new StringBuilder();
        for (int i = 1; i <= sentences; i++) {
            text.append("Sentence ").append(i).append(" tells the learner one more thing about narration. ");
            if (i % 7 == 0) {
                text.append("\n\n");
            }
        }
        return text.toString().strip();
    }

    @Test
    void aTextWithinTheLimitIsOnePart() {
        String text = script(500);
        assertThat(ScriptSplitter.words(text)).isEqualTo(5000);
        assertThat(splitter.split(text)).containsExactly(text);
    }

    @Test
    void aTwelveThousandWordScriptIsSplitAtSentenceEndsIntoPartsUnderTheLimit() {
        String text = script(1200);

        List<String> parts = splitter.split(text);

        assertThat(parts).hasSize(3);
        assertThat(parts).allSatisfy(part -> {
            assertThat(ScriptSplitter.words(part)).isLessThanOrEqualTo(5000);
            assertThat(part).startsWith("Sentence ").endsWith("narration.");
        });
        assertThat(parts.stream().mapToInt(ScriptSplitter::words).sum()).isEqualTo(12_000);
        assertThat(String.join(" ", parts).replaceAll("\\s+", " ")).isEqualTo(text.replaceAll("\\s+", " "));
        assertThat(parts.get(1)).startsWith("Sentence 501 ");
    }

    @Test
    void aSentenceOverTheLimitCannotBeSplit() {
        String endless = "And then " + "again ".repeat(5100) + "it ended.";
        String text = script(10) + " " + endless + " " + script(3);

        assertThatThrownBy(() -> splitter.split(text))
            .isInstanceOfSatisfying(ScriptSplitter.TooLongSentence.class, e -> {
                assertThat(e.words()).isEqualTo(5104);
                assertThat(e.sentenceStart()).startsWith("And then again again");
            });
    }

    @Test
    void aTextWithoutSpacesIsSplitByCharactersAtSentenceEnds() {
        // Japanese: few "words" (no spaces), many characters; each sentence 21 characters
        String sentence = "これは講座の文章です。次の文に進みます。";
        String text = sentence.repeat(100);
        ScriptSplitter byCharacters = new ScriptSplitter(5000, 1000);

        List<String> parts = byCharacters.split(text);

        assertThat(ScriptSplitter.words(text)).isEqualTo(1);
        assertThat(parts).hasSizeGreaterThan(1).allSatisfy(part -> {
            assertThat(ScriptSplitter.characters(part)).isLessThanOrEqualTo(1000);
            assertThat(part).endsWith("。");
        });
        assertThat(String.join("", parts)).isEqualTo(text);
    }

    @Test
    void aSentenceOverTheCharacterLimitCannotBeSplit() {
        assertThatThrownBy(() -> new ScriptSplitter(5000, 1000).split("a".repeat(1001) + "."))
            .isInstanceOf(ScriptSplitter.TooLongSentence.class)
            .satisfies(e -> assertThat(((ScriptSplitter.TooLongSentence) e).characters()).isEqualTo(1002));
    }
}
