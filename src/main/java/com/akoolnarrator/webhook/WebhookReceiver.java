package com.akoolnarrator.webhook;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.time.Clock;
import java.util.concurrent.atomic.AtomicLong;

import jakarta.servlet.ServletRegistration;

import org.apache.catalina.connector.Connector;
import org.apache.coyote.http11.AbstractHttp11Protocol;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.tomcat.servlet.TomcatServletWebServerFactory;
import org.springframework.boot.web.server.WebServer;
import org.springframework.boot.web.server.WebServerException;
import org.springframework.core.NestedExceptionUtils;

import com.akoolnarrator.ledger.AkoolJobFacts;
import com.akoolnarrator.settings.SettingCheck.InvalidSettingException;

/**
 * Listens for Akool's callbacks and writes what a verified one says into the ledger ({@link CallbackServlet}), answering
 * 200 only once it is committed (Akool calls again until it gets 200). Anything else gets a 4xx, a log line, and
 * changes nothing: a body too large or too slow, a bad or missing signature, a stale timestamp, a replay, a job the
 * ledger does not know, an audio URL the job would not download from. The ledger, not this class, tells the collect
 * step: it takes a completed job over again and downloads it.
 */
public class WebhookReceiver {

    private static final Logger log = LoggerFactory.getLogger("narrator");
    /** A callback is a few hundred bytes: anything much larger is not one. */
    static final int MAX_BODY_BYTES = 64 * 1024;
    /** Akool's requests carry a few short headers. */
    static final int MAX_HEADER_BYTES = 8 * 1024;
    /** A callback is a few milliseconds of a thread: reading waits without one, only the ledger's write needs one. */
    static final int WORKER_THREADS = 4;

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

    /**
     * Starts listening on {@code port}, in the embedded Tomcat Spring Boot manages: a client that sends slowly or not
     * at all is cut off by {@code narrator.webhook.read-timeout} and never holds a thread, at most
     * {@code narrator.webhook.max-connections} connections are open at once (the rest wait in the system's queue, not
     * in this process's descriptors), a request's headers are bounded, and so is its body ({@link CallbackServlet}).
     */
    public Listening listen(int port) {
        if (verifier == null) {
            throw new IllegalStateException("narrator.webhook.url is not set");
        }
        TomcatServletWebServerFactory factory = new TomcatServletWebServerFactory(port);
        factory.setAddress(bindAddress());
        factory.setRegisterDefaultServlet(false);
        factory.setDisableMBeanRegistry(true);
        factory.addConnectorCustomizers(this::bound);
        CallbackServlet servlet = new CallbackServlet(settings.path(), verifier, facts, clock, settings.readTimeout(),
                recorded, refused);
        WebServer server = factory.getWebServer(context -> {
            ServletRegistration.Dynamic registration = context.addServlet("akool-callbacks", servlet);
            registration.setAsyncSupported(true);
            registration.addMapping("/");
        });
        try {
            server.start();
        }
        catch (WebServerException e) {
            server.destroy();
            throw InvalidSettingException.because("narrator.webhook.port", "cannot listen for Akool's callbacks on "
                    + settings.bindAddress() + ":" + port + " (narrator.webhook.port): "
                    + NestedExceptionUtils.getMostSpecificCause(e).getMessage());
        }
        int listening = server.getPort();
        log.info("Listening for Akool's callbacks on port {} ({} reaches it)", listening, settings.url());
        return new Listening() {
            @Override
            public int port() {
                return listening;
            }

            @Override
            public void close() {
                server.stop();
                server.destroy(); // and with it the server's temporary folders
                log.debug("Stopped listening for Akool's callbacks: {} recorded, {} refused", recorded.get(), refused.get());
            }
        };
    }

    /** The limits that keep a receiver facing the internet answering, and out of the run's own descriptors. */
    private void bound(Connector connector) {
        int timeout = Math.toIntExact(settings.readTimeout().toMillis());
        connector.setMaxPostSize(MAX_BODY_BYTES);
        if (connector.getProtocolHandler() instanceof AbstractHttp11Protocol<?> http) {
            http.setConnectionTimeout(timeout);
            http.setKeepAliveTimeout(timeout);
            http.setMaxKeepAliveRequests(100);
            http.setMaxConnections(settings.maxConnections());
            http.setAcceptCount(settings.maxConnections());
            http.setMaxThreads(WORKER_THREADS);
            http.setMinSpareThreads(1);
            http.setMaxHttpHeaderSize(MAX_HEADER_BYTES);
            http.setMaxSwallowSize(MAX_BODY_BYTES);
        }
    }

    private InetAddress bindAddress() {
        try {
            return InetAddress.getByName(settings.bindAddress());
        }
        catch (UnknownHostException e) {
            throw InvalidSettingException.because("narrator.webhook.bind-address", "narrator.webhook.bind-address="
                    + settings.bindAddress() + " is not an address of this machine");
        }
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
}
