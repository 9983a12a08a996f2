package com.souq.commerce.platform.axon;

import java.time.Duration;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import org.axonframework.commandhandling.CommandBus;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.axonframework.commandhandling.gateway.DefaultCommandGateway;
import org.axonframework.common.caching.Cache;
import org.axonframework.common.caching.NoCache;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * Aggregates stay in memory between commands ({@link AggregateCache}), and a command that lost a race to another
 * instance (or to a stale cached copy) is sent again on a fresh load instead of failing.
 *
 * <p>Measured with the checkout benchmark: without the cache every reservation replayed its listing's whole stream and
 * every add to a cart its customer's cart, so the cost of a command grew with the age of its aggregate.
 */
@Configuration(proxyBeanMethods = false)
public class AggregateCaching {

    /** The bean name aggregates give in {@code @Aggregate(cache = ...)}. */
    public static final String CACHE = "aggregateCache";

    /**
     * On unless {@code souq.aggregates.cache} is false. Safe with several instances: an entry is used only while no
     * event was appended to its aggregate since ({@link AggregateCache}).
     */
    @Bean(CACHE)
    Cache aggregateCache(@Value("${souq.aggregates.cache:true}") boolean enabled,
                         @Value("${souq.aggregates.cache-size:20000}") long maximumSize,
                         @Value("${souq.aggregates.cache-idle:10m}") Duration expireAfterAccess,
                         ObjectProvider<EventStore> eventStore) {
        return enabled
                ? new AggregateCache(maximumSize, expireAfterAccess,
                        aggregate -> eventStore.getObject().lastSequenceNumberFor(aggregate))
                : NoCache.INSTANCE;
    }

    /**
     * Axon's gateway, retrying a command that failed transiently (a concurrent append to the same aggregate, a lock or
     * connection failure: {@link TransientFailureRetries}) up to three times, 20, 40 and 60 ms later. Such a command's
     * unit of work rolled back entirely, so sending it again is safe; a command refused by a business rule is never
     * retried.
     */
    @Bean
    CommandGateway commandGateway(CommandBus commandBus,
                                  @Value("${souq.commands.transient-retries:3}") int retries) {
        ScheduledExecutorService retryExecutor = Executors.newSingleThreadScheduledExecutor(
                Thread.ofPlatform().name("command-retry").daemon(true).factory());
        return DefaultCommandGateway.builder()
                .commandBus(commandBus)
                .retryScheduler(new TransientFailureRetries(retryExecutor, retries, 20))
                .build();
    }
}
