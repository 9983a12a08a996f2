package com.souq.commerce.operations.deadletter;

import java.time.Instant;

/**
 * An event a processor failed on, parked with the later events of its sequence (same aggregate, or same order for the
 * order groups) queued behind it. {@code first} says whether it heads its sequence: only the head is retried, and
 * retrying it goes on through the letters behind it in order.
 */
public record DeadLetterView(
        String letterId,
        String processor,
        String sequence,
        long indexInSequence,
        boolean first,
        String eventId,
        String eventType,
        String aggregateId,
        Long aggregateSequenceNumber,
        String causeType,
        String causeMessage,
        Instant enqueuedAt,
        Instant lastTouched) {
}
