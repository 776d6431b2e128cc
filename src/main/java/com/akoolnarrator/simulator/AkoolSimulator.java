package com.akoolnarrator.simulator;

import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;

/**
 * A stand-in for Akool's v3 text-to-speech API, on loopback, for the demo, the tests and the benchmarks. It follows
 * {@code shared/akool-api.md}: the {@code {code,msg,data}} envelope, x-api-key or bearer authentication, request
 * validation, a job life cycle (queueing, processing, then completed or failed) whose length grows with the text, MP3
 * files whose size follows the text, and the faults of a real service, injected at configurable rates.
 * <p>
 * Two markers in a text make a row's fate deterministic for tests: {@code [[fail]]} makes the job end in status 4, and
 * {@code [[reject]]} makes create/clone answer 1003.
 */
public class AkoolSimulator implements AutoCloseable {

    static {
        // The JDK server otherwise leaves Nagle's algorithm on: each answer (headers, then body) then waits ~40 ms for
        // the client's delayed ACK, which would make the simulator, not the job, the bottleneck of every benchmark.
        // Read once, when the server classes load, so it is set before any server is created.
        System.setProperty("sun.net.httpserver.nodelay", "true");
    }

    public static final String FAIL_MARKER = "[[fail]]";
    public static final String REJECT_MARKER = "[[reject]]";
    /** A text with this marker makes a job Akool never finishes: it stays in status 2, processing. */
    public static final String STUCK_MARKER = "[[stuck]]";
    /**
     * {@code [[audio:CLIPPED]]} (or another of {@link #audioFaultOf}'s faults) in a text: the first job made of that
     * text gets audio with that fault; a job made of it again (a rerun) gets a clean take, as Akool would, most days.
     */
    public static final String AUDIO_MARKER = "[[audio:";

    private final SimulatorSettings settings;
    private final FaultInjector faults;
    private final SimulatedAkool akool;
    private final SimulatedCallbacks callbacks;
    private final SimulatorExchanges exchanges = new SimulatorExchanges();
    private final SimulatorCounters counters = new SimulatorCounters();
    private final SimulatorApi api;
    private final SimulatedDownloads downloads;
    private HttpServer server;
    private ExecutorService executor;

    public AkoolSimulator(SimulatorSettings settings) {
        this.settings = settings;
        this.faults = new FaultInjector(settings);
        this.callbacks = new SimulatedCallbacks(settings, faults);
        this.akool = new SimulatedAkool(settings, faults, () -> baseUrl() + "/files/", callbacks);
        this.api = new SimulatorApi(settings, faults, akool, exchanges, counters);
        this.downloads = new SimulatedDownloads(settings, faults, akool, counters);
    }

    public AkoolSimulator start() throws IOException {
        server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), settings.getPort()), 512);
        executor = Executors.newFixedThreadPool(settings.getThreads(), runnable -> {
            Thread thread = new Thread(runnable, "akool-simulator");
            thread.setDaemon(true);
            return thread;
        });
        server.setExecutor(executor);
        server.createContext("/", this::handle);
        server.start();
        return this;
    }

    public URI baseUrl() {
        return URI.create("http://127.0.0.1:" + server.getAddress().getPort());
    }

    public SimulatorSettings settings() {
        return settings;
    }

    @Override
    public void close() {
        callbacks.close();
        if (server != null) {
            server.stop(0);
            executor.shutdownNow();
        }
    }

    // ---- what tests and benchmarks read and set ----

    /** Requests seen by endpoint: "create", "clone", "info", "voices", "token", "quota", "download". */
    public long calls(String endpoint) {
        return counters.get(endpoint);
    }

    /** Jobs accepted (create or clone answered 1000): what Akool would bill. */
    public long acceptedSubmissions() {
        return akool.acceptedSubmissions();
    }

    /** Accepted submissions beyond the first for the same text, voice and rate: credits paid twice. */
    public long duplicateSubmissions() {
        return akool.duplicateSubmissions();
    }

    /** Every job is forgotten, as past Akool's retention. */
    public void forgetJobs() {
        akool.forgetJobs();
    }

    /** Every bearer token issued so far expires: a request with one is answered 1101, as Akool does. */
    public void expireTokens() {
        akool.account().expireTokens();
    }

    /**
     * Every job created from now on stays processing until {@link #releaseJobs()}: a test holds a run open this way, as
     * long as it needs and no longer, instead of making every job slow.
     */
    public void holdJobs() {
        akool.holdJobs();
    }

    /** The held jobs end now, as they would have; new jobs take their usual time again. */
    public void releaseJobs() {
        akool.releaseJobs();
    }

    /**
     * What is wrong with job {@code akoolId}'s audio: NONE, SILENT, CUT_OFF, TOO_LONG, LONG_SILENCE, CLIPPED, TOO_QUIET
     * or TOO_LOUD; null for a job never created.
     */
    public String audioFaultOf(String akoolId) {
        SpokenMp3.Fault fault = akool.audioFaultOf(akoolId);
        return fault == null ? null : fault.name();
    }

    /** What happened to job {@code akoolId}'s callback: NONE, DROPPED, DUPLICATED, LATE or FORGED; null without one. */
    public String callbackFaultOf(String akoolId) {
        SimulatedCallbacks.Fault fault = callbacks.faultOf(akoolId);
        return fault == null ? null : fault.name();
    }

    /** Callbacks sent, answered 200, refused (any other answer), dropped: by name. */
    public long callbacks(String what) {
        return callbacks.count(what);
    }

    public void resetCounters() {
        callbacks.resetCounters();
        counters.reset();
        akool.resetCounters();
    }

    /** The account's balance now: what submissions have left of {@code simulator.credits}, or what was set since. */
    public double credits() {
        return akool.account().credits();
    }

    public void setCredits(double credits) {
        akool.account().setCredits(credits);
    }

    // ---- HTTP ----

    private void handle(HttpExchange exchange) throws IOException {
        boolean dropped = false;
        try {
            dispatch(exchange);
        }
        catch (SimulatorExchanges.DroppedConnection e) {
            dropped = true;
            throw e;
        }
        catch (RuntimeException e) {
            // a bug in the simulator must still answer something a client can classify
            SimulatorExchanges.sendRaw(exchange, 500, "text/plain", "simulator error: " + e, null);
        }
        finally {
            if (!dropped) {
                exchange.close();
            }
        }
    }

    private void dispatch(HttpExchange exchange) throws IOException {
        String path = exchange.getRequestURI().getPath();
        if (path.equals("/simulator/stats")) {
            stats(exchange);
            return;
        }
        if (path.startsWith("/files/")) {
            downloads.serve(exchange, path.substring("/files/".length()));
            return;
        }
        SimulatorExchanges.pause(settings.getLatency().toMillis());
        if (faults.chance(settings.getSilentRate())) {
            // read, never answered: Akool's gateway holding the connection; the client's timeout or our close ends it
            counters.count("silent");
            SimulatorExchanges.pause(settings.getSilentFor().toMillis());
            SimulatorExchanges.drop(exchange);
        }
        if (faults.chance(settings.getDropRate())) {
            counters.count("dropped");
            SimulatorExchanges.drop(exchange);
        }
        if (faults.chance(settings.getHttp5xxRate())) {
            counters.count("http5xx");
            int status = faults.pick(new Integer[] { 500, 502, 503, 504 });
            // a gateway in maintenance (503) says when to come back; the others do not
            SimulatorExchanges.sendRaw(exchange, status, "text/html", "<html><body><h1>Bad Gateway</h1>"
                    + (settings.isEchoCredentials() ? "<p>request x-api-key: " + exchange.getRequestHeaders().getFirst("x-api-key")
                            + "</p>" : "") + "</body></html>",
                    status == 503 ? settings.getRetryAfter() : null);
            return;
        }
        if (faults.chance(settings.getHttp429Rate())) {
            counters.count("http429");
            SimulatorExchanges.sendRaw(exchange, 429, "application/json", "{\"message\":\"Too Many Requests\"}", settings.getRetryAfter());
            return;
        }
        api.serve(exchange, path);
    }

    /** {@code GET /simulator/stats}: what the simulator has seen, for benchmarks and for checking a run by hand. */
    private void stats(HttpExchange exchange) throws IOException {
        Map<String, Object> stats = new LinkedHashMap<>();
        stats.putAll(counters.all());
        stats.put("accepted", acceptedSubmissions());
        stats.put("finished-reported", akool.finishedReported());
        stats.put("duplicates", duplicateSubmissions());
        stats.putAll(callbacks.counts());
        exchanges.send(exchange, stats);
    }
}
