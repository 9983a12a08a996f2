package com.souq.commerce.audit.query.api;

import java.time.Instant;
import java.util.List;
import tools.jackson.databind.JsonNode;

/**
 * One event as the store holds it: its position in the store, the aggregate and sequence number it belongs to, its
 * type (simple name) and revision, when it was recorded, who caused it ({@code subject}, {@code roles}), the flow it
 * belongs to ({@code correlationId}) and the message that directly caused it ({@code causationId}), and its payload.
 */
public record RecordedEvent(long position, String aggregateType, String aggregateId, long sequenceNumber,
                            String eventId, String eventType, String eventRevision, Instant recordedAt,
                            String subject, List<String> roles, String correlationId, String causationId,
                            JsonNode payload) {
}
