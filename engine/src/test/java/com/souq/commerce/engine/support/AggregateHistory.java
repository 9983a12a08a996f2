package com.souq.commerce.engine.support;

import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventhandling.GenericDomainEventMessage;
import org.axonframework.eventsourcing.eventstore.EventStore;

/**
 * The events of one aggregate appended to the real event store one sequence number after the other, as the aggregate
 * would apply them: read models are tested with the events they will be fed, even before the aggregate that decides
 * them exists.
 */
public final class AggregateHistory {

    private final EventStore store;
    private final String aggregateType;
    private final String aggregateId;
    private long nextSequenceNumber;

    public AggregateHistory(EventStore store, String aggregateType, String aggregateId) {
        this.store = store;
        this.aggregateType = aggregateType;
        this.aggregateId = aggregateId;
    }

    /** Appends the payload as the aggregate's next event and answers its sequence number (the new version). */
    public long append(Object payload) {
        DomainEventMessage<?> event =
                new GenericDomainEventMessage<>(aggregateType, aggregateId, nextSequenceNumber, payload);
        store.publish(event);
        return nextSequenceNumber++;
    }

    public String aggregateId() {
        return aggregateId;
    }

    public long version() {
        return nextSequenceNumber - 1;
    }
}
