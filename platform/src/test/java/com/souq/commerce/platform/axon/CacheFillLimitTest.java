package com.souq.commerce.platform.axon;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.IntStream;
import org.axonframework.common.stream.BlockingStream;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.eventhandling.GenericEventMessage;
import org.axonframework.eventhandling.TrackedEventMessage;
import org.axonframework.eventsourcing.eventstore.EmbeddedEventStore;
import org.axonframework.eventsourcing.eventstore.inmemory.InMemoryEventStorageEngine;
import org.junit.jupiter.api.Test;

class CacheFillLimitTest {

    private final InMemoryEventStorageEngine store = new InMemoryEventStorageEngine();

    @Test
    void aReadThatMayBlockReturnsAtMostTheLimitAndAPrivateReadEverything() {
        store.appendEvents(events(25));
        CacheFillLimit limited = new CacheFillLimit(store, 10);

        assertThat(limited.readEvents(null, true)).hasSize(10);
        assertThat(limited.readEvents(null, false)).hasSize(25);
    }

    @Test
    void aProcessorAtTheHeadReceivesABacklogLongerThanTheLimitAtOnceAndInOrder() throws InterruptedException {
        // The cache holds the whole backlog, so the stream stays on it, and the producer's periodic fetch is an hour
        // away: only the producer reading again at once after a limited read delivers the backlog in time.
        EmbeddedEventStore eventStore = EmbeddedEventStore.builder()
                .storageEngine(new CacheFillLimit(store, 10))
                .cachedEvents(100)
                .fetchDelay(1)
                .timeUnit(TimeUnit.HOURS)
                .build();
        try (BlockingStream<TrackedEventMessage<?>> stream = eventStore.openStream(null)) {
            assertThat(stream.hasNextAvailable(10, TimeUnit.MILLISECONDS)).isFalse();

            eventStore.publish(events(35));

            List<Object> received = new ArrayList<>();
            while (received.size() < 35 && stream.hasNextAvailable(5, TimeUnit.SECONDS)) {
                received.add(stream.nextAvailable().getPayload());
            }
            assertThat(received).containsExactlyElementsOf(IntStream.range(0, 35).boxed().toList());
        } finally {
            eventStore.shutDown();
        }
    }

    private static List<EventMessage<?>> events(int count) {
        return IntStream.range(0, count).<EventMessage<?>>mapToObj(GenericEventMessage::asEventMessage).toList();
    }
}
