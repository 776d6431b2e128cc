package com.akoolnarrator;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;

/**
 * The review command as a user runs it, from the packaged jar: the page's address first on standard output, the page
 * listing every row with a player, the process ended within 5 s of SIGTERM; an import naming an unknown id refused in
 * one line, exit 2, changing nothing.
 */
class ReviewCommandIT extends PackagedJarSupport {

    @Test
    void theReviewPrintsItsAddressFirstServesThePageAndEndsSoonAfterSigterm() throws Exception {
        narrate(3);
        Process review = jar(List.of("review", "--output-dir=" + work.resolve("out"), "--port=0", "--reviewer=frank"))
            .redirectError(work.resolve("review.log").toFile()).start();
        try {
            BufferedReader out = new BufferedReader(new InputStreamReader(review.getInputStream(), StandardCharsets.UTF_8));
            String first = CompletableFuture.supplyAsync(() -> readLine(out)).get(60, TimeUnit.SECONDS);
            assertThat(first).as(log("review.log")).matches("http://127\\.0\\.0\\.1:\\d+/");

            HttpClient http = HttpClient.newHttpClient();
            assertThat(http.send(HttpRequest.newBuilder(URI.create(first)).build(), HttpResponse.BodyHandlers.ofString())
                .body()).contains("<title>Review</title>", "name=\"review-token\"");
            String rows = http.send(HttpRequest.newBuilder(URI.create(first + "rows")).build(),
                    HttpResponse.BodyHandlers.ofString()).body();
            assertThat(rows).contains("\"id\":\"r1\"", "\"id\":\"r2\"", "\"id\":\"r3\"", "\"audio\":\"audio/2/1\"",
                    "\"reviewer\":\"frank\"");

            long stopAsked = System.nanoTime();
            review.destroy(); // SIGTERM
            assertThat(review.waitFor(5, TimeUnit.SECONDS)).as("ended within 5 s of SIGTERM").isTrue();
            System.out.printf("review ended %d ms after SIGTERM%n", TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - stopAsked));
            assertThat(review.exitValue()).isZero();
        }
        finally {
            review.destroyForcibly();
        }
    }

    @Test
    void anImportNamingAnUnknownIdIsOneLineAndExitTwoAndChangesNothing() throws Exception {
        narrate(2);
        Path decisions = work.resolve("decisions.csv");
        Files.writeString(decisions, "id,decision,reason\nr1,redo,too slow\nghost,approve,\n");

        Process refused = jar(List.of("review", "--output-dir=" + work.resolve("out"), "--import=" + decisions))
            .redirectErrorStream(true).redirectOutput(work.resolve("import.log").toFile()).start();
        assertThat(refused.waitFor(60, TimeUnit.SECONDS)).isTrue();

        assertThat(refused.exitValue()).as(log("import.log")).isEqualTo(2);
        List<String> errors = log("import.log").lines().filter(line -> line.contains("ERROR")).toList();
        assertThat(errors).singleElement().asString()
            .contains("Cannot review: " + decisions + ", line 3, column 'id': 'ghost' is not a row");
        assertThat(log("import.log")).doesNotContain("\tat ", "Exception");

        Process export = jar(List.of("review", "--output-dir=" + work.resolve("out"), "--export=-"))
            .redirectError(work.resolve("export.log").toFile()).start();
        String exported = new String(export.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(export.waitFor(60, TimeUnit.SECONDS)).isTrue();
        assertThat(exported.lines().skip(1)).as("no decision saved").hasSize(2)
            .allSatisfy(line -> assertThat(line.split(",", -1)[2]).isEmpty());
    }

    private void narrate(int rows) throws Exception {
        List<String> lines = new ArrayList<>(List.of("id,text,voice_id"));
        for (int i = 1; i <= rows; i++) {
            lines.add("r" + i + ",Lesson " + i + ".,en-US-Jenny");
        }
        Path input = work.resolve("lessons.csv");
        Files.write(input, lines);
        Process run = startJar("run.log", List.of("--input=" + input, "--output-dir=" + work.resolve("out")));
        assertThat(run.waitFor(120, TimeUnit.SECONDS)).isTrue();
        assertThat(run.exitValue()).as(log("run.log")).isZero();
    }

    private static String readLine(BufferedReader reader) {
        try {
            return reader.readLine();
        }
        catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }
}
