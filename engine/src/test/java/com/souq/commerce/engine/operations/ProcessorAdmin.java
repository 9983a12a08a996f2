package com.souq.commerce.engine.operations;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.souq.commerce.engine.support.Api;
import java.time.Duration;
import java.util.List;
import org.springframework.jdbc.core.simple.JdbcClient;
import tools.jackson.databind.JsonNode;

/** The processor admin API as support uses it, and the read-model rows a test compares across a rebuild. */
public final class ProcessorAdmin {

    final Api api;
    final String support;
    private final JdbcClient jdbc;

    public ProcessorAdmin(int port, JdbcClient jdbc) {
        this.api = new Api(port);
        this.support = api.token("support-ops", "SUPPORT");
        this.jdbc = jdbc;
    }

    JsonNode processor(String name) {
        Api.Reply reply = api.get("/api/v1/admin/processors/" + name, support);
        assertThat(reply.status()).as(reply.toString()).isEqualTo(200);
        return reply.json();
    }

    public JsonNode rebuild(String name) {
        Api.Reply started = api.post("/api/v1/admin/processors/" + name + "/rebuild", support, null);
        assertThat(started.status()).as(started.toString()).isEqualTo(202);
        return started.json();
    }

    public JsonNode awaitRebuildFinished(String name) {
        JsonNode progress = await().atMost(Duration.ofSeconds(120)).pollInterval(Duration.ofMillis(100))
                .until(() -> api.get("/api/v1/admin/processors/" + name + "/rebuild", support).json(),
                        json -> !json.path("state").asString("").matches("BUILDING|SWAPPING"));
        assertThat(progress.path("state").asString()).as(progress.toString()).isEqualTo("COMPLETED");
        return progress;
    }

    /** Waits until the processor runs and has handled every event of the store. */
    public void awaitCaughtUp(String name) {
        await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(100))
                .until(() -> processor(name), json -> "RUNNING".equals(json.path("status").asString())
                        && json.path("lag").asLong() == 0 && json.path("segments").size() > 0);
    }

    long head() {
        return api.get("/api/v1/admin/processors", support).json().path("headPosition").asLong();
    }

    /** Every row of the tables, as JSON text, sorted: equal lists are equal row sets. */
    List<String> rows(List<String> tables) {
        return tables.stream().flatMap(table -> jdbc.sql("SELECT r FROM (SELECT '" + table + " ' || CAST(to_jsonb(t) AS text) AS r "
                        + "FROM " + table + " t) rows ORDER BY r COLLATE \"C\"").query(String.class).list().stream())
                .toList();
    }

    /** The rows of the tables matching {@code where} (a condition on the table's columns), as JSON text, sorted. */
    List<String> rows(String table, String where, Object parameter) {
        return jdbc.sql("SELECT r FROM (SELECT '" + table + " ' || CAST(to_jsonb(t) AS text) AS r FROM " + table
                        + " t WHERE " + where + ") rows ORDER BY r COLLATE \"C\"")
                .param("p", parameter).query(String.class).list();
    }
}
