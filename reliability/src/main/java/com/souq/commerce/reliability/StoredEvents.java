package com.souq.commerce.reliability;

import com.souq.commerce.infrastructure.postgres.PostgresConnection;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import tools.jackson.databind.JsonNode;

/** Every event of the store in order of its global index, read through the {@code event_journal} view. */
final class StoredEvents {

    /** One event: {@code name} is the payload's type without package and without "Event". */
    record Stored(long position, String aggregateType, String aggregateId, long sequence, String eventId, String name,
                  JsonNode payload) {

        String text(String field) {
            JsonNode value = payload.get(field);
            return value == null || value.isNull() ? null : value.asString();
        }

        long number(String field) {
            return payload.get(field).asLong();
        }

        long minor(String field) {
            return payload.get(field).get("minorUnits").asLong();
        }
    }

    private final List<Stored> events;

    private StoredEvents(List<Stored> events) {
        this.events = events;
    }

    static StoredEvents read(PostgresConnection database) {
        List<Stored> events = new ArrayList<>();
        try (Connection connection = database.open();
             PreparedStatement query = connection.prepareStatement("""
                     SELECT global_index, aggregate_type, aggregate_id, sequence_number, event_id, event_type,
                            CAST(payload AS text)
                       FROM event_journal ORDER BY global_index""")) {
            query.setFetchSize(2_000);
            connection.setAutoCommit(false);
            try (ResultSet rows = query.executeQuery()) {
                while (rows.next()) {
                    String type = rows.getString(6);
                    String name = type.substring(type.lastIndexOf('.') + 1).replaceFirst("Event$", "");
                    events.add(new Stored(rows.getLong(1), rows.getString(2), rows.getString(3), rows.getLong(4),
                            rows.getString(5), name, Shop.JSON.readTree(rows.getString(7))));
                }
            }
        } catch (SQLException e) {
            throw new IllegalStateException("Cannot read the event store", e);
        }
        return new StoredEvents(events);
    }

    List<Stored> all() {
        return events;
    }

    List<Stored> named(String name) {
        return events.stream().filter(event -> event.name().equals(name)).toList();
    }

    List<Stored> ofType(String aggregateType) {
        return events.stream().filter(event -> aggregateType.equals(event.aggregateType())).toList();
    }

    /** Events of one aggregate type grouped by aggregate, each group in sequence order. */
    Map<String, List<Stored>> byAggregate(String aggregateType) {
        Map<String, List<Stored>> grouped = new LinkedHashMap<>();
        for (Stored event : events) {
            if (aggregateType.equals(event.aggregateType())) {
                grouped.computeIfAbsent(event.aggregateId(), id -> new ArrayList<>()).add(event);
            }
        }
        grouped.values().forEach(group -> group.sort(java.util.Comparator.comparingLong(Stored::sequence)));
        return grouped;
    }

    /** Events of {@code name} grouped by a field of their payload, such as {@code orderId}. */
    Map<String, List<Stored>> named(String name, Function<Stored, String> key) {
        Map<String, List<Stored>> grouped = new LinkedHashMap<>();
        for (Stored event : named(name)) {
            grouped.computeIfAbsent(key.apply(event), id -> new ArrayList<>()).add(event);
        }
        return grouped;
    }

    long head() {
        return events.isEmpty() ? 0 : events.getLast().position();
    }
}
