package com.souq.commerce.platform.axon;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import java.time.Duration;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.Function;
import org.axonframework.config.Configuration;
import org.axonframework.eventsourcing.EventSourcedAggregate;
import org.axonframework.eventsourcing.GenericAggregateFactory;
import org.axonframework.eventsourcing.NoSnapshotTriggerDefinition;
import org.axonframework.eventsourcing.eventstore.DomainEventStream;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.axonframework.modelling.command.AggregateNotFoundException;
import org.axonframework.modelling.command.inspection.AggregateModel;
import org.axonframework.modelling.command.inspection.AnnotatedAggregateMetaModelFactory;

/**
 * Reads another aggregate's last committed state without taking its lock, for command handlers that consult an
 * aggregate they do not change (a cart asking a listing for its price, a listing asking its vendor whether it may
 * sell).
 *
 * <p>Axon's repositories lock every aggregate they load until the whole unit of work ends, and a saga's unit of work
 * or a checkout consults several aggregates: two of them taking the same locks in different orders deadlock (measured
 * under concurrent checkouts: Axon detects it and the command fails). A read that never changes the aggregate needs no
 * lock: it sees the committed events, and the aggregate that does change (the listing reserving stock) still decides
 * under its own lock.
 *
 * <p>Each aggregate read is kept here as a private copy (never the instance the locking repository works on, which may
 * hold uncommitted changes) together with the sequence number it has seen; a later read applies only the events
 * committed since. A listing that has sold a thousand times is therefore not replayed from its first event on every
 * add to a cart.
 */
public final class ReadOnlyAggregates<T> {

    private final Class<T> aggregateType;
    private final EventStore eventStore;
    private final AggregateModel<T> model;
    private final GenericAggregateFactory<T> factory;
    private final Cache<String, Copy<T>> copies;

    private ReadOnlyAggregates(Class<T> aggregateType, Configuration axon, long maximumSize) {
        this.aggregateType = aggregateType;
        this.eventStore = axon.eventStore();
        this.model = AnnotatedAggregateMetaModelFactory.inspectAggregate(aggregateType,
                axon.parameterResolverFactory(), axon.handlerDefinition(aggregateType));
        this.factory = new GenericAggregateFactory<>(model);
        this.copies = Caffeine.newBuilder()
                .maximumSize(maximumSize)
                .expireAfterAccess(Duration.ofMinutes(10))
                .build();
    }

    /** Reads aggregates of {@code aggregateType}, keeping at most 10,000 of them in memory. */
    public static <T> ReadOnlyAggregates<T> of(Class<T> aggregateType, Configuration axon) {
        return new ReadOnlyAggregates<>(aggregateType, axon, 10_000);
    }

    /**
     * Answers {@code query} on the last committed state of the aggregate {@code identifier}.
     *
     * @throws AggregateNotFoundException when no event of that aggregate was ever committed
     */
    public <R> R read(String identifier, Function<T, R> query) {
        Copy<T> copy = copies.get(identifier, absent -> new Copy<>());
        copy.lock.lock();
        try {
            DomainEventStream committedSince = eventStore.readEvents(identifier, copy.nextSequence());
            if (committedSince.hasNext()) {
                if (copy.aggregate == null) {
                    copy.aggregate = EventSourcedAggregate.initialize(
                            factory.createAggregateRoot(identifier, committedSince.peek()), model, null,
                            NoSnapshotTriggerDefinition.TRIGGER);
                }
                copy.aggregate.initializeState(committedSince);
            }
            if (copy.aggregate == null) {
                copies.invalidate(identifier);
                throw new AggregateNotFoundException(identifier,
                        "No " + aggregateType.getSimpleName() + " with id " + identifier);
            }
            return copy.aggregate.invoke(query);
        } finally {
            copy.lock.unlock();
        }
    }

    /** One aggregate as of the events applied to it so far. */
    private static final class Copy<T> {

        /** Not {@code synchronized}: a virtual thread reading the store under a monitor would pin its carrier. */
        private final ReentrantLock lock = new ReentrantLock();
        private EventSourcedAggregate<T> aggregate;

        long nextSequence() {
            return aggregate == null ? 0 : aggregate.version() + 1;
        }
    }
}
