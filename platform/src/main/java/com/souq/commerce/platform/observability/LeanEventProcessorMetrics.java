package com.souq.commerce.platform.observability;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Tag;
import io.micrometer.core.instrument.Timer;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.eventhandling.EventProcessor;
import org.axonframework.messaging.Message;
import org.axonframework.micrometer.GlobalMetricRegistry;
import org.axonframework.monitoring.MessageMonitor;

/**
 * Axon's message metrics, except that event processors are measured with a few meters resolved once per processor.
 *
 * <p>Axon's own event processor monitors run for every event of the store in every processor, also for the events a
 * processor ignores (most of them: each projection handles a few event types), and each looks its meters up by tags
 * and records the time into client-side percentile histograms. Profiled under the checkout benchmark they took 15 % of
 * the engine's CPU. Here each event costs one counter increment, and a handled one a timer record:
 * {@code souq_event_processor_events_total{processor,outcome=handled|failed|ignored}} and
 * {@code souq_event_processor_handling_seconds{processor}}. Commands and queries keep Axon's metrics
 * ({@code commandBus_*}, {@code queryBus_*}).
 */
public class LeanEventProcessorMetrics extends GlobalMetricRegistry {

    private final MeterRegistry meters;

    public LeanEventProcessorMetrics(MeterRegistry meters) {
        super(meters);
        this.meters = meters;
    }

    @Override
    public MessageMonitor<? extends Message<?>> registerComponentWithDefaultTags(Class<?> componentType,
                                                                                 String componentName) {
        if (EventProcessor.class.isAssignableFrom(componentType)) {
            return new ProcessorMonitor(componentName, meters);
        }
        return super.registerComponentWithDefaultTags(componentType, componentName);
    }

    @Override
    public MessageMonitor<? super EventMessage<?>> registerEventProcessor(String eventProcessorName) {
        return new ProcessorMonitor(eventProcessorName, meters);
    }

    @Override
    public MessageMonitor<? super EventMessage<?>> registerEventProcessor(
            String eventProcessorName, Function<Message<?>, Iterable<Tag>> tagsBuilder,
            Function<Message<?>, Iterable<Tag>> latencyTagsBuilder) {
        return new ProcessorMonitor(eventProcessorName, meters);
    }

    /** One processor's meters, registered once. */
    static final class ProcessorMonitor implements MessageMonitor<EventMessage<?>> {

        private final Counter handled;
        private final Counter failed;
        private final Counter ignored;
        private final Timer handling;

        ProcessorMonitor(String processor, MeterRegistry meters) {
            handled = outcome(meters, processor, "handled");
            failed = outcome(meters, processor, "failed");
            ignored = outcome(meters, processor, "ignored");
            handling = Timer.builder("souq.event.processor.handling")
                    .description("Time an event processor spent on each event it handled")
                    .tag("processor", processor)
                    .register(meters);
        }

        private static Counter outcome(MeterRegistry meters, String processor, String outcome) {
            return Counter.builder("souq.event.processor.events")
                    .description("Events an event processor read from the store, by what it did with them")
                    .tags("processor", processor, "outcome", outcome)
                    .register(meters);
        }

        @Override
        public MonitorCallback onMessageIngested(EventMessage<?> message) {
            long start = System.nanoTime();
            return new MonitorCallback() {
                @Override
                public void reportSuccess() {
                    handled.increment();
                    handling.record(System.nanoTime() - start, TimeUnit.NANOSECONDS);
                }

                @Override
                public void reportFailure(Throwable cause) {
                    failed.increment();
                    handling.record(System.nanoTime() - start, TimeUnit.NANOSECONDS);
                }

                @Override
                public void reportIgnored() {
                    ignored.increment();
                }
            };
        }
    }
}
