package com.souq.commerce.saga.payment;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * {@code souq.payments.instapay.*}, {@code souq.payments.vodafone-cash.*}, {@code souq.payments.mada.*} and
 * {@code souq.payments.cash-on-delivery.*}: the seed markets' local methods. Each wallet or card method is off until
 * enabled with its aggregator's base URL, API key and callback secret; cash on delivery needs no provider and is on.
 */
@ConfigurationProperties("souq.payments")
public record LocalPaymentsProperties(@DefaultValue LocalMethod instapay,
                                      @DefaultValue LocalMethod vodafoneCash,
                                      @DefaultValue LocalMethod mada,
                                      @DefaultValue CashOnDelivery cashOnDelivery) {

    /**
     * @param baseUrl        where the method's aggregator API answers (a local stub in tests)
     * @param apiKey         the merchant's secret API key at the aggregator, sent as a bearer token
     * @param callbackSecret the secret the aggregator signs its callbacks with (HMAC-SHA256 of the body)
     * @param callbackUrl    the engine's public callback URL the aggregator is told to call
     *                       ({@code https://<host>/api/v1/payments/webhooks/<method>})
     * @param returnUrl      where the shopper's browser goes back after approving, if anywhere
     */
    public record LocalMethod(@DefaultValue("false") boolean enabled,
                              String baseUrl,
                              String apiKey,
                              String callbackSecret,
                              String callbackUrl,
                              String returnUrl,
                              @DefaultValue("10s") Duration connectTimeout,
                              @DefaultValue("30s") Duration readTimeout) {
    }

    public record CashOnDelivery(@DefaultValue("true") boolean enabled) {
    }
}
