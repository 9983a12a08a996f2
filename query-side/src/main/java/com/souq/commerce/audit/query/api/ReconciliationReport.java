package com.souq.commerce.audit.query.api;

import com.souq.commerce.platform.web.PageResult;
import java.time.Instant;

/**
 * Wallets against their ledger accounts, captured payments against their journal entries, refunds against captures:
 * how many of each were checked and one page of the mismatches found (none when the books agree).
 */
public record ReconciliationReport(Instant checkedAt, long walletsChecked, long paymentsChecked,
                                   long vendorOrdersChecked, boolean reconciled, PageResult<Mismatch> mismatches) {
}
