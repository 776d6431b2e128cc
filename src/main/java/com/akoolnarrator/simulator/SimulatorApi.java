package com.akoolnarrator.simulator;

import java.io.IOException;
import java.util.LinkedHashMap;
import java.util.Map;

import com.sun.net.httpserver.HttpExchange;

import tools.jackson.databind.JsonNode;

/**
 * Akool's API endpoints, past its gateway: authentication, the account's rate, the service's own failures (codes 1005
 * and 2001), then the answer of {@link SimulatedAkool}; a bearer token for client credentials.
 */
final class SimulatorApi {

    private final SimulatorSettings settings;
    private final FaultInjector faults;
    private final SimulatedAkool akool;
    private final SimulatorExchanges exchanges;
    private final SimulatorCounters counters;

    SimulatorApi(SimulatorSettings settings, FaultInjector faults, SimulatedAkool akool, SimulatorExchanges exchanges,
            SimulatorCounters counters) {
        this.settings = settings;
        this.faults = faults;
        this.akool = akool;
        this.exchanges = exchanges;
        this.counters = counters;
    }

    void serve(HttpExchange exchange, String path) throws IOException {
        String method = exchange.getRequestMethod();
        if (method.equals("POST") && path.equals("/api/open/v3/getToken")) {
            token(exchange);
            return;
        }
        String endpoint = switch (path) {
            case "/api/open/v3/audio/create" -> "create";
            case "/api/open/v3/audio/clone" -> "clone";
            case "/api/open/v3/audio/infobymodelid" -> "info";
            case "/api/open/v3/voice/list" -> "voices";
            case "/api/open/v3/faceswap/quota/info" -> "quota";
            default -> null;
        };
        if (endpoint == null) {
            SimulatorExchanges.sendRaw(exchange, 404, "text/html", "<html><body>Not Found</body></html>", null);
            return;
        }
        boolean post = endpoint.equals("create") || endpoint.equals("clone");
        if (post != method.equals("POST")) {
            SimulatorExchanges.sendRaw(exchange, 405, "text/plain", "Method Not Allowed", null);
            return;
        }
        counters.count(endpoint);
        Integer authError = akool.account().authenticate(exchange.getRequestHeaders().getFirst("Authorization"),
                exchange.getRequestHeaders().getFirst("x-api-key"));
        if (authError != null) {
            exchanges.envelope(exchange, authError, authError == 1102 ? "authorization cannot be empty" : "invalid authorization", null);
            return;
        }
        if (!faults.takeRateToken()) {
            counters.count("rate-limited");
            if (settings.getRateLimitSignal() == SimulatorSettings.RateLimitSignal.HTTP_429) {
                SimulatorExchanges.sendRaw(exchange, 429, "application/json", "{\"message\":\"Too Many Requests\"}", settings.getRetryAfter());
            }
            else {
                exchanges.envelope(exchange, 1005, "operation is too frequent", null);
            }
            return;
        }
        if (faults.chance(settings.getRateLimitCodeRate())) {
            exchanges.envelope(exchange, 1005, "operation is too frequent", null);
            return;
        }
        if (faults.chance(settings.getServerErrorCodeRate())) {
            exchanges.envelope(exchange, 2001, "server error", null);
            return;
        }
        SimulatedAkool.Answer answer = switch (endpoint) {
            case "create", "clone" -> submit(exchange, endpoint.equals("clone"));
            case "info" -> akool.info(SimulatorExchanges.query(exchange).get("audio_model_id"));
            case "voices" -> akool.voices(SimulatorExchanges.query(exchange).get("from"));
            default -> akool.quota();
        };
        if (answer.code() == 1000 && post && faults.chance(settings.getUnreadableSuccessRate())) {
            // accepted and billed, but what reaches the client is a gateway's page
            SimulatorExchanges.sendRaw(exchange, 200, "text/html", "<html><body>Request received</body></html>", null);
            return;
        }
        exchanges.envelope(exchange, answer.code(), answer.msg(), answer.data());
    }

    private void token(HttpExchange exchange) throws IOException {
        counters.count("token");
        JsonNode body = exchanges.readJson(exchange);
        if (body == null) {
            exchanges.envelope(exchange, 1003, "invalid JSON body", null);
            return;
        }
        String token = akool.account().token(body.path("clientId").asString(""), body.path("clientSecret").asString(""));
        if (token == null) {
            exchanges.envelope(exchange, 1101, "invalid clientId or clientSecret", null);
            return;
        }
        Map<String, Object> answer = new LinkedHashMap<>();
        answer.put("code", 1000);
        answer.put("token", token);
        exchanges.send(exchange, answer);
    }

    private SimulatedAkool.Answer submit(HttpExchange exchange, boolean clone) throws IOException {
        JsonNode body = exchanges.readJson(exchange);
        if (body == null) {
            return new SimulatedAkool.Answer(1003, "invalid JSON body", null);
        }
        return akool.submit(body.path("input_text").asString(""), body.path("rate").asString(""),
                body.path("voice_id").asString(""), body.path("voice_url").asString(""),
                body.path("webhookUrl").asString(""), clone);
    }
}
