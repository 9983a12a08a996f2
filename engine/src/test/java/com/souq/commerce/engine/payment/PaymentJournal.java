package com.souq.commerce.engine.payment;

import static org.awaitility.Awaitility.await;

import com.souq.commerce.engine.support.Api;
import com.souq.commerce.payment.api.PaymentId;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.springframework.jdbc.core.simple.JdbcClient;

/** A payment's events as the event store holds them (the {@code event_journal} view), in order. */
final class PaymentJournal {

    private final JdbcClient jdbc;

    PaymentJournal(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** The simple names of the payment's event types, e.g. {@code PaymentAuthorizedEvent}. */
    List<String> events(PaymentId payment) {
        return jdbc.sql("""
                        SELECT regexp_replace(event_type, '^.*\\.', '') FROM event_journal
                         WHERE aggregate_id = :id ORDER BY sequence_number""")
                .param("id", payment.value()).query(String.class).list();
    }

    /** Waits until the payment's last event is {@code eventType}, and answers that event's payload fields. */
    Map<String, Object> awaitLast(PaymentId payment, String eventType) {
        await().atMost(Duration.ofSeconds(15)).until(() -> {
            List<String> events = events(payment);
            return !events.isEmpty() && events.getLast().equals(eventType);
        });
        return jdbc.sql("""
                        SELECT payload->>'providerReference' AS reference, payload->>'nextActionUrl' AS next_action,
                               payload->>'reason' AS reason, payload->'amount'->>'minorUnits' AS amount
                          FROM event_journal WHERE aggregate_id = :id ORDER BY sequence_number DESC LIMIT 1""")
                .param("id", payment.value()).query().singleRow();
    }

    /** The simple names of the events a request caused, found by its correlation id. */
    List<String> causedBy(Api.Reply reply) {
        return jdbc.sql("""
                        SELECT regexp_replace(event_type, '^.*\\.', '') FROM event_journal
                         WHERE metadata->>'correlationId' = :id ORDER BY global_index""")
                .param("id", reply.header("X-Correlation-Id")).query(String.class).list();
    }

    long count() {
        return jdbc.sql("SELECT count(*) FROM domainevententry").query(Long.class).single();
    }
}
