package com.souq.commerce.ledger.query.api;

import java.util.List;

/** Where an order's money went: every journal entry posted for it (capture splits, releases, reversals). */
public record MoneyTrail(String orderId, String customerSubject, List<JournalEntryView> entries) {
}
