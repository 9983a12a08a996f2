package com.souq.commerce.platform.observability;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import java.util.OptionalLong;
import org.axonframework.config.EventProcessingConfiguration;
import org.axonframework.eventhandling.EventTrackerStatus;
import org.axonframework.eventhandling.StreamingEventProcessor;
import org.axonframework.eventhandling.TrackingToken;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * Publishes, per event processor, how many events of the store it has yet to handle
 * ({@code souq_event_processor_lag_events}): the head of the event store minus the lowest position among the
 * segments this instance owns. Axon's own latency metric says how old the handled events were; this says how far
 * behind the processor is, which is what an operator watching a rebuild needs.
 */
@Component
class EventProcessorLagMetrics {

    private final MeterRegistry registry;
    private final EventProcessingConfiguration processing;
    private final EventStore eventStore;

    EventProcessorLagMetrics(MeterRegistry registry, EventProcessingConfiguration processing, EventStore eventStore) {
        this.registry = registry;
        this.processing = processing;
        this.eventStore = eventStore;
    }

    @EventListener(ApplicationReadyEvent.class)
    void registerGauges() {
        processing.eventProcessors().forEach((name, processor) -> {
            if (processor instanceof StreamingEventProcessor streaming) {
                Gauge.builder("souq.event.processor.lag", streaming, this::lag)
                        .description("Events in the store that the processor has not handled yet")
                        .baseUnit("events")
                        .tag("processor", name)
                        .register(registry);
            }
        });
    }

    private double lag(StreamingEventProcessor processor) {
        OptionalLong lowest = processor.processingStatus().values().stream()
                .map(EventTrackerStatus::getCurrentPosition)
                .filter(OptionalLong::isPresent)
                .mapToLong(OptionalLong::getAsLong)
                .min();
        if (lowest.isEmpty()) {
            return Double.NaN;
        }
        TrackingToken head = eventStore.createHeadToken();
        long headPosition = head == null ? 0 : head.position().orElse(0);
        return Math.max(0, headPosition - lowest.getAsLong());
    }
}
