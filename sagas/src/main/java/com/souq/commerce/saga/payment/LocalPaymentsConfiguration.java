package com.souq.commerce.saga.payment;

import com.souq.commerce.payment.api.PaymentProvider;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import tools.jackson.databind.json.JsonMapper;

/** The local methods the configuration enables: each wallet or card method needs its aggregator's settings. */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(LocalPaymentsProperties.class)
class LocalPaymentsConfiguration {

    @Bean
    @ConditionalOnProperty(name = "souq.payments.cash-on-delivery.enabled", havingValue = "true",
            matchIfMissing = true)
    CashOnDeliveryGateway cashOnDeliveryGateway() {
        return new CashOnDeliveryGateway();
    }

    @Bean
    @ConditionalOnProperty(name = "souq.payments.instapay.enabled", havingValue = "true")
    LocalMethodGateway instapayGateway(LocalPaymentsProperties properties) {
        return gateway(PaymentProvider.INSTAPAY, properties.instapay(), "souq.payments.instapay");
    }

    @Bean
    @ConditionalOnProperty(name = "souq.payments.vodafone-cash.enabled", havingValue = "true")
    LocalMethodGateway vodafoneCashGateway(LocalPaymentsProperties properties) {
        return gateway(PaymentProvider.VODAFONE_CASH, properties.vodafoneCash(), "souq.payments.vodafone-cash");
    }

    @Bean
    @ConditionalOnProperty(name = "souq.payments.mada.enabled", havingValue = "true")
    LocalMethodGateway madaGateway(LocalPaymentsProperties properties) {
        return gateway(PaymentProvider.MADA, properties.mada(), "souq.payments.mada");
    }

    private static LocalMethodGateway gateway(PaymentProvider provider, LocalPaymentsProperties.LocalMethod method,
                                              String prefix) {
        require(method.baseUrl(), prefix + ".base-url", provider);
        require(method.apiKey(), prefix + ".api-key", provider);
        require(method.callbackSecret(), prefix + ".callback-secret", provider);
        require(method.callbackUrl(), prefix + ".callback-url", provider);
        return new LocalMethodGateway(provider, method, JsonMapper.builder().build());
    }

    private static void require(String value, String property, PaymentProvider provider) {
        if (value == null || value.isBlank()) {
            throw new IllegalStateException(provider + " payments are enabled: set " + property);
        }
    }
}
