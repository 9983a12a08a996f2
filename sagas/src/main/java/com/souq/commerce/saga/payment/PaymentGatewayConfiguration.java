package com.souq.commerce.saga.payment;

import com.stripe.StripeClient;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** The payment gateways the configuration enables, and the registry the payment process finds them in. */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(PaymentsProperties.class)
class PaymentGatewayConfiguration {

    @Bean
    @ConditionalOnProperty(name = "souq.payments.sandbox.enabled", havingValue = "true", matchIfMissing = true)
    SandboxGateway sandboxGateway() {
        return new SandboxGateway();
    }

    @Bean
    @ConditionalOnProperty(name = "souq.payments.stripe.enabled", havingValue = "true")
    StripeGateway stripeGateway(PaymentsProperties properties) {
        PaymentsProperties.Stripe stripe = properties.stripe();
        require(stripe.apiKey(), "souq.payments.stripe.api-key (env SOUQ_PAYMENTS_STRIPE_API_KEY)");
        require(stripe.webhookSecret(), "souq.payments.stripe.webhook-secret (env SOUQ_PAYMENTS_STRIPE_WEBHOOK_SECRET)");
        StripeClient client = StripeClient.builder()
                .setApiKey(stripe.apiKey())
                .setApiBase(stripe.apiBase())
                .setMaxNetworkRetries(stripe.maxNetworkRetries())
                .setConnectTimeout((int) stripe.connectTimeout().toMillis())
                .setReadTimeout((int) stripe.readTimeout().toMillis())
                .build();
        return new StripeGateway(client, stripe.returnUrl());
    }

    @Bean
    PaymentGateways paymentGateways(ObjectProvider<PaymentGateway> gateways) {
        return new PaymentGateways(gateways.orderedStream().toList());
    }

    private static void require(String value, String property) {
        if (value == null || value.isBlank()) {
            throw new IllegalStateException("Stripe payments are enabled: set " + property);
        }
    }
}
