package com.souq.commerce.platform.web.idempotency;

import jakarta.servlet.http.HttpServletRequest;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.util.Enumeration;
import java.util.HexFormat;
import java.util.Optional;
import java.util.function.Supplier;
import java.util.regex.Pattern;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.stereotype.Component;
import org.springframework.web.context.request.RequestContextHolder;
import org.springframework.web.context.request.ServletRequestAttributes;
import tools.jackson.databind.json.JsonMapper;

/**
 * Runs a command at most once per {@code Idempotency-Key} and caller, durably in PostgreSQL.
 *
 * <ul>
 *   <li>The first request claims the key, runs, and stores its successful response.</li>
 *   <li>A repeat with the same method, path and body gets the stored response back (header
 *       {@code Idempotent-Replayed: true}) and runs nothing.</li>
 *   <li>The same key with another request is a 422; a repeat while the first still runs is a 409.</li>
 *   <li>A request that fails releases its key, so the client may retry it; a claim left by a crashed process is
 *       taken over after {@link #ABANDONED_AFTER}.</li>
 * </ul>
 * Keys are scoped to the caller's subject: two callers never see each other's keys.
 */
@Component
public class IdempotentCommands {

    public static final String HEADER = "Idempotency-Key";
    public static final String REPLAYED_HEADER = "Idempotent-Replayed";
    static final Duration ABANDONED_AFTER = Duration.ofMinutes(2);
    private static final Pattern SANE_KEY = Pattern.compile("[\\x21-\\x7E]{1,255}");

    private final JdbcClient jdbc;
    private final JsonMapper json;

    IdempotentCommands(JdbcClient jdbc, JsonMapper json) {
        this.jdbc = jdbc;
        this.json = json;
    }

    public ResponseEntity<?> execute(String key, Object requestBody, Supplier<ResponseEntity<?>> command) {
        if (key == null || !SANE_KEY.matcher(key).matches() || repeatedHeader()) {
            throw new IdempotencyProblem(HttpStatus.BAD_REQUEST, "INVALID_IDEMPOTENCY_KEY",
                    "Send one Idempotency-Key of 1 to 255 printable ASCII characters without spaces");
        }
        String subject = currentSubject();
        String fingerprint = fingerprint(requestBody);
        if (!claim(subject, key, fingerprint)) {
            return replay(subject, key, fingerprint);
        }
        ResponseEntity<?> response;
        try {
            response = command.get();
        } catch (RuntimeException failure) {
            release(subject, key);
            throw failure;
        }
        if (!response.getStatusCode().is2xxSuccessful()) {
            release(subject, key);
            return response;
        }
        complete(subject, key, response);
        return response;
    }

    /** Spring joins repeated headers with commas, which a key may contain: two keys would pass as one. */
    private static boolean repeatedHeader() {
        Enumeration<String> keys = currentRequest().getHeaders(HEADER);
        int count = 0;
        while (keys != null && keys.hasMoreElements()) {
            keys.nextElement();
            count++;
        }
        return count > 1;
    }

    private boolean claim(String subject, String key, String fingerprint) {
        int claimed = jdbc.sql("""
                        INSERT INTO idempotency_key (subject, idempotency_key, request_fingerprint, state)
                        VALUES (:subject, :key, :fingerprint, 'IN_PROGRESS')
                        ON CONFLICT (subject, idempotency_key) DO NOTHING""")
                .param("subject", subject).param("key", key).param("fingerprint", fingerprint)
                .update();
        if (claimed == 1) {
            return true;
        }
        return jdbc.sql("""
                        UPDATE idempotency_key SET created_at = now()
                         WHERE subject = :subject AND idempotency_key = :key AND request_fingerprint = :fingerprint
                           AND state = 'IN_PROGRESS' AND created_at < now() - make_interval(secs => :abandoned)""")
                .param("subject", subject).param("key", key).param("fingerprint", fingerprint)
                .param("abandoned", ABANDONED_AFTER.toSeconds())
                .update() == 1;
    }

    private ResponseEntity<?> replay(String subject, String key, String fingerprint) {
        StoredResponse stored = find(subject, key).orElseThrow(() -> new IdempotencyProblem(HttpStatus.CONFLICT,
                "IDEMPOTENT_REQUEST_IN_PROGRESS", "The request with this Idempotency-Key has just failed; retry it"));
        if (!stored.fingerprint().equals(fingerprint)) {
            throw new IdempotencyProblem(HttpStatus.UNPROCESSABLE_CONTENT, "IDEMPOTENCY_KEY_REUSED",
                    "This Idempotency-Key was used for a different request");
        }
        if (stored.status() == null) {
            throw new IdempotencyProblem(HttpStatus.CONFLICT, "IDEMPOTENT_REQUEST_IN_PROGRESS",
                    "The request with this Idempotency-Key is still being processed; retry shortly");
        }
        ResponseEntity.BodyBuilder response = ResponseEntity.status(stored.status())
                .header(REPLAYED_HEADER, "true");
        if (stored.location() != null) {
            response.location(URI.create(stored.location()));
        }
        if (stored.body() == null) {
            return response.build();
        }
        return response.contentType(MediaType.APPLICATION_JSON).body(stored.body());
    }

    private void complete(String subject, String key, ResponseEntity<?> response) {
        URI location = response.getHeaders().getLocation();
        jdbc.sql("""
                        UPDATE idempotency_key
                           SET state = 'COMPLETED', response_status = :status, response_location = :location,
                               response_body = :body, completed_at = now()
                         WHERE subject = :subject AND idempotency_key = :key""")
                .param("status", response.getStatusCode().value())
                .param("location", location == null ? null : location.toString())
                .param("body", response.hasBody() ? json.writeValueAsString(response.getBody()) : null)
                .param("subject", subject).param("key", key)
                .update();
    }

    private void release(String subject, String key) {
        jdbc.sql("DELETE FROM idempotency_key WHERE subject = :subject AND idempotency_key = :key AND state = 'IN_PROGRESS'")
                .param("subject", subject).param("key", key)
                .update();
    }

    private Optional<StoredResponse> find(String subject, String key) {
        return jdbc.sql("""
                        SELECT request_fingerprint, response_status, response_location, response_body
                          FROM idempotency_key WHERE subject = :subject AND idempotency_key = :key""")
                .param("subject", subject).param("key", key)
                .query((row, index) -> new StoredResponse(row.getString(1), (Integer) row.getObject(2),
                        row.getString(3), row.getString(4)))
                .optional();
    }

    /** The same method, path and body give the same fingerprint; anything else is another request. */
    private String fingerprint(Object requestBody) {
        HttpServletRequest request = currentRequest();
        String canonical = request.getMethod() + " " + request.getRequestURI() + "\n"
                + json.writeValueAsString(requestBody);
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(canonical.getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(digest);
        } catch (NoSuchAlgorithmException impossible) {
            throw new IllegalStateException(impossible);
        }
    }

    private static HttpServletRequest currentRequest() {
        return ((ServletRequestAttributes) RequestContextHolder.currentRequestAttributes()).getRequest();
    }

    private static String currentSubject() {
        Authentication authentication = SecurityContextHolder.getContext().getAuthentication();
        return authentication == null ? "anonymous" : authentication.getName();
    }

    private record StoredResponse(String fingerprint, Integer status, String location, String body) {
    }
}
