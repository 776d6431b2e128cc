package com.akoolnarrator.review;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.nio.charset.StandardCharsets;

import jakarta.servlet.ServletRegistration;

import org.apache.catalina.connector.Connector;
import org.apache.coyote.http11.AbstractHttp11Protocol;
import org.springframework.boot.tomcat.servlet.TomcatServletWebServerFactory;
import org.springframework.boot.web.server.WebServer;
import org.springframework.boot.web.server.WebServerException;
import org.springframework.core.NestedExceptionUtils;

import com.akoolnarrator.storage.OutputFolder;

/** The review page on the embedded Tomcat Spring Boot manages, on one address, until closed. */
final class ReviewServer {

    /** A person's browser: a few requests at a time (the page, its rows, a player or two). */
    private static final int WORKER_THREADS = 4;
    private static final int READ_TIMEOUT_MILLIS = 20_000;

    private ReviewServer() {
    }

    /**
     * Starts serving {@code session} on {@code bind}:{@code port} (0: a free port).
     *
     * @throws ReviewRefused when the address is not this machine's or the port cannot be had
     */
    static ReviewCommand.Serving start(ReviewSession session, String bind, int port) {
        InetAddress address = address(bind);
        RequestGuard guard = new RequestGuard(address);
        TakeFiles files;
        try {
            files = new TakeFiles(new OutputFolder(session.folder()));
        }
        catch (IOException e) {
            throw new ReviewRefused("cannot read the output folder " + session.folder() + ": " + e.getMessage());
        }
        ReviewServlet servlet = new ReviewServlet(session, guard, files, page(guard));
        TomcatServletWebServerFactory factory = new TomcatServletWebServerFactory(port);
        factory.setAddress(address);
        factory.setRegisterDefaultServlet(false);
        factory.setDisableMBeanRegistry(true);
        factory.addConnectorCustomizers(ReviewServer::bound);
        WebServer server = factory.getWebServer(context -> {
            ServletRegistration.Dynamic registration = context.addServlet("review", servlet);
            registration.addMapping("/");
        });
        try {
            server.start();
        }
        catch (WebServerException e) {
            server.destroy();
            throw new ReviewRefused("cannot serve the review page on " + bind + ":" + port + ": "
                    + NestedExceptionUtils.getMostSpecificCause(e).getMessage() + " (another --port, or --port=0)");
        }
        guard.listeningOn(server.getPort());
        String host = address.isAnyLocalAddress() ? "localhost" : address.getHostAddress().contains(":")
                ? "[" + address.getHostAddress() + "]" : address.getHostAddress();
        String url = "http://" + host + ":" + server.getPort() + "/"
                + (guard.accessToken() == null ? "" : "?" + RequestGuard.TOKEN_PARAMETER + "=" + guard.accessToken());
        return new ReviewCommand.Serving(url, server.getPort(), () -> {
            server.stop();
            server.destroy();
        });
    }

    private static void bound(Connector connector) {
        if (connector.getProtocolHandler() instanceof AbstractHttp11Protocol<?> http) {
            http.setConnectionTimeout(READ_TIMEOUT_MILLIS);
            http.setKeepAliveTimeout(READ_TIMEOUT_MILLIS);
            http.setMaxThreads(WORKER_THREADS);
            http.setMinSpareThreads(1);
            http.setMaxConnections(64);
            http.setMaxHttpHeaderSize(8 * 1024);
        }
    }

    private static InetAddress address(String bind) {
        try {
            return InetAddress.getByName(bind);
        }
        catch (UnknownHostException e) {
            throw new ReviewRefused("--bind=" + bind + " is not an address of this machine");
        }
    }

    /** The page, with the token its decisions carry. */
    private static String page(RequestGuard guard) {
        try (InputStream in = ReviewServer.class.getResourceAsStream("review.html")) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8).replace("{{requestToken}}", guard.requestToken());
        }
        catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
