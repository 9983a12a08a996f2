package com.souq.commerce.operations.web;

import com.souq.commerce.order.api.OrderId;
import com.souq.commerce.platform.privacy.PersonalDataVault;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.time.OffsetDateTime;
import java.util.List;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * An order's full history for support, straight from the event store: the order's own events and every event of
 * another aggregate that names the order (its payment, its vendor orders, stock reservations, journal entries), in
 * the order they were stored, with who caused each and the flow (correlation id) it belongs to. Reads the whole store:
 * an operator's tool, not a customer-facing query.
 */
@RestController
@RequestMapping("/api/v1/admin/orders")
@PreAuthorize("hasAnyRole('SUPPORT', 'ADMIN')")
@Tag(name = "processor administration")
class EventHistoryController {

    private static final int MAX_EVENTS = 2000;

    private final JdbcClient jdbc;
    private final JsonMapper json;
    private final PersonalDataVault personalData;

    EventHistoryController(JdbcClient jdbc, JsonMapper json, PersonalDataVault personalData) {
        this.jdbc = jdbc;
        this.json = json;
        this.personalData = personalData;
    }

    /** One stored event: where it is in the store, what it says and who caused it. */
    record StoredEvent(long globalIndex, OffsetDateTime occurredAt, String aggregateType, String aggregateId,
                       long sequenceNumber, String eventId, String eventType, JsonNode payload, String subject,
                       String correlationId, String causationId) {
    }

    record EventHistory(String orderId, int events, boolean truncated, List<StoredEvent> history) {
    }

    @GetMapping("/{orderId}/events")
    @Operation(summary = "Every stored event of an order and of the aggregates acting for it, oldest first")
    EventHistory events(@PathVariable String orderId) {
        String id = OrderId.of(orderId).value();
        List<StoredEvent> events = jdbc.sql("""
                        SELECT global_index, occurred_at, aggregate_type, aggregate_id, sequence_number, event_id,
                               event_type, CAST(payload AS text), metadata ->> 'subject',
                               metadata ->> 'correlationId', metadata ->> 'causationId'
                          FROM event_journal
                         WHERE aggregate_id = :id OR payload ->> 'orderId' = :id
                         ORDER BY global_index
                         LIMIT :limit""")
                .param("id", id)
                .param("limit", MAX_EVENTS + 1)
                .query((row, n) -> new StoredEvent(row.getLong(1), row.getObject(2, OffsetDateTime.class),
                        row.getString(3), row.getString(4), row.getLong(5), row.getString(6),
                        simpleName(row.getString(7)), revealed(row.getString(7), row.getString(8)), row.getString(9),
                        row.getString(10), row.getString(11)))
                .list();
        boolean truncated = events.size() > MAX_EVENTS;
        List<StoredEvent> history = truncated ? events.subList(0, MAX_EVENTS) : events;
        return new EventHistory(id, history.size(), truncated, history);
    }

    private JsonNode revealed(String type, String payload) {
        JsonNode tree = json.readTree(payload);
        personalData.revealIn(type, tree);
        return tree;
    }

    private static String simpleName(String type) {
        return type.substring(type.lastIndexOf('.') + 1);
    }
}
