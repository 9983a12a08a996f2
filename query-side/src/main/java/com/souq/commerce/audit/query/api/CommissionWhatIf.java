package com.souq.commerce.audit.query.api;

import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * A proposed commission plan ({@code defaultRate} and {@code categoryRates}, basis points) run over the captures
 * recorded in [{@code from}, {@code to}) in a shadow computation: the events replayed, and per vendor what it was
 * paid and what it would have been paid. The ledger is never touched.
 */
public record CommissionWhatIf(Instant from, Instant to, int defaultRate, Map<String, Integer> categoryRates,
                               long replayedEvents, long lastPosition, double replayMillis,
                               List<VendorPayoutDifference> vendors) {
}
