package com.akoolnarrator.simulator;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

import tools.jackson.databind.ObjectMapper;
import tools.jackson.databind.json.JsonMapper;

import com.akoolnarrator.webhook.WebhookSeal;

/**
 * Akool's webhook, as {@code shared/akool-api.md} describes it: when a job with a {@code webhookUrl} ends, a POST of
 * {@code {signature, dataEncrypt, timestamp, nonce}}, sealed with the account's client id and key, called again until
 * it is answered 200 (here: at growing intervals, {@link #MAX_DELIVERIES} times at most). With the faults of a bad day:
 * a callback never sent, sent twice (signed anew), late, or with a bad signature on every delivery. Which job got
 * which fault is kept for tests ({@link #faultOf}).
 */
final class SimulatedCallbacks implements AutoCloseable {

    /** What happened to a job's callback. */
    enum Fault { NONE, DROPPED, DUPLICATED, LATE, FORGED }

    static final int MAX_DELIVERIES = 8;
    private static final Duration FIRST_RETRY = Duration.ofSeconds(1);

    private final SimulatorSettings settings;
    private final FaultInjector faults;
    private final ObjectMapper json = JsonMapper.builder().build();
    private final ScheduledExecutorService timer = Executors.newScheduledThreadPool(2, runnable -> {
        Thread thread = new Thread(runnable, "akool-simulator-callbacks");
        thread.setDaemon(true);
        return thread;
    });
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private final Map<String, Fault> faultsByJob = new ConcurrentHashMap<>();
    private final SimulatorCounters counts = new SimulatorCounters();

    SimulatedCallbacks(SimulatorSettings settings, FaultInjector faults) {
        this.settings = settings;
        this.faults = faults;
    }

    /** Job {@code id} ends in {@code status} (3 with its {@code url}, or 4) {@code delay} from now: Akool calls back. */
    void jobEnds(String webhookUrl, String id, int status, String url, Duration delay) {
        URI target;
        try {
            target = URI.create(webhookUrl);
        }
        catch (IllegalArgumentException e) {
            counts.count("callbacks-unaddressable");
            return;
        }
        Fault fault = draw();
        faultsByJob.put(id, fault);
        if (fault == Fault.DROPPED) {
            counts.count("callbacks-dropped");
            return;
        }
        Duration at = fault == Fault.LATE ? delay.plus(settings.getCallbackLateBy()) : delay;
        schedule(() -> deliver(target, id, status, url, fault, 1), at);
        if (fault == Fault.DUPLICATED) {
            schedule(() -> deliver(target, id, status, url, fault, 1), at.plusMillis(200));
        }
    }

    /** What happened to job {@code id}'s callback; null when it has none (no webhookUrl, or not ended yet). */
    Fault faultOf(String id) {
        return faultsByJob.get(id);
    }

    Map<String, Long> counts() {
        return counts.all();
    }

    long count(String what) {
        return counts.get(what);
    }

    void resetCounters() {
        counts.reset();
        faultsByJob.clear();
    }

    @Override
    public void close() {
        timer.shutdownNow();

    }

    private Fault draw() {
        if (faults.chance(settings.getCallbackDropRate())) {
            return Fault.DROPPED;
        }
        if (faults.chance(settings.getCallbackDuplicateRate())) {
            return Fault.DUPLICATED;
        }
        if (faults.chance(settings.getCallbackLateRate())) {
            return Fault.LATE;
        }
        return faults.chance(settings.getCallbackForgedRate()) ? Fault.FORGED : Fault.NONE;
    }

    private void deliver(URI target, String id, int status, String url, Fault fault, int delivery) {
        int answer;
        try {
            HttpRequest request = HttpRequest.newBuilder(target)
                .timeout(Duration.ofSeconds(10))
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(body(id, status, url, fault == Fault.FORGED)))
                .build();
            answer = http.send(request, HttpResponse.BodyHandlers.discarding()).statusCode();
        }
        catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return;
        }
        catch (Exception unreachable) {
            answer = -1;
        }
        counts.count("callbacks-sent");
        if (answer == 200) {
            counts.count("callbacks-answered-200");
            return;
        }
        counts.count("callbacks-refused");
        if (delivery < MAX_DELIVERIES) {
            schedule(() -> deliver(target, id, status, url, fault, delivery + 1),
                    FIRST_RETRY.multipliedBy(1L << (delivery - 1)));
        }
    }

    /** Sealed anew for each delivery: a new timestamp and nonce. */
    private String body(String id, int status, String url, boolean forged) {
        Map<String, Object> job = new LinkedHashMap<>();
        job.put("_id", id);
        job.put("status", status);
        job.put("type", "audio");
        job.put("url", url);
        WebhookSeal seal = new WebhookSeal(settings.getClientId(), settings.getApiKey());
        String data = seal.encrypt(json.writeValueAsString(job));
        String timestamp = String.valueOf(System.currentTimeMillis());
        String nonce = String.valueOf(1000 + Math.floorMod(faults.nextLong(), 9000));
        String signature = forged ? seal.sign(timestamp, nonce + "0", data) : seal.sign(timestamp, nonce, data);
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("signature", signature);
        body.put("dataEncrypt", data);
        body.put("timestamp", timestamp);
        body.put("nonce", nonce);
        return json.writeValueAsString(body);
    }

    private void schedule(Runnable delivery, Duration delay) {
        try {
            timer.schedule(delivery, Math.max(0, delay.toMillis()), TimeUnit.MILLISECONDS);
        }
        catch (java.util.concurrent.RejectedExecutionException closed) {
            // the simulator has stopped
        }
    }
}
