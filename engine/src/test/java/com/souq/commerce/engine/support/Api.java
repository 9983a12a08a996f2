package com.souq.commerce.engine.support;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The engine's HTTP API as a client sees it: plain requests with JSON bodies and bearer tokens, answers with status,
 * headers and parsed JSON. Tokens come from the engine's own development token endpoint.
 */
public final class Api {

    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    private final String baseUrl;
    private final Map<Map<String, Object>, String> tokens = new LinkedHashMap<>();

    public Api(int port) {
        this.baseUrl = "http://localhost:" + port;
    }

    public record Reply(int status, HttpResponse<String> raw) {

        public JsonNode json() {
            return raw.body().isEmpty() ? JSON.missingNode() : JSON.readTree(raw.body());
        }

        public String header(String name) {
            return raw.headers().firstValue(name).orElse(null);
        }

        public String contentType() {
            return header("Content-Type");
        }

        @Override
        public String toString() {
            return status + " " + raw.body();
        }
    }

    /** A bearer token for {@code subject} holding {@code roles}, minted once per subject and roles. */
    public String token(String subject, String... roles) {
        return mint(Map.of("subject", subject, "roles", List.of(roles)));
    }

    /** A bearer token for {@code subject} holding {@code roles} and acting for {@code vendorId} (its claim). */
    public String token(String subject, List<String> roles, String vendorId) {
        return mint(Map.of("subject", subject, "roles", roles, "vendorId", vendorId));
    }

    private String mint(Map<String, Object> request) {
        return tokens.computeIfAbsent(request, key -> {
            Reply reply = send("POST", "/api/v1/dev/tokens", null, request, Map.of());
            if (reply.status() != 200) {
                throw new IllegalStateException("No development token: " + reply);
            }
            return reply.json().get("accessToken").asString();
        });
    }

    public Reply get(String path, String token) {
        return send("GET", path, token, null, Map.of());
    }

    public Reply get(String path, String token, Map<String, String> headers) {
        return send("GET", path, token, null, headers);
    }

    public Reply post(String path, String token, Object body) {
        return send("POST", path, token, body, Map.of());
    }

    public Reply post(String path, String token, Object body, Map<String, String> headers) {
        return send("POST", path, token, body, headers);
    }

    public Reply put(String path, String token, Object body, Map<String, String> headers) {
        return send("PUT", path, token, body, headers);
    }

    /** Sends {@code body} as is when it is a String (to send malformed JSON), as JSON otherwise. */
    public Reply send(String method, String path, String token, Object body, Map<String, String> headers) {
        String text = body == null ? "" : body instanceof String raw ? raw : JSON.writeValueAsString(body);
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(baseUrl + path))
                .timeout(Duration.ofSeconds(30))
                .method(method, body == null ? HttpRequest.BodyPublishers.noBody()
                        : HttpRequest.BodyPublishers.ofString(text));
        if (body != null) {
            request.header("Content-Type", "application/json");
        }
        if (token != null) {
            request.header("Authorization", "Bearer " + token);
        }
        headers.forEach(request::header);
        try {
            HttpResponse<String> response = HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString());
            return new Reply(response.statusCode(), response);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
