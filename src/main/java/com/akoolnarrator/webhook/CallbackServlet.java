package com.akoolnarrator.webhook;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;

import jakarta.servlet.AsyncContext;
import jakarta.servlet.AsyncEvent;
import jakarta.servlet.AsyncListener;
import jakarta.servlet.ReadListener;
import jakarta.servlet.ServletInputStream;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import com.akoolnarrator.ledger.AkoolJobFacts;
import com.akoolnarrator.ledger.AkoolJobFacts.CallbackOutcome;

/**
 * One callback from Akool: its body read without holding a thread (a client sending a byte every few seconds waits
 * in the server's poller, not in a worker), within a deadline for the whole body and a bound on its size; then
 * verified and written into the ledger, answering 200 only once that is committed (Akool calls again until it gets
 * 200). Anything else gets a 4xx, a log line, and changes nothing.
 */
final class CallbackServlet extends HttpServlet {

    private static final Logger log = LoggerFactory.getLogger("narrator");
    private static final String OVER_THE_BOUND = "the body is over " + WebhookReceiver.MAX_BODY_BYTES + " bytes";

    private final String path;
    private final CallbackVerifier verifier;
    private final AkoolJobFacts facts;
    private final Clock clock;
    private final Duration bodyDeadline;
    private final AtomicLong recorded;
    private final AtomicLong refused;

    CallbackServlet(String path, CallbackVerifier verifier, AkoolJobFacts facts, Clock clock, Duration bodyDeadline,
            AtomicLong recorded, AtomicLong refused) {
        this.path = path;
        this.verifier = verifier;
        this.facts = facts;
        this.clock = clock;
        this.bodyDeadline = bodyDeadline;
        this.recorded = recorded;
        this.refused = refused;
    }

    @Override
    protected void service(HttpServletRequest request, HttpServletResponse response) throws IOException {
        if (!request.getRequestURI().equals(path)) {
            refuse(request, response, 404, "not the callback path");
            return;
        }
        if (!request.getMethod().equals("POST")) {
            refuse(request, response, 405, "POST only");
            return;
        }
        if (request.getContentLengthLong() > WebhookReceiver.MAX_BODY_BYTES) {
            refuse(request, response, 413, OVER_THE_BOUND);
            return;
        }
        AsyncContext async = request.startAsync();
        async.setTimeout(bodyDeadline.toMillis());
        ServletInputStream in = request.getInputStream();
        BoundedBody body = new BoundedBody(in, async);
        async.addListener(body);
        in.setReadListener(body);
    }

    /** Collects the body as it arrives, and answers once: at its end, over the bound, past the deadline or broken. */
    private final class BoundedBody implements ReadListener, AsyncListener {

        private final ServletInputStream in;
        private final AsyncContext async;
        private final ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        private final byte[] buffer = new byte[8192];
        private final AtomicBoolean answered = new AtomicBoolean();

        BoundedBody(ServletInputStream in, AsyncContext async) {
            this.in = in;
            this.async = async;
        }

        @Override
        public void onDataAvailable() throws IOException {
            while (in.isReady()) {
                int read = in.read(buffer);
                if (read < 0) {
                    return;
                }
                bytes.write(buffer, 0, read);
                if (bytes.size() > WebhookReceiver.MAX_BODY_BYTES) {
                    finish(413, OVER_THE_BOUND);
                    return;
                }
            }
        }

        @Override
        public void onAllDataRead() {
            if (answered.compareAndSet(false, true)) {
                try {
                    judge(bytes.toByteArray());
                }
                finally {
                    async.complete();
                }
            }
        }

        @Override
        public void onError(Throwable failure) {
            if (answered.compareAndSet(false, true)) {
                log.debug("A call to the webhook broke off: {}", failure.toString());
                async.complete();
            }
        }

        @Override
        public void onTimeout(AsyncEvent event) {
            finish(408, "the body did not arrive within " + bodyDeadline.toSeconds() + " s");
        }

        @Override
        public void onComplete(AsyncEvent event) {
        }

        @Override
        public void onError(AsyncEvent event) {
            onError(event.getThrowable());
        }

        @Override
        public void onStartAsync(AsyncEvent event) {
        }

        private void finish(int status, String reason) {
            if (answered.compareAndSet(false, true)) {
                try {
                    HttpServletRequest request = (HttpServletRequest) async.getRequest();
                    HttpServletResponse response = (HttpServletResponse) async.getResponse();
                    // the rest of the body is not read: the connection closes with the answer
                    response.setHeader("Connection", "close");
                    refuse(request, response, status, reason);
                }
                catch (IOException e) {
                    log.debug("Could not answer a call to the webhook: {}", e.toString());
                }
                finally {
                    async.complete();
                }
            }
        }

        private void judge(byte[] body) {
            HttpServletRequest request = (HttpServletRequest) async.getRequest();
            HttpServletResponse response = (HttpServletResponse) async.getResponse();
            try {
                try {
                    CallbackVerifier.Verdict verdict = verifier.verify(body, clock.instant());
                    if (verdict instanceof CallbackVerifier.Refused no) {
                        refuse(request, response, no.httpStatus(), no.reason());
                        return;
                    }
                    record((CallbackVerifier.Verified) verdict, request, response);
                }
                catch (RuntimeException e) {
                    // the ledger could not take it: Akool calls again
                    log.warn("Could not record a callback from Akool, which will call again: {}", e.getMessage());
                    answer(response, 503, "could not record it now");
                }
            }
            catch (IOException e) {
                log.debug("Could not answer a call to the webhook: {}", e.toString());
            }
        }
    }

    private void record(CallbackVerifier.Verified verified, HttpServletRequest request, HttpServletResponse response)
            throws IOException {
        CallbackVerifier.Callback callback = verified.callback();
        CallbackOutcome outcome = facts.recordCallback(callback.akoolId(), callback.completed(), callback.url());
        if (outcome == CallbackOutcome.UNKNOWN_JOB) {
            refuse(request, response, 404, "no narration has Akool job " + callback.akoolId());
            return;
        }
        verifier.accepted(verified, clock.instant());
        recorded.incrementAndGet();
        log.debug("Akool called back: job {} status {}: {}", callback.akoolId(), callback.status(), outcome);
        answer(response, 200, "recorded");
    }

    private void refuse(HttpServletRequest request, HttpServletResponse response, int status, String reason)
            throws IOException {
        refused.incrementAndGet();
        log.warn("Refused a call to the webhook from {} (HTTP {}): {}", request.getRemoteAddr(), status, reason);
        answer(response, status, reason);
    }

    private static void answer(HttpServletResponse response, int status, String text) throws IOException {
        byte[] body = text.getBytes(StandardCharsets.UTF_8);
        response.setStatus(status);
        response.setContentType("text/plain; charset=utf-8");
        response.setContentLength(body.length);
        response.getOutputStream().write(body);
    }
}
