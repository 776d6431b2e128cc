package com.akoolnarrator.simulator;

import java.io.IOException;
import java.io.InputStream;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import com.sun.net.httpserver.HttpExchange;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ObjectMapper;
import tools.jackson.databind.json.JsonMapper;

/** Reading requests and writing answers over the JDK's HTTP server, as Akool does: JSON bodies, the envelope. */
final class SimulatorExchanges {

    private final ObjectMapper json = JsonMapper.builder().build();

    JsonNode readJson(HttpExchange exchange) throws IOException {
        try (InputStream in = exchange.getRequestBody()) {
            JsonNode node = json.readTree(in.readAllBytes());
            return node != null && node.isObject() ? node : null;
        }
        catch (tools.jackson.core.JacksonException e) {
            return null;
        }
    }

    static Map<String, String> query(HttpExchange exchange) {
        Map<String, String> params = new LinkedHashMap<>();
        String raw = exchange.getRequestURI().getRawQuery();
        if (raw != null) {
            for (String pair : raw.split("&")) {
                int eq = pair.indexOf('=');
                if (eq > 0) {
                    params.put(URLDecoder.decode(pair.substring(0, eq), StandardCharsets.UTF_8),
                            URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8));
                }
            }
        }
        return params;
    }

    void envelope(HttpExchange exchange, int code, String msg, Object data) throws IOException {
        Map<String, Object> answer = new LinkedHashMap<>();
        answer.put("code", code);
        answer.put("msg", msg);
        answer.put("data", data);
        send(exchange, answer);
    }

    void send(HttpExchange exchange, Map<String, Object> answer) throws IOException {
        sendRaw(exchange, 200, "application/json", json.writeValueAsString(answer), null);
    }

    static void sendRaw(HttpExchange exchange, int status, String contentType, String body, String retryAfter)
            throws IOException {
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().set("Content-Type", contentType);
        if (retryAfter != null) {
            exchange.getResponseHeaders().set("Retry-After", retryAfter);
        }
        exchange.sendResponseHeaders(status, bytes.length);
        exchange.getResponseBody().write(bytes);
    }

    /** Closes the TCP connection under the exchange, so that the client sees no (or no complete) answer. */
    static void drop(HttpExchange exchange) throws IOException {
        exchange.getRequestBody().close();
        throw new DroppedConnection();
    }

    /** Thrown out of the handler: the JDK server then closes the connection without answering. */
    static final class DroppedConnection extends IOException {
        DroppedConnection() {
            super("connection dropped on purpose", null);
        }
    }

    /** Waits as a slow service does; an interrupt ends the wait. */
    static void pause(long millis) {
        if (millis > 0) {
            try {
                TimeUnit.MILLISECONDS.sleep(millis);
            }
            catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }
}
