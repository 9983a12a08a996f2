package com.souq.commerce.platform.axon;

import org.axonframework.common.lock.NullLockFactory;
import org.axonframework.config.Configuration;
import org.axonframework.eventsourcing.EventSourcingRepository;
import org.axonframework.modelling.command.Repository;

/**
 * Repositories that read another aggregate's current state without taking its lock, for command handlers that
 * consult an aggregate they do not change (a cart asking a listing for its price, a listing asking its vendor whether
 * it may sell).
 *
 * <p>Axon's repositories lock every aggregate they load until the whole unit of work ends, and a saga's unit of work
 * or a checkout consults several aggregates: two of them taking the same locks in different orders deadlock (measured
 * under concurrent checkouts: Axon detects it and the command fails). A read that never changes the aggregate needs no
 * lock: it sees the last committed events, and the aggregate that does change (the listing reserving stock) still
 * decides under its own lock.
 */
public final class ReadOnlyAggregates {

    private ReadOnlyAggregates() {
    }

    public static <T> Repository<T> of(Class<T> aggregateType, Configuration axon) {
        return EventSourcingRepository.builder(aggregateType)
                .eventStore(axon.eventStore())
                .parameterResolverFactory(axon.parameterResolverFactory())
                .handlerDefinition(axon.handlerDefinition(aggregateType))
                .lockFactory(NullLockFactory.INSTANCE)
                .build();
    }
}
