package com.akoolnarrator.input;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;

import org.junit.jupiter.api.Test;

class ScriptSplitterTests {

    private final ScriptSplitter splitter = new ScriptSplitter(5000);

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
}
