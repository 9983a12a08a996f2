package com.souq.commerce.audit.query.api;

import com.souq.commerce.shared.money.Money;

/**
 * One vendor's captured shares of a period under the commission actually charged and under a proposed plan:
 * commission and payable each way, and {@code payoutDifference} = proposed payable - actual payable (negative: the
 * vendor would receive less). Shares reversed by the end of the period are left out of both ({@code reversedShares}).
 */
public record VendorPayoutDifference(String vendorId, String currency, long shares, long reversedShares,
                                     Money actualCommission, Money proposedCommission, Money actualPayable,
                                     Money proposedPayable, Money payoutDifference) {
}
