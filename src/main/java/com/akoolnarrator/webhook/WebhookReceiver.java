package com.akoolnarrator.webhook;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.BindException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicLong;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import com.akoolnarrator.ledger.AkoolJobFacts;
import com.akoolnarrator.ledger.AkoolJobFacts.CallbackOutcome;
import com.akoolnarrator.settings.SettingCheck.InvalidSettingException;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;

/**
 * Listens for Akool's callbacks and writes what a verified one says into the ledger, answering 200 only once it is
 * committed (Akool calls again until it gets 200). Anything else gets a 4xx, a log line, and changes nothing: a body
 * too large, a bad or missing signature, a stale timestamp, a replay, a job the ledger does not know, an audio URL the
 * job would not download from. The ledger, not this class, tells the collect step: it takes a completed job over again
 * and downloads it.
 */
public class WebhookReceiver {

    private static final Logger log = LoggerFactory.getLogger("narrator");
    /** A callback is a few hundred bytes: anything much larger is not one. */
    static final int MAX_BODY_BYTES = 64 * 1024;

    private final WebhookProperties settings;
    private final CallbackVerifier verifier;
    private final AkoolJobFacts facts;
    private final Clock clock;
    private final AtomicLong recorded = new AtomicLong();
    private final AtomicLong refused = new AtomicLong();

    WebhookReceiver(WebhookProperties settings, CallbackVerifier verifier, AkoolJobFacts facts, Clock clock) {
        this.settings = settings;
        this.verifier = verifier;
        this.facts = facts;
        this.clock = clock;
    }

    /** Listening until closed. */
    public interface Listening extends AutoCloseable {

        /** The port it listens on (the one asked for, or the one given for port 0). */
        int port();

        @Override
        void close();
    }

    /**
     * Starts listening on {@code narrator.webhook.port} (or the URL's).
     *
     * @throws InvalidSettingException when the port cannot be had
     */
    public Listening listen() {
        return listen(settings.listenPort());
    }

    /** Starts listening on {@code port}. */
    public Listening listen(int port) {
        if (verifier == null) {
            throw new IllegalStateException("narrator.webhook.url is not set");
        }
        HttpServer server;
        try {
            server = HttpServer.create(new InetSocketAddress(settings.bindAddress(), port), 64);
        }
        catch (BindException e) {
            throw InvalidSettingException.because("narrator.webhook.port", "cannot listen for Akool's callbacks on "
                    + settings.bindAddress() + ":" + port + " (narrator.webhook.port): " + e.getMessage());
        }
        catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        ExecutorService threads = Executors.newFixedThreadPool(4, runnable -> {
            Thread thread = new Thread(runnable, "akool-webhook");
            thread.setDaemon(true);
            return thread;
        });
        server.setExecutor(threads);
        server.createContext("/", this::handle);
        server.start();
        int listening = server.getAddress().getPort();
        log.info("Listening for Akool's callbacks on port {} ({} reaches it)", listening, settings.url());
        return new Listening() {
            @Override
            public int port() {
                return listening;
            }

            @Override
            public void close() {
                server.stop(0);
                threads.shutdownNow();
                log.debug("Stopped listening for Akool's callbacks: {} recorded, {} refused", recorded.get(), refused.get());
            }
        };
    }

    /** For a run: listening while it narrates when it receives Akool's callbacks itself, else nothing to close. */
    public Listening listenForRun() {
        if (settings.listensInRun()) {
            return listen();
        }
        return new Listening() {
            @Override
            public int port() {
                return -1;
            }

            @Override
            public void close() {
            }
        };
    }

    /** Callbacks recorded, and refused, since this receiver was made. */
    public long recordedCallbacks() {
        return recorded.get();
    }

    public long refusedCallbacks() {
        return refused.get();
    }

    private void handle(HttpExchange exchange) throws IOException {
        try (exchange) {
            try {
                serve(exchange);
            }
            catch (RuntimeException e) {
                // the ledger could not take it: Akool calls again
                log.warn("Could not record a callback from Akool, which will call again: {}", e.getMessage());
                answer(exchange, 503, "could not record it now");
            }
        }
    }

    private void serve(HttpExchange exchange) throws IOException {
        if (!exchange.getRequestURI().getRawPath().equals(settings.path())) {
            refuse(exchange, 404, "not the callback path");
            return;
        }
        if (!exchange.getRequestMethod().equals("POST")) {
            refuse(exchange, 405, "POST only");
            return;
        }
        byte[] body = readBounded(exchange.getRequestBody());
        if (body == null) {
            refuse(exchange, 413, "the body is over " + MAX_BODY_BYTES + " bytes");
            return;
        }
        CallbackVerifier.Verdict verdict = verifier.verify(body, clock.instant());
        if (verdict instanceof CallbackVerifier.Refused no) {
            refuse(exchange, no.httpStatus(), no.reason());
            return;
        }
        record((CallbackVerifier.Verified) verdict, exchange);
    }

    private void record(CallbackVerifier.Verified verified, HttpExchange exchange) throws IOException {
        CallbackVerifier.Callback callback = verified.callback();
        CallbackOutcome outcome = facts.recordCallback(callback.akoolId(), callback.status(), callback.url());
        if (outcome == CallbackOutcome.UNKNOWN_JOB) {
            refuse(exchange, 404, "no narration has Akool job " + callback.akoolId());
            return;
        }
        verifier.accepted(verified, clock.instant());
        recorded.incrementAndGet();
        log.debug("Akool called back: job {} status {}: {}", callback.akoolId(), callback.status(), outcome);
        answer(exchange, 200, "recorded");
    }

    private void refuse(HttpExchange exchange, int status, String reason) throws IOException {
        refused.incrementAndGet();
        log.warn("Refused a call to the webhook from {} (HTTP {}): {}", exchange.getRemoteAddress().getAddress()
            .getHostAddress(), status, reason);
        answer(exchange, status, reason);
    }

    private static void answer(HttpExchange exchange, int status, String text) throws IOException {
        byte[] body = text.getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().set("Content-Type", "text/plain; charset=utf-8");
        exchange.sendResponseHeaders(status, body.length);
        try (OutputStream out = exchange.getResponseBody()) {
            out.write(body);
        }
    }

    /** The body, or null when it is over the bound (read no further than that). */
    private static byte[] readBounded(InputStream in) throws IOException {
        byte[] body = in.readNBytes(MAX_BODY_BYTES + 1);
        return body.length > MAX_BODY_BYTES ? null : body;
    }
}
