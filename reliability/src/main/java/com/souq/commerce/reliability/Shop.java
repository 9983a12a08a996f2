package com.souq.commerce.reliability;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The engine's HTTP API as the run's shoppers, vendor staff and administrators use it. An engine that is down (or
 * dies while answering) gives an {@link Answer} with status 0 instead of an exception: the load goes on while the
 * engine restarts, and the run counts such requests as unanswered.
 */
final class Shop {

    static final JsonMapper JSON = JsonMapper.builder().build();
    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2))
            .executor(java.util.concurrent.Executors.newVirtualThreadPerTaskExecutor()).build();
    private static final Map<String, String> TOKENS = new ConcurrentHashMap<>();

    private final String baseUrl;

    Shop(String baseUrl) {
        this.baseUrl = baseUrl;
    }

    String baseUrl() {
        return baseUrl;
    }

    /** An answer; status 0 when the engine did not answer (down, or killed while the request ran). */
    record Answer(int status, String body) {

        boolean answered() {
            return status != 0;
        }

        boolean ok() {
            return status >= 200 && status < 300;
        }

        JsonNode json() {
            return body == null || body.isEmpty() ? JSON.missingNode() : JSON.readTree(body);
        }

        /** The problem's stable {@code code}, or the status when the answer is no problem document. */
        String code() {
            if (!answered()) {
                return "unanswered";
            }
            try {
                JsonNode code = json().get("code");
                return code == null ? String.valueOf(status) : status + " " + code.asString();
            } catch (RuntimeException notJson) {
                return String.valueOf(status);
            }
        }

        @Override
        public String toString() {
            return status + " " + body;
        }
    }

    /** A development token for {@code subject} (minted once; valid on every instance, which share the key). */
    String token(String subject, List<String> roles, String vendorId) {
        String key = subject + roles + vendorId;
        String cached = TOKENS.get(key);
        if (cached != null) {
            return cached;
        }
        Map<String, Object> request = vendorId == null ? Map.of("subject", subject, "roles", roles)
                : Map.of("subject", subject, "roles", roles, "vendorId", vendorId);
        Answer answer = send("POST", "/api/v1/dev/tokens", null, request, Map.of());
        if (answer.status() != 200) {
            throw new IllegalStateException("No development token: " + answer);
        }
        String token = answer.json().get("accessToken").asString();
        TOKENS.put(key, token);
        return token;
    }

    Answer get(String path, String token) {
        return send("GET", path, token, null, Map.of());
    }

    Answer post(String path, String token, Object body) {
        return send("POST", path, token, body, Map.of());
    }

    Answer post(String path, String token, Object body, Map<String, String> headers) {
        return send("POST", path, token, body, headers);
    }

    Answer put(String path, String token, Object body) {
        return send("PUT", path, token, body, Map.of());
    }

    Answer send(String method, String path, String token, Object body, Map<String, String> headers) {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(baseUrl + path))
                .timeout(Duration.ofSeconds(60))
                .method(method, body == null ? HttpRequest.BodyPublishers.noBody()
                        : HttpRequest.BodyPublishers.ofString(JSON.writeValueAsString(body)));
        if (body != null) {
            request.header("Content-Type", "application/json");
        }
        if (token != null) {
            request.header("Authorization", "Bearer " + token);
        }
        headers.forEach(request::header);
        try {
            HttpResponse<String> response = HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString());
            return new Answer(response.statusCode(), response.body());
        } catch (IOException unanswered) {
            return new Answer(0, unanswered.toString());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return new Answer(0, "interrupted");
        }
    }
}
