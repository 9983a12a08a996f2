package com.souq.commerce.ledger.api;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

/**
 * Posts one balanced journal entry for a business operation. {@code entryId} must be
 * {@link JournalEntryId#forOperation(String) derived} from {@code operation}; posting an entry that is posted already
 * changes nothing (the first posting stands), so an operation retried or redelivered never posts twice.
 * {@code occurredAt} is when the money moved (null: when the entry is posted); {@code details} are facts an auditor
 * needs to recompute the figures (the commission rate applied, ...).
 */
public record PostJournalEntryCommand(
        @TargetAggregateIdentifier JournalEntryId entryId,
        String operation,
        Instant occurredAt,
        List<Posting> postings,
        String description,
        JournalReferences references,
        Map<String, String> details) {

    public static PostJournalEntryCommand of(String operation, Instant occurredAt, List<Posting> postings,
                                             String description, JournalReferences references,
                                             Map<String, String> details) {
        return new PostJournalEntryCommand(JournalEntryId.forOperation(operation), operation, occurredAt, postings,
                description, references, details);
    }
}
