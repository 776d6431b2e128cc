package com.akoolnarrator.report;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;

import com.akoolnarrator.HeadlessChromium;
import com.akoolnarrator.JobTestSupport;
import com.akoolnarrator.cli.RunOutcome;
import com.akoolnarrator.simulator.AkoolSimulator;

/**
 * The listening report as a person sees it: loaded from the file system in a real headless Chromium (Debian's
 * {@code chromium}; {@code .ci/run} installs it), with its script run, and a screenshot taken.
 */
class ListeningReportTests extends JobTestSupport {

    private static final Path CHROMIUM = Path.of("/usr/bin/chromium");

    @Test
    void theReportShowsEveryRowWithAPlayerForEachMp3FlaggedFilesFirstAndFiltersByStatus() throws Exception {
        String longText = "A long text that needs more than one line to read in full. ".repeat(6);
        Path input = csv("lessons.csv", "id,text,voice_id,course",
                "a,Hello & <welcome>.,en-US-Jenny,Course A",
                "b," + longText + ",en-US-Guy,Course A",
                "c,Broken " + AkoolSimulator.FAIL_MARKER + ".,en-US-Jenny,Course B",
                "d,,en-US-Jenny,Course B",
                "e,Loud " + AkoolSimulator.AUDIO_MARKER + "CLIPPED]] and clipped.,en-US-Jenny,Course B");
        assertThat(run(input).exitCode()).isEqualTo(RunOutcome.SOME_ROWS_FAILED);
        assertThat(results()).filteredOn(row -> row.get("id").equals("e")).singleElement()
            .satisfies(row -> assertThat(row.get("audio_check")).startsWith("CLIPPED: "));
        Path report = output().resolve("report.html");
        String html = Files.readString(report);
        assertThat(html).doesNotContain("http://", "https://").contains("Hello &amp; &lt;welcome&gt;.", "<details>");

        assumeTrue(Files.isExecutable(CHROMIUM), "Debian's chromium is not installed (.ci/run installs it)");
        String dom = chromium("--dump-dom", report.toUri().toString());
        assertThat(count(dom, "<tr class=\"")).isEqualTo(5);
        assertThat(count(dom, "<audio ")).isEqualTo(3);
        assertThat(dom).contains("id=\"count-ALL\">(5)", "id=\"count-FLAGGED\">(1)", "id=\"count-SUCCEEDED\">(3)",
                "id=\"count-FAILED\">(1)", "id=\"count-INVALID\">(1)");
        assertThat(dom).contains("src=\"a.mp3\"", "src=\"b.mp3\"");
        assertThat(count(dom, " LUFS · peak ")).as("loudness and peak beside every player").isEqualTo(3);
        String body = dom.substring(dom.indexOf("<tbody>"));
        assertThat(body.indexOf("<tr class=\"SUCCEEDED flagged\"")).as("the file to listen to comes first")
            .isLessThan(body.indexOf("<tr class=\"SUCCEEDED\""));
        assertThat(body).contains("CLIPPED: ");

        String flaggedOnly = chromium("--dump-dom", report.toUri() + "#FLAGGED");
        assertThat(count(flaggedOnly, "<tr class=\"")).isEqualTo(5);
        assertThat(count(flaggedOnly, " hidden=\"\"")).as("every row but the flagged one hidden").isEqualTo(4);
        Path screenshot = work.resolve("report.png");
        chromium("--screenshot=" + screenshot, "--window-size=1280,800", report.toUri().toString());
        assertThat(Files.size(screenshot)).isGreaterThan(5_000);
        Files.createDirectories(Path.of("target"));
        Files.copy(screenshot, Path.of("target", "report-screenshot.png"), java.nio.file.StandardCopyOption.REPLACE_EXISTING);
    }

    @Test
    void theReportShowsTheCurrentCaptionUnderThePlayerAsTheFilePlays() throws Exception {
        Path input = csv("lessons.csv", "id,text,voice_id", "a,\"Welcome to the course. Today we learn to read a chart"
                + " and to question a statistic. That is all.\",en-US-Jenny");
        assertThat(run(input).exitCode()).isEqualTo(RunOutcome.ALL_SUCCEEDED);
        Path report = output().resolve("report.html");

        try (HeadlessChromium chromium = HeadlessChromium.start(work)) {
            chromium.open(report.toUri().toString());
            chromium.waitFor("document.querySelector('audio').textTracks.length === 1");
            assertThat(chromium.evaluate("document.querySelector('audio').textTracks[0].cues.length").asInt()).isEqualTo(3);

            chromium.evaluate("document.querySelector('audio').play().then(() => true)");

            chromium.waitFor("document.querySelector('.cue').textContent === 'Welcome to the course.'");
        }
    }

    private String chromium(String... args) throws Exception {
        List<String> command = new ArrayList<>(List.of(CHROMIUM.toString(), "--headless", "--no-sandbox", "--disable-gpu",
                "--disable-quic", "--no-first-run", "--disable-background-networking", "--disable-component-update",
                "--disable-sync", "--user-data-dir=" + Files.createTempDirectory(work, "chromium")));
        command.addAll(List.of(args));
        Process process = new ProcessBuilder(command).redirectError(work.resolve("chromium.log").toFile()).start();
        byte[] out = process.getInputStream().readAllBytes();
        assertThat(process.waitFor(60, TimeUnit.SECONDS)).isTrue();
        return new String(out, StandardCharsets.UTF_8);
    }

    private static int count(String text, String needle) {
        Matcher matcher = Pattern.compile(Pattern.quote(needle)).matcher(text);
        int n = 0;
        while (matcher.find()) {
            n++;
        }
        return n;
    }
}
