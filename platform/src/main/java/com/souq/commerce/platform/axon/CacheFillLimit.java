package com.souq.commerce.platform.axon;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;
import javax.annotation.Nonnull;
import javax.annotation.Nullable;
import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.eventhandling.TrackedEventMessage;
import org.axonframework.eventhandling.TrackingToken;
import org.axonframework.eventsourcing.eventstore.DomainEventStream;
import org.axonframework.eventsourcing.eventstore.EventStorageEngine;

/**
 * The storage engine as the embedded event store sees it: the engine's own, except that a read that may block, which in
 * Axon 4.13 only the store's producer of its cache of recent events makes, returns at most {@code limit} events.
 * <p>
 * That producer fills the cache in one read from its newest cached event to the head of the store, and keeps the node
 * it started from for the whole read; the nodes are linked forward, so every event of that read stays reachable until
 * it ends, whatever the cache's size. The producer stops reading while no processor tails the cache (all of them
 * behind, on private streams), so when one comes back to the head the read spans everything appended meanwhile: a
 * replay or a rebuild of a large store made it hold hundreds of thousands of events (331,001 cached nodes reachable
 * during the search index rebuild of a 1,000,000-event store, out of a 1 GiB heap). With at most {@code limit} events a
 * read, the producer reads again at once from where it stopped, and lets go of the events before.
 * <p>
 * Private streams (a processor behind the cache, a rebuild) read without blocking and are not limited.
 */
final class CacheFillLimit implements EventStorageEngine {

    private final EventStorageEngine delegate;
    private final int limit;

    CacheFillLimit(EventStorageEngine delegate, int limit) {
        if (limit < 1) {
            throw new IllegalArgumentException("The limit of a cache fill must be positive: " + limit);
        }
        this.delegate = delegate;
        this.limit = limit;
    }

    @Override
    public Stream<? extends TrackedEventMessage<?>> readEvents(@Nullable TrackingToken trackingToken,
                                                               boolean mayBlock) {
        Stream<? extends TrackedEventMessage<?>> events = delegate.readEvents(trackingToken, mayBlock);
        return mayBlock ? events.limit(limit) : events;
    }

    @Override
    public void appendEvents(@Nonnull List<? extends EventMessage<?>> events) {
        delegate.appendEvents(events);
    }

    @Override
    public void storeSnapshot(@Nonnull DomainEventMessage<?> snapshot) {
        delegate.storeSnapshot(snapshot);
    }

    @Override
    public DomainEventStream readEvents(@Nonnull String aggregateIdentifier, long firstSequenceNumber) {
        return delegate.readEvents(aggregateIdentifier, firstSequenceNumber);
    }

    @Override
    public Optional<DomainEventMessage<?>> readSnapshot(@Nonnull String aggregateIdentifier) {
        return delegate.readSnapshot(aggregateIdentifier);
    }

    @Override
    public Optional<Long> lastSequenceNumberFor(@Nonnull String aggregateIdentifier) {
        return delegate.lastSequenceNumberFor(aggregateIdentifier);
    }

    @Override
    public TrackingToken createTailToken() {
        return delegate.createTailToken();
    }

    @Override
    public TrackingToken createHeadToken() {
        return delegate.createHeadToken();
    }

    @Override
    public TrackingToken createTokenAt(@Nonnull Instant dateTime) {
        return delegate.createTokenAt(dateTime);
    }
}
