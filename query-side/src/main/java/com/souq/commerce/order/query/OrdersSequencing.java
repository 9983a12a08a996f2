package com.souq.commerce.order.query;

import java.lang.reflect.RecordComponent;
import java.util.Arrays;
import java.util.Optional;
import org.axonframework.config.ConfigurerModule;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.eventhandling.async.SequencingPolicy;
import org.axonframework.eventhandling.async.SequentialPerAggregatePolicy;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * Sequences the {@code orders} processing group by order: the events of an order and those of its payment are
 * handled one after the other, in the order of the store, in one segment. Sequenced per aggregate (Axon's default),
 * a payment's first event could be handled in one segment before the other segment created the order's row, and the
 * payment status would be lost. Events without an order stay sequenced per aggregate.
 */
@Configuration(proxyBeanMethods = false)
class OrdersSequencing {

    private static final ClassValue<Optional<RecordComponent>> ORDER_ID = new ClassValue<>() {
        @Override
        protected Optional<RecordComponent> computeValue(Class<?> type) {
            return type.isRecord()
                    ? Arrays.stream(type.getRecordComponents())
                            .filter(component -> component.getName().equals("orderId"))
                            .findFirst()
                    : Optional.empty();
        }
    };

    @Bean
    ConfigurerModule ordersSequencedByOrder() {
        return configurer -> configurer.eventProcessing(processing -> processing.registerSequencingPolicy(
                OrderProjector.PROCESSING_GROUP, configuration -> byOrder()));
    }

    static SequencingPolicy<EventMessage<?>> byOrder() {
        return event -> ORDER_ID.get(event.getPayloadType())
                .<Object>map(component -> orderOf(event.getPayload(), component))
                .orElseGet(() -> SequentialPerAggregatePolicy.instance().getSequenceIdentifierFor(event));
    }

    private static Object orderOf(Object payload, RecordComponent component) {
        try {
            return String.valueOf(component.getAccessor().invoke(payload));
        } catch (ReflectiveOperationException e) {
            throw new IllegalStateException("Cannot read the orderId of " + payload.getClass().getName(), e);
        }
    }
}
