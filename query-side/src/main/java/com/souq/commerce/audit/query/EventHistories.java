package com.souq.commerce.audit.query;

import com.souq.commerce.audit.query.api.EventHistory;
import com.souq.commerce.audit.query.api.RecordedEvent;
import com.souq.commerce.platform.privacy.PersonalDataVault;
import com.souq.commerce.platform.web.PageResult;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Event histories read straight from {@code domainevententry}: an aggregate's events through the unique index on
 * (aggregate id, sequence number), a correlation's through the index on the metadata's correlation id.
 */
@Component
public class EventHistories {

    private static final String COLUMNS = """
            SELECT globalindex, type, aggregateidentifier, sequencenumber, eventidentifier, payloadtype,
                   payloadrevision, timestamp, payload, metadata FROM domainevententry""";

    private final JdbcClient jdbc;
    private final JsonMapper json;
    private final PersonalDataVault personalData;

    EventHistories(JdbcClient jdbc, JsonMapper json, PersonalDataVault personalData) {
        this.jdbc = jdbc;
        this.json = json;
        this.personalData = personalData;
    }

    public EventHistory ofAggregate(String aggregateId, int page, int size) {
        long total = jdbc.sql("SELECT count(*) FROM domainevententry WHERE aggregateidentifier = :id")
                .param("id", aggregateId).query(Long.class).single();
        List<RecordedEvent> events = jdbc.sql(COLUMNS + " " + """
                         WHERE aggregateidentifier = :id ORDER BY sequencenumber LIMIT :limit OFFSET :offset""")
                .param("id", aggregateId).param("limit", size).param("offset", (long) page * size)
                .query(this::toEvent).list();
        return new EventHistory("aggregate", aggregateId, PageResult.of(events, page, size, total));
    }

    public EventHistory ofCorrelation(String correlationId, int page, int size) {
        long total = jdbc.sql("SELECT count(*) FROM domainevententry WHERE souq_event_correlation_id(metadata) = :id")
                .param("id", correlationId).query(Long.class).single();
        List<RecordedEvent> events = jdbc.sql(COLUMNS + " " + """
                         WHERE souq_event_correlation_id(metadata) = :id ORDER BY globalindex
                         LIMIT :limit OFFSET :offset""")
                .param("id", correlationId).param("limit", size).param("offset", (long) page * size)
                .query(this::toEvent).list();
        return new EventHistory("correlation", correlationId, PageResult.of(events, page, size, total));
    }

    private RecordedEvent toEvent(ResultSet row, int index) throws SQLException {
        byte[] metadataBytes = row.getBytes("metadata");
        JsonNode metadata = metadataBytes == null ? json.missingNode() : json.readTree(metadataBytes);
        List<String> roles = new ArrayList<>();
        JsonNode granted = metadata.path("roles");
        if (granted.isString()) {
            roles.addAll(List.of(granted.asString().split(",")));
        } else {
            granted.forEach(role -> roles.add(role.asString()));
        }
        String type = row.getString("payloadtype");
        JsonNode payload = json.readTree(row.getBytes("payload"));
        personalData.revealIn(type, payload);
        return new RecordedEvent(row.getLong("globalindex"), row.getString("type"),
                row.getString("aggregateidentifier"), row.getLong("sequencenumber"), row.getString("eventidentifier"),
                type.substring(type.lastIndexOf('.') + 1), row.getString("payloadrevision"),
                Instant.parse(row.getString("timestamp")), text(metadata, "subject"), roles,
                text(metadata, "correlationId"), text(metadata, "causationId"), payload);
    }

    private static String text(JsonNode metadata, String field) {
        JsonNode value = metadata.get(field);
        return value == null || value.isNull() ? null : value.asString();
    }
}
