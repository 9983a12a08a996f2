package com.souq.commerce.ledger.api;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;
import com.souq.commerce.shared.Identifiers;
import java.nio.charset.StandardCharsets;
import java.util.UUID;

/**
 * Identity of a journal entry, derived from the business operation that moved the money (a name-based UUID of
 * {@code "journal-entry:" + operation}): however often the operation is retried or its event redelivered, it reaches
 * the same entry, which is posted once.
 */
public record JournalEntryId(String value) {

    public JournalEntryId {
        Identifiers.requireValid("journal entry", value);
    }

    @JsonCreator
    public static JournalEntryId of(String value) {
        return new JournalEntryId(value);
    }

    public static JournalEntryId forOperation(String operation) {
        return new JournalEntryId(UUID.nameUUIDFromBytes(("journal-entry:" + Operations.requireValid(operation))
                .getBytes(StandardCharsets.UTF_8)).toString());
    }

    @JsonValue
    @Override
    public String value() {
        return value;
    }

    @Override
    public String toString() {
        return value;
    }
}
