package com.souq.commerce.platform.axon;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Tuning of the PostgreSQL event store and the processors reading it.
 *
 * @param batchSize            events fetched per query when a processor reads the store
 * @param gapTimeout           how long a reader waits for a global-index gap to fill (a slow commit) before
 *                             treating it as a rolled-back transaction; above the worst commit time
 * @param gapCleaningThreshold gaps tracked before old ones are cleaned
 * @param processorBatchSize   events a processor handles in one transaction
 * @param processorSegments    segments a new processor is split into, so instances can share it
 * @param processorDurableCommits whether a processor's transaction waits for PostgreSQL to flush it to disk; off by
 *                             default, because what a processor commits is re-derived from durable events after a
 *                             crash ({@link RelaxedDurability})
 */
@ConfigurationProperties("souq.event-store")
public record EventStoreProperties(
        @DefaultValue("500") int batchSize,
        @DefaultValue("60s") Duration gapTimeout,
        @DefaultValue("250") int gapCleaningThreshold,
        @DefaultValue("100") int processorBatchSize,
        @DefaultValue("2") int processorSegments,
        @DefaultValue("false") boolean processorDurableCommits) {
}
