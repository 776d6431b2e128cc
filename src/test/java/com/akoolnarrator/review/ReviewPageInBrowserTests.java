package com.akoolnarrator.review;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import com.akoolnarrator.HeadlessChromium;
import com.akoolnarrator.JobTestSupport;

/**
 * The review page as a listener uses it, in a real headless Chromium: the rows listed with their players, a take
 * played from the keyboard, a row sent back with a reason, and the decision still there after a reload (it is in the
 * job database, not in the page).
 */
class ReviewPageInBrowserTests extends JobTestSupport {

    @Autowired
    ReviewCommand review;

    @Test
    void aListenerPlaysATakeSendsARowBackWithAReasonAndFindsItKeptAfterAReload() throws Exception {
        run(numberedRows("Lesson", 3));
        try (ReviewCommand.Serving serving = review.serve(output(), "127.0.0.1", 0, "erin");
                HeadlessChromium chromium = HeadlessChromium.start(work)) {
            chromium.open(serving.url());
            chromium.waitFor("document.querySelectorAll('tbody tr').length === 3");
            assertThat(chromium.evaluate("document.querySelectorAll('tbody tr audio').length").asInt()).isEqualTo(3);
            assertThat(chromium.evaluate("document.querySelector('tr.current td').textContent").asString()).isEqualTo("r1");

            chromium.press("p");
            chromium.waitFor("document.querySelector('tr.current audio').currentTime > 0.2");

            chromium.press("j");
            assertThat(chromium.evaluate("document.querySelector('tr.current td').textContent").asString()).isEqualTo("r2");
            chromium.press("r");
            chromium.waitFor("document.activeElement.classList.contains('reason')");
            chromium.type("reads \"SQL\" as a word");
            chromium.press("Enter");
            chromium.waitFor("document.querySelector('tr[data-line=\"3\"] .decision.redo') !== null");

            chromium.reload();
            chromium.waitFor("document.querySelectorAll('tbody tr').length === 3");
            assertThat(chromium.evaluate("document.querySelector('tr[data-line=\"3\"] .decision').parentNode.textContent")
                .asString()).contains("redo", "reads \"SQL\" as a word", "erin");
            chromium.evaluate("document.querySelector('button[data-filter=\"redo\"]').click(), true");
            assertThat(chromium.evaluate("Array.from(document.querySelectorAll('tbody tr')).filter(r => !r.hidden).length")
                .asInt()).isEqualTo(1);
        }
        ByteArrayOutputStream exported = new ByteArrayOutputStream();
        review.export(output(), "-", new PrintStream(exported, true, StandardCharsets.UTF_8));
        assertThat(exported.toString(StandardCharsets.UTF_8)).contains("r2,r2.mp3,redo,\"reads \"\"SQL\"\" as a word\",erin");
    }
}
