package com.souq.commerce.order.query;

import com.souq.commerce.platform.axon.OneSequence;
import org.axonframework.config.ConfigurerModule;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The {@code refunds} processing group handles its events in one sequence, in the order of the store: a refund's row
 * is written by two aggregates (the VendorOrder decides it, the Payment pays it), and the Payment's events must find
 * the row the approval wrote. Refund events are few.
 */
@Configuration(proxyBeanMethods = false)
class RefundSequencing {

    @Bean
    ConfigurerModule refundsInOneSequence() {
        return configurer -> configurer.eventProcessing(processing -> processing.registerSequencingPolicy(
                RefundProjector.PROCESSING_GROUP,
                configuration -> OneSequence.named(RefundProjector.PROCESSING_GROUP)));
    }
}
