package com.souq.commerce.ledger.query.api;

import java.time.Instant;
import java.util.List;
import java.util.Map;

/** One journal entry with its lines; ids of what it concerns are null where unknown. */
public record JournalEntryView(String entryId, String operation, String kind, Instant occurredAt, Instant postedAt,
                               String description, String vendorOrderId, String vendorId, String paymentId,
                               List<JournalLineView> lines, Map<String, String> details) {
}
