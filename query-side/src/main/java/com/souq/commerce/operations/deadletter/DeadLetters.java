package com.souq.commerce.operations.deadletter;

import com.souq.commerce.platform.axon.SavepointOnRetry;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicBoolean;
import org.axonframework.config.EventProcessingConfiguration;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.eventhandling.deadletter.jdbc.JdbcDeadLetter;
import org.axonframework.messaging.deadletter.DeadLetter;
import org.axonframework.messaging.deadletter.SequencedDeadLetterQueue;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * The dead-letter queues of the projections (Axon's sequenced dead-letter queue in {@code deadletterentry}): listed
 * straight from the table, retried and evicted through Axon, so a retry runs the processor's own handlers in order
 * and a letter that fails again keeps its place.
 */
@Component
public class DeadLetters {

    private static final String COLUMNS = """
            SELECT d.deadletteridentifier, d.processinggroup, d.sequenceidentifier, d.sequenceindex,
                   d.sequenceindex = (SELECT min(f.sequenceindex) FROM deadletterentry f
                                       WHERE f.processinggroup = d.processinggroup
                                         AND f.sequenceidentifier = d.sequenceidentifier) AS first,
                   d.eventidentifier, d.payloadtype, d.aggregateidentifier, d.sequencenumber, d.causetype,
                   d.causemessage, d.enqueuedat, d.lasttouched
              FROM deadletterentry d""";

    private final EventProcessingConfiguration processing;
    private final JdbcClient jdbc;

    DeadLetters(EventProcessingConfiguration processing, JdbcClient jdbc) {
        this.processing = processing;
        this.jdbc = jdbc;
    }

    /** Parked letters, sequence by sequence in their order, at most {@code limit}; of one processor or (null) all. */
    public List<DeadLetterView> list(String processor, int limit) {
        return jdbc.sql(COLUMNS + "\n" + """
                         WHERE (CAST(:processor AS varchar) IS NULL OR d.processinggroup = :processor)
                         ORDER BY d.processinggroup, d.sequenceidentifier, d.sequenceindex
                         LIMIT :limit""")
                .param("processor", processor)
                .param("limit", limit)
                .query((row, n) -> new DeadLetterView(row.getString(1), row.getString(2), row.getString(3),
                        row.getLong(4), row.getBoolean(5), row.getString(6), simpleName(row.getString(7)),
                        row.getString(8), (Long) row.getObject(9), row.getString(10), row.getString(11),
                        instant(row.getString(12)), instant(row.getString(13))))
                .list();
    }

    public Optional<DeadLetterView> find(String processor, String letterId) {
        return jdbc.sql(COLUMNS + " WHERE d.processinggroup = :processor AND d.deadletteridentifier = :id")
                .param("processor", processor)
                .param("id", letterId)
                .query((row, n) -> new DeadLetterView(row.getString(1), row.getString(2), row.getString(3),
                        row.getLong(4), row.getBoolean(5), row.getString(6), simpleName(row.getString(7)),
                        row.getString(8), (Long) row.getObject(9), row.getString(10), row.getString(11),
                        instant(row.getString(12)), instant(row.getString(13))))
                .optional();
    }

    /**
     * Retries the sequence {@code letter} heads: its events are handled again in order until one fails again.
     * Handlers run inside savepoints here, so a failing SQL statement only rolls back its own event.
     */
    public RetryOutcome retry(DeadLetterView letter) {
        var retrier = processing.sequencedDeadLetterProcessor(letter.processor())
                .orElseThrow(() -> new IllegalStateException("No dead-letter queue for " + letter.processor()));
        AtomicBoolean succeeded = new AtomicBoolean();
        SavepointOnRetry.carefully(() -> succeeded.set(retrier.process(candidate ->
                candidate instanceof JdbcDeadLetter<?> jdbcLetter
                        && jdbcLetter.getIdentifier().equals(letter.letterId()))));
        return new RetryOutcome(letter.letterId(), letter.processor(), succeeded.get(),
                stillParked(letter.processor(), letter.sequence()));
    }

    /** Removes the letter for good: its event is never handled by this processor. */
    public boolean evict(DeadLetterView letter) {
        SequencedDeadLetterQueue<EventMessage<?>> queue = processing.deadLetterQueue(letter.processor())
                .orElseThrow(() -> new IllegalStateException("No dead-letter queue for " + letter.processor()));
        for (Iterable<DeadLetter<? extends EventMessage<?>>> sequence : queue.deadLetters()) {
            for (DeadLetter<? extends EventMessage<?>> candidate : sequence) {
                if (candidate instanceof JdbcDeadLetter<?> jdbcLetter
                        && jdbcLetter.getIdentifier().equals(letter.letterId())) {
                    queue.evict(candidate);
                    return true;
                }
            }
        }
        return false;
    }

    private long stillParked(String processor, String sequence) {
        return jdbc.sql("SELECT count(*) FROM deadletterentry WHERE processinggroup = :processor "
                        + "AND sequenceidentifier = :sequence")
                .param("processor", processor).param("sequence", sequence).query(Long.class).single();
    }

    private static String simpleName(String type) {
        return type == null ? null : type.substring(type.lastIndexOf('.') + 1);
    }

    private static Instant instant(String text) {
        return text == null ? null : Instant.parse(text);
    }
}
