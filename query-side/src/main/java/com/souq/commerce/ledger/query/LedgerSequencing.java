package com.souq.commerce.ledger.query;

import com.souq.commerce.platform.axon.OneSequence;
import org.axonframework.config.ConfigurerModule;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The {@code ledger} processing group handles its events in one sequence, in the order of the store: every journal
 * entry adds to a handful of shared balances (platform commission, a provider's clearing account), and two segments
 * updating the same balance rows in different orders could deadlock. Postings are few next to other events; one
 * sequence keeps up with them.
 */
@Configuration(proxyBeanMethods = false)
class LedgerSequencing {

    @Bean
    ConfigurerModule ledgerInOneSequence() {
        return configurer -> configurer.eventProcessing(processing -> processing.registerSequencingPolicy(
                LedgerProjector.PROCESSING_GROUP,
                configuration -> OneSequence.named(LedgerProjector.PROCESSING_GROUP)));
    }
}
