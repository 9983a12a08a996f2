package com.souq.commerce.analytics.query.api;

import java.math.BigDecimal;
import java.time.LocalDate;

/**
 * A vendor's handling of the vendor orders created in a period: how many were accepted, rejected, cancelled, shipped
 * and delivered, the acceptance rate (accepted / (accepted + rejected), 4 decimals; null before any decision) and the
 * average seconds from creation to acceptance and to shipment (null when none).
 */
public record VendorPerformance(LocalDate period, String vendorId, long vendorOrders, long accepted, long rejected,
                                long cancelled, long shipped, long delivered, BigDecimal acceptanceRate,
                                Long averageSecondsToAccept, Long averageSecondsToShip) {
}
