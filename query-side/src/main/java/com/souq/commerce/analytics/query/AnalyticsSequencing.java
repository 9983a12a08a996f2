package com.souq.commerce.analytics.query;

import com.souq.commerce.platform.axon.OneSequence;
import org.axonframework.config.ConfigurerModule;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * {@code analytics-sales} handles its events in one sequence, in the order of the store: a vendor order's lines take
 * their category from listings' events, and its commission from a journal entry, all of other aggregates; parallel
 * segments could see them in another order. The other analytics groups keep the default (per aggregate): each of their
 * rows depends on one aggregate's events only.
 */
@Configuration(proxyBeanMethods = false)
class AnalyticsSequencing {

    @Bean
    ConfigurerModule analyticsSalesInOneSequence() {
        return configurer -> configurer.eventProcessing(processing -> processing.registerSequencingPolicy(
                SalesProjector.PROCESSING_GROUP,
                configuration -> OneSequence.named(SalesProjector.PROCESSING_GROUP)));
    }
}
