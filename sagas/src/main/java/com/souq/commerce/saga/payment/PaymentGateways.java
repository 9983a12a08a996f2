package com.souq.commerce.saga.payment;

import com.souq.commerce.payment.api.PaymentProvider;
import java.util.Collection;
import java.util.EnumMap;
import java.util.Map;
import java.util.Optional;

/** The payment gateways this engine is configured with, one per provider. */
public final class PaymentGateways {

    private final Map<PaymentProvider, PaymentGateway> byProvider = new EnumMap<>(PaymentProvider.class);

    public PaymentGateways(Collection<? extends PaymentGateway> gateways) {
        for (PaymentGateway gateway : gateways) {
            if (byProvider.putIfAbsent(gateway.provider(), gateway) != null) {
                throw new IllegalStateException("Two payment gateways for " + gateway.provider());
            }
        }
    }

    public Optional<PaymentGateway> find(PaymentProvider provider) {
        return Optional.ofNullable(byProvider.get(provider));
    }

    /** The gateway of {@code provider}; one that is not configured (now) counts as unreachable. */
    public PaymentGateway of(PaymentProvider provider) {
        return find(provider).orElseThrow(() -> new ProviderUnavailableException(
                "No payment gateway is configured for " + provider));
    }
}
