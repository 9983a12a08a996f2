package com.souq.commerce.saga.commission;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * How long a delivered vendor order stays open to returns before its payable is released to the vendor's wallet
 * ({@code souq.money.return-window}, default 14 days).
 */
@ConfigurationProperties("souq.money")
public record CommissionSettings(Duration returnWindow) {

    public CommissionSettings {
        returnWindow = returnWindow == null ? Duration.ofDays(14) : returnWindow;
        if (returnWindow.isNegative() || returnWindow.isZero()) {
            throw new IllegalArgumentException("souq.money.return-window must be positive");
        }
    }
}
