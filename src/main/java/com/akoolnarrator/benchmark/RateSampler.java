package com.akoolnarrator.benchmark;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import org.apache.hc.client5.http.classic.methods.HttpGet;
import org.apache.hc.client5.http.impl.classic.CloseableHttpClient;
import org.apache.hc.core5.http.io.entity.EntityUtils;

import com.akoolnarrator.simulator.AkoolSimulator;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** The simulator's counts, read every half second: how fast it accepted API requests, second by second. */
final class RateSampler {

    private final CloseableHttpClient http;
    private final AkoolSimulator simulator;
    private final List<double[]> samples = new ArrayList<>();
    private long firstRequestNanos = -1;
    private double firstDownloadSeconds = Double.NaN;
    private long mostAtAkool;

    RateSampler(CloseableHttpClient http, AkoolSimulator simulator) {
        this.http = http;
        this.simulator = simulator;
    }

    JsonNode stats() throws IOException {
        String json = http.execute(new HttpGet(simulator.baseUrl().resolve("/simulator/stats")),
                r -> EntityUtils.toString(r.getEntity()));
        return JsonMapper.builder().build().readTree(json);
    }

    long apiCalls(JsonNode stats) {
        return stats.path("create").asLong() + stats.path("clone").asLong() + stats.path("info").asLong()
                + stats.path("voices").asLong() + stats.path("quota").asLong();
    }

    void sample() throws IOException {
        JsonNode stats = stats();
        long now = System.nanoTime();
        if (firstRequestNanos < 0 && stats.path("create").asLong() + stats.path("clone").asLong() > 0) {
            firstRequestNanos = now;
        }
        // a job's end reaches the job by a status call or a callback it answered 200 (a duplicated one counts twice)
        mostAtAkool = Math.max(mostAtAkool, stats.path("accepted").asLong() - stats.path("finished-reported").asLong()
                - stats.path("callbacks-answered-200").asLong());
        if (firstRequestNanos >= 0 && Double.isNaN(firstDownloadSeconds) && stats.path("download").asLong() > 0) {
            firstDownloadSeconds = (now - firstRequestNanos) / 1e9;
        }
        if (firstRequestNanos >= 0) {
            samples.add(new double[] { (now - firstRequestNanos) / 1e9, apiCalls(stats) - stats.path("rate-limited").asLong() });
        }
    }

    /** Seconds after the first submission until the first download request, as sampled. */
    Optional<Double> firstDownload() {
        return Double.isNaN(firstDownloadSeconds) ? Optional.empty() : Optional.of(firstDownloadSeconds);
    }

    long mostAtAkool() {
        return mostAtAkool;
    }

    /** Seconds after the first submission until a window of a second or more first saw {@code rate} accepted/s. */
    Optional<Double> reached(double rate) {
        for (int i = 0; i < samples.size(); i++) {
            for (int j = i + 1; j < samples.size(); j++) {
                double seconds = samples.get(j)[0] - samples.get(i)[0];
                if (seconds >= 1) {
                    if ((samples.get(j)[1] - samples.get(i)[1]) / seconds >= rate) {
                        return Optional.of(samples.get(j)[0]);
                    }
                    break;
                }
            }
        }
        return Optional.empty();
    }
}
