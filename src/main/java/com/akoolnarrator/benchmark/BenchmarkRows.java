package com.akoolnarrator.benchmark;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;

import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;
import org.apache.hc.client5.http.classic.methods.HttpGet;
import org.apache.hc.client5.http.impl.classic.CloseableHttpClient;
import org.apache.hc.core5.http.io.entity.EntityUtils;

import com.akoolnarrator.akool.AkoolClient;
import com.akoolnarrator.akool.AkoolCredentials;
import com.akoolnarrator.akool.AkoolRequestThrottle;
import com.akoolnarrator.akool.AudioJob;
import com.akoolnarrator.akool.SpeechRequest;
import com.akoolnarrator.simulator.AkoolSimulator;

import tools.jackson.databind.json.JsonMapper;

/** The benchmark's rows (course-like texts of a chosen length), and the one-row-at-a-time loop it compares the job with. */
final class BenchmarkRows {

    private static final String[] WORDS = ("the data shows that every learner can follow a chart when its axes are clear and its"
            + " sources are named before we compare two groups we check how each was sampled a median resists outliers while"
            + " a mean moves with them good questions start with who collected the numbers how and why safety at work begins"
            + " with small habits lift with your knees keep exits clear and report hazards early").split(" ");

    private BenchmarkRows() {
    }

    /** The loop public clients use: submit, poll every 1.5 s until done, download, next row. Seconds per row. */
    static double baseline(AkoolSimulator simulator, CloseableHttpClient http, String key, Path input, int rows, double rate,
            Path folder) throws Exception {
        AkoolClient client = new AkoolClient(simulator.baseUrl(), new AkoolCredentials.ApiKey(key, "benchmark"), http,
                new AkoolRequestThrottle(rate, rate), JsonMapper.builder().build());
        Files.createDirectories(folder);
        List<String> texts = new ArrayList<>();
        try (var reader = Files.newBufferedReader(input)) {
            for (var record : CSVFormat.RFC4180.builder().setHeader().setSkipHeaderRecord(true).get().parse(reader)) {
                if (texts.size() < rows) {
                    texts.add(record.get("text") + " (baseline)");
                }
            }
        }
        long started = System.nanoTime();
        for (int i = 0; i < texts.size(); i++) {
            AudioJob job = client.submit(new SpeechRequest(texts.get(i), "en-US-Jenny", null, "100%", null));
            while (!job.isCompleted()) {
                Thread.sleep(1500);
                job = client.audioInfo(job.id());
            }
            byte[] mp3 = http.execute(new HttpGet(job.url()), r -> EntityUtils.toByteArray(r.getEntity()));
            Files.write(folder.resolve(i + ".mp3"), mp3);
        }
        return (System.nanoTime() - started) / 1e9 / texts.size();
    }

    static int generate(Path file, String idPrefix, int rows, int minChars, int maxChars, Random random) {
        int longest = 0;
        try (Writer writer = Files.newBufferedWriter(file, StandardCharsets.UTF_8);
                CSVPrinter csv = new CSVPrinter(writer, CSVFormat.RFC4180)) {
            csv.printRecord("id", "text", "voice_id", "course");
            for (int i = 1; i <= rows; i++) {
                int target = minChars + random.nextInt(Math.max(1, maxChars - minChars + 1));
                StringBuilder text = new StringBuilder("Lesson ").append(i).append('.');
                while (text.length() < target) {
                    text.append(' ').append(WORDS[random.nextInt(WORDS.length)]);
                    if (random.nextInt(12) == 0) {
                        text.append('.');
                    }
                }
                text.setLength(target);
                longest = Math.max(longest, target);
                csv.printRecord(idPrefix + "row-" + i, text.toString().strip() + ".", i % 3 == 0 ? "en-US-Guy" : "en-US-Jenny", "Course " + (i % 10));
            }
        }
        catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return longest;
    }
}
