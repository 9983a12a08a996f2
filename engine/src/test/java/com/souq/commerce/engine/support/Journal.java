package com.souq.commerce.engine.support;

import java.util.List;
import org.springframework.jdbc.core.simple.JdbcClient;

/** The event store as an auditor reads it (the {@code event_journal} view): which events an aggregate has, in order. */
public final class Journal {

    private final JdbcClient jdbc;

    public Journal(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** The simple names of the aggregate's event types, in sequence order. */
    public List<String> events(String aggregateId) {
        return jdbc.sql("""
                        SELECT regexp_replace(event_type, '^.*\\.', '') FROM event_journal
                         WHERE aggregate_id = :id ORDER BY sequence_number""")
                .param("id", aggregateId).query(String.class).list();
    }

    /** How many events of the given simple type name the aggregate has. */
    public long count(String aggregateId, String eventType) {
        return events(aggregateId).stream().filter(eventType::equals).count();
    }
}
