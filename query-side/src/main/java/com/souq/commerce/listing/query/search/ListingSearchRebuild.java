package com.souq.commerce.listing.query.search;

import com.souq.commerce.listing.query.search.api.RebuildStatus;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.concurrent.atomic.AtomicReference;
import org.axonframework.config.EventProcessingConfiguration;
import org.axonframework.eventhandling.EventTrackerStatus;
import org.axonframework.eventhandling.StreamingEventProcessor;
import org.axonframework.eventhandling.TrackingToken;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * Rebuilds the listings index without downtime: creates a new concrete index, resets the tokens of the
 * {@code listing-search-rebuild} processing group so that it replays the whole event store into that index while
 * searches keep answering from the alias, and once the replay has reached the head of the store as it was at the
 * start, points the alias at the new index in one atomic step and deletes the old one.
 * <p>
 * After the swap the rebuild group goes on writing into the new index beside the live group: events the live group
 * wrote into the old index just before the swap reach the new one this way, and versioned writes make the double
 * write harmless.
 */
@Component
class ListingSearchRebuild {

    private static final Logger log = LoggerFactory.getLogger(ListingSearchRebuild.class);
    private static final Duration POLL = Duration.ofMillis(200);

    private final ListingSearchIndex index;
    private final EventProcessingConfiguration processing;
    private final EventStore eventStore;
    private final AtomicReference<RebuildStatus> status = new AtomicReference<>(
            new RebuildStatus("IDLE", null, null, null, 0, 0, null, null, null));

    ListingSearchRebuild(ListingSearchIndex index, EventProcessingConfiguration processing, EventStore eventStore) {
        this.index = index;
        this.processing = processing;
        this.eventStore = eventStore;
    }

    /** The index the rebuild group writes into: the one being built, and after the swap the one it built. */
    Optional<String> targetIndex() {
        RebuildStatus current = status.get();
        return switch (current.state()) {
            case "BUILDING", "COMPLETED" -> Optional.of(current.buildingIndex());
            default -> Optional.empty();
        };
    }

    RebuildStatus status() {
        RebuildStatus current = status.get();
        if (!"BUILDING".equals(current.state())) {
            return withCurrentIndex(current);
        }
        return withCurrentIndex(new RebuildStatus(current.state(), null, current.previousIndex(),
                current.buildingIndex(), reachedPosition().orElse(0), current.headPosition(), current.startedAt(),
                null, null));
    }

    /** Starts a rebuild, unless one is running: then empty. */
    synchronized Optional<RebuildStatus> start() {
        if ("BUILDING".equals(status.get().state())) {
            return Optional.empty();
        }
        String previous = index.current().orElseThrow();
        String building = index.create();
        long head = position(eventStore.createHeadToken()).orElse(0);
        StreamingEventProcessor processor = processor();
        processor.shutDown();
        status.set(new RebuildStatus("BUILDING", previous, previous, building, 0, head, Instant.now(), null, null));
        processor.resetTokens();
        processor.start();
        log.info("Rebuilding the listings index into {} up to event {}", building, head);
        Thread.ofPlatform().daemon().name("listing-search-rebuild").start(this::swapWhenCaughtUp);
        return Optional.of(status());
    }

    private void swapWhenCaughtUp() {
        RebuildStatus started = status.get();
        try {
            while (!caughtUp(started.headPosition())) {
                Thread.sleep(POLL);
            }
            index.swap(started.previousIndex(), started.buildingIndex());
            status.set(new RebuildStatus("COMPLETED", started.buildingIndex(), started.previousIndex(),
                    started.buildingIndex(), reachedPosition().orElse(started.headPosition()),
                    started.headPosition(), started.startedAt(), Instant.now(), null));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            failed(started, e);
        } catch (RuntimeException e) {
            failed(started, e);
        }
    }

    private void failed(RebuildStatus started, Exception e) {
        log.error("Rebuilding the listings index into {} failed", started.buildingIndex(), e);
        status.set(new RebuildStatus("FAILED", started.previousIndex(), started.previousIndex(),
                started.buildingIndex(), reachedPosition().orElse(0), started.headPosition(), started.startedAt(),
                Instant.now(), e.toString()));
    }

    private boolean caughtUp(long head) {
        Map<Integer, EventTrackerStatus> segments = processor().processingStatus();
        if (segments.isEmpty()) {
            return false;
        }
        if (segments.values().stream().anyMatch(EventTrackerStatus::isErrorState)) {
            throw new IllegalStateException("The rebuild processor failed: " + segments);
        }
        return segments.values().stream().allMatch(segment -> segment.isCaughtUp()
                && segment.getCurrentPosition().orElse(-1) >= head);
    }

    private OptionalLong reachedPosition() {
        return processor().processingStatus().values().stream()
                .map(EventTrackerStatus::getCurrentPosition)
                .filter(OptionalLong::isPresent)
                .mapToLong(OptionalLong::getAsLong)
                .min();
    }

    private RebuildStatus withCurrentIndex(RebuildStatus status) {
        return new RebuildStatus(status.state(), index.current().orElse(null), status.previousIndex(),
                status.buildingIndex(), status.position(), status.headPosition(), status.startedAt(),
                status.finishedAt(), status.failure());
    }

    private StreamingEventProcessor processor() {
        return processing.eventProcessor(RebuildListingSearchProjector.PROCESSING_GROUP, StreamingEventProcessor.class)
                .orElseThrow(() -> new IllegalStateException("No processor "
                        + RebuildListingSearchProjector.PROCESSING_GROUP));
    }

    private static OptionalLong position(TrackingToken token) {
        return token == null ? OptionalLong.empty() : token.position();
    }
}
