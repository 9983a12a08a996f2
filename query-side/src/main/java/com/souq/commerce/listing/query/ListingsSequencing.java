package com.souq.commerce.listing.query;

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
 * Sequences the {@code listings} processing group by vendor: a vendor's status changes and the events of its listings
 * are handled one after the other, in the order of the store, in one segment. Sequenced per aggregate (Axon's
 * default), a listing created in one segment while its vendor is suspended in the other could read the vendor's old
 * status and keep it; per vendor that race cannot happen. Events without a vendor stay sequenced per aggregate.
 */
@Configuration(proxyBeanMethods = false)
class ListingsSequencing {

    private static final ClassValue<Optional<RecordComponent>> VENDOR_ID = new ClassValue<>() {
        @Override
        protected Optional<RecordComponent> computeValue(Class<?> type) {
            return type.isRecord()
                    ? Arrays.stream(type.getRecordComponents())
                            .filter(component -> component.getName().equals("vendorId"))
                            .findFirst()
                    : Optional.empty();
        }
    };

    @Bean
    ConfigurerModule listingsSequencedByVendor() {
        return configurer -> configurer.eventProcessing(processing -> processing.registerSequencingPolicy(
                ListingProjector.PROCESSING_GROUP, configuration -> byVendor()));
    }

    static SequencingPolicy<EventMessage<?>> byVendor() {
        return event -> VENDOR_ID.get(event.getPayloadType())
                .<Object>map(component -> vendorOf(event.getPayload(), component))
                .orElseGet(() -> SequentialPerAggregatePolicy.instance().getSequenceIdentifierFor(event));
    }

    private static Object vendorOf(Object payload, RecordComponent component) {
        try {
            return String.valueOf(component.getAccessor().invoke(payload));
        } catch (ReflectiveOperationException e) {
            throw new IllegalStateException("Cannot read the vendorId of " + payload.getClass().getName(), e);
        }
    }
}
