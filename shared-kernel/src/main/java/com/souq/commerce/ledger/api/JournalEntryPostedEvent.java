package com.souq.commerce.ledger.api;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.axonframework.serialization.Revision;

/**
 * A balanced journal entry was posted: for every currency its debits equal its credits. Happens once per entry id,
 * that is once per business operation. Lines are in the order given; {@code occurredAt} is when the money moved.
 */
@Revision("1")
public record JournalEntryPostedEvent(JournalEntryId entryId, String operation, Instant occurredAt,
                                      List<Posting> postings, String description, JournalReferences references,
                                      Map<String, String> details) {
}
