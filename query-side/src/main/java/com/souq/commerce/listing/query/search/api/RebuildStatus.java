package com.souq.commerce.listing.query.search.api;

import java.time.Instant;

/**
 * Where a rebuild of the listings index stands: {@code IDLE} (none since the engine started), {@code BUILDING} (the
 * new index fills while searches answer from the current one), {@code COMPLETED} (the alias points at the new index,
 * the old one is deleted) or {@code FAILED}. {@code position} is the global index of the event store the rebuild has
 * reached (the events done); {@code headPosition} is the head of the store when the rebuild started.
 */
public record RebuildStatus(
        String state,
        String currentIndex,
        String previousIndex,
        String buildingIndex,
        long position,
        long headPosition,
        Instant startedAt,
        Instant finishedAt,
        String failure) {
}
