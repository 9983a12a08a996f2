package com.souq.commerce.engine.support;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.function.Supplier;
import org.springframework.jdbc.core.simple.JdbcClient;
import tools.jackson.databind.JsonNode;

/** Assertions on refused requests: a problem+json answer with the expected status and code, and nothing stored. */
public final class Problems {

    private final JdbcClient jdbc;

    public Problems(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /**
     * Runs the request and checks that it stored no event and completed no idempotency key. Events are told apart by
     * the request's correlation id, which every event it causes carries: sagas of earlier requests (checkout, payment)
     * may be appending their own events meanwhile.
     */
    public Api.Reply writesNothing(Supplier<Api.Reply> request) {
        long keysBefore = count("SELECT count(*) FROM idempotency_key WHERE state = 'COMPLETED'");
        Api.Reply reply = request.get();
        String correlationId = reply.header("X-Correlation-Id");
        assertThat(correlationId).as("correlation id of " + reply).isNotNull();
        assertThat(jdbc.sql("SELECT count(*) FROM event_journal WHERE metadata->>'correlationId' = :id")
                .param("id", correlationId).query(Long.class).single()).as("events stored by " + reply).isZero();
        assertThat(count("SELECT count(*) FROM idempotency_key WHERE state = 'COMPLETED'")).isEqualTo(keysBefore);
        return reply;
    }

    public static void assertProblem(Api.Reply reply, int status, String code) {
        assertThat(reply.status()).as(reply.toString()).isEqualTo(status);
        assertThat(reply.contentType()).startsWith("application/problem+json");
        JsonNode problem = reply.json();
        assertThat(problem.get("status").asInt()).isEqualTo(status);
        assertThat(problem.get("type").asString()).startsWith("urn:problem-type:souq:");
        if (code != null) {
            assertThat(problem.get("code").asString()).isEqualTo(code);
        }
    }

    public static void assertInvalidField(Api.Reply reply, String field) {
        assertProblem(reply, 400, "VALIDATION_FAILED");
        assertThat(reply.json().get("errors").valueStream().map(error -> error.get("field").asString()))
                .contains(field);
    }

    private long count(String sql) {
        return jdbc.sql(sql).query(Long.class).single();
    }
}
