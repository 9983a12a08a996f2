package com.souq.commerce.ledger.command;

import static org.axonframework.modelling.command.AggregateLifecycle.apply;

import com.souq.commerce.ledger.api.JournalEntryId;
import com.souq.commerce.ledger.api.JournalEntryPostedEvent;
import com.souq.commerce.ledger.api.JournalReferences;
import com.souq.commerce.ledger.api.Operations;
import com.souq.commerce.ledger.api.PostJournalEntryCommand;
import com.souq.commerce.ledger.api.Posting;
import com.souq.commerce.shared.error.DomainRuleViolation;
import java.util.Comparator;
import java.util.Currency;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.eventhandling.GenericEventMessage;
import org.axonframework.eventsourcing.EventSourcingHandler;
import org.axonframework.modelling.command.AggregateCreationPolicy;
import org.axonframework.modelling.command.AggregateIdentifier;
import org.axonframework.modelling.command.CreationPolicy;
import org.axonframework.spring.stereotype.Aggregate;

/**
 * One entry of the double-entry journal: the record of one business operation that moved money.
 *
 * <p>Lifecycle: posted once, never changed. A correction is another operation with an entry of its own (a
 * reversal), never an edit.
 *
 * <p>Invariants: the entry's id derives from its operation's name, so one operation posts one entry; it has at least
 * two lines, each of a positive amount; for every currency the debits equal the credits. Posting an entry that exists
 * changes nothing and throws nothing (the first posting stands), so a saga or event handler may post it again after a
 * redelivery; only a malformed entry (unbalanced, empty, an id not derived from its operation) is refused.
 */
@Aggregate
class JournalEntry {

    @AggregateIdentifier
    private JournalEntryId entryId;
    private boolean posted;

    protected JournalEntry() {
        // required by Axon to rebuild the aggregate from its events, and to create it on the first posting
    }

    @CommandHandler
    @CreationPolicy(AggregateCreationPolicy.CREATE_IF_MISSING)
    void handle(PostJournalEntryCommand command) {
        if (posted) {
            return;
        }
        requireDerivedFromOperation(command);
        requireLines(command.postings());
        requireBalancedPerCurrency(command.postings());
        apply(new JournalEntryPostedEvent(command.entryId(), command.operation(),
                command.occurredAt() != null ? command.occurredAt() : GenericEventMessage.clock.instant(),
                List.copyOf(command.postings()), command.description(),
                command.references() != null ? command.references() : JournalReferences.none(),
                command.details() != null ? new TreeMap<>(command.details()) : Map.of()));
    }

    private static void requireDerivedFromOperation(PostJournalEntryCommand command) {
        if (!Operations.isValid(command.operation())
                || !JournalEntryId.forOperation(command.operation()).equals(command.entryId())) {
            throw DomainRuleViolation.unprocessable("ENTRY_NOT_OF_OPERATION",
                    "A journal entry's id derives from its operation's name: " + command.operation());
        }
    }

    private static void requireLines(List<Posting> postings) {
        if (postings == null || postings.size() < 2) {
            throw DomainRuleViolation.unprocessable("EMPTY_ENTRY", "A journal entry has at least two lines");
        }
        for (Posting posting : postings) {
            if (posting == null || posting.account() == null || posting.side() == null || posting.amount() == null) {
                throw DomainRuleViolation.unprocessable("INCOMPLETE_LINE",
                        "Every line names its account, side and amount");
            }
            if (posting.amount().isNegative() || posting.amount().isZero()) {
                throw DomainRuleViolation.unprocessable("INVALID_AMOUNT",
                        "Every line moves a positive amount, not " + posting.amount() + " on " + posting.account());
            }
        }
    }

    private static void requireBalancedPerCurrency(List<Posting> postings) {
        Map<Currency, Long> balance = new TreeMap<>(Comparator.comparing(Currency::getCurrencyCode));
        for (Posting posting : postings) {
            balance.merge(posting.amount().currency(), posting.signedAmount().minorUnits(), Math::addExact);
        }
        balance.forEach((currency, difference) -> {
            if (difference != 0) {
                throw DomainRuleViolation.unprocessable("UNBALANCED_ENTRY", "Debits and credits in "
                        + currency.getCurrencyCode() + " differ by " + difference + " minor units");
            }
        });
    }

    @EventSourcingHandler
    void on(JournalEntryPostedEvent event) {
        entryId = event.entryId();
        posted = true;
    }
}
