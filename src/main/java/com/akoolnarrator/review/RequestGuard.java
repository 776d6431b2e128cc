package com.akoolnarrator.review;

import java.net.InetAddress;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.Set;

import jakarta.servlet.http.HttpServletRequest;

/**
 * Who may use the review page. A decision spends money (a redo is a new Akool job), so: on a loopback address only
 * requests that name this machine in their Host header (a web page elsewhere cannot reach it by rebinding its own
 * name to 127.0.0.1); on any other address only requests carrying the access token printed in the page's address.
 * A request that changes a decision must also carry the page's own request token in a header, as JSON, from no
 * other origin: a form or script on another site can send neither.
 */
final class RequestGuard {

    static final String TOKEN_PARAMETER = "token";
    static final String DECISION_HEADER = "X-Narrator-Review";

    private static final SecureRandom RANDOM = new SecureRandom();

    private final boolean loopback;
    private final String accessToken;
    private final String requestToken = newToken();
    /** Set once the port is known, read by the server's threads. */
    private volatile Set<String> hosts = Set.of();

    RequestGuard(InetAddress bind) {
        this.loopback = bind.isLoopbackAddress();
        this.accessToken = loopback ? null : newToken();
    }

    /** Once the port is known: the Host headers a loopback page may be reached by. */
    void listeningOn(int port) {
        hosts = Set.of("127.0.0.1:" + port, "localhost:" + port, "[::1]:" + port);
    }

    /** The token a non-loopback address asks of every request, null on a loopback one. */
    String accessToken() {
        return accessToken;
    }

    /** The token the page sends with each decision. */
    String requestToken() {
        return requestToken;
    }

    /** Why {@code request} may not be answered at all; null when it may. */
    String refusal(HttpServletRequest request) {
        if (loopback) {
            String host = request.getHeader("Host");
            return host != null && hosts.contains(host.toLowerCase(java.util.Locale.ROOT)) ? null
                    : "this page answers only at its own address";
        }
        return same(accessToken, request.getParameter(TOKEN_PARAMETER)) ? null
                : "the address needs its token: use the address the review command printed";
    }

    /** Why a request to change a decision is refused; null when it is the page's own. */
    String decisionRefusal(HttpServletRequest request) {
        String contentType = request.getContentType();
        if (contentType == null || !contentType.toLowerCase(java.util.Locale.ROOT).startsWith("application/json")) {
            return "a decision is sent as JSON";
        }
        if (!same(requestToken, request.getHeader(DECISION_HEADER))) {
            return "a decision comes from the review page itself";
        }
        String origin = request.getHeader("Origin");
        if (origin != null && !origin.equalsIgnoreCase("http://" + request.getHeader("Host"))) {
            return "a decision comes from the review page itself, not from " + origin;
        }
        return null;
    }

    private static boolean same(String expected, String given) {
        return given != null && MessageDigest.isEqual(expected.getBytes(StandardCharsets.UTF_8),
                given.getBytes(StandardCharsets.UTF_8));
    }

    private static String newToken() {
        byte[] bytes = new byte[24];
        RANDOM.nextBytes(bytes);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }
}
