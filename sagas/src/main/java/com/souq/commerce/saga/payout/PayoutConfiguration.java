package com.souq.commerce.saga.payout;

import java.time.Clock;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** The payout provider the configuration enables: the sandbox on the embedded default. */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(PayoutSettings.class)
class PayoutConfiguration {

    @Bean
    @ConditionalOnProperty(name = "souq.payouts.sandbox.enabled", havingValue = "true", matchIfMissing = true)
    PayoutPort sandboxPayouts(PayoutSettings settings) {
        return new SandboxPayouts(settings.sandbox().settleAfter(), Clock.systemUTC());
    }
}
