package com.souq.commerce.ledger.command;

import static com.souq.commerce.ledger.command.JournalFixture.CAIRO_PARTS;
import static com.souq.commerce.ledger.command.JournalFixture.OPERATION;
import static com.souq.commerce.ledger.command.JournalFixture.SPLIT;
import static com.souq.commerce.ledger.command.JournalFixture.egp;
import static com.souq.commerce.ledger.command.JournalFixture.post;
import static com.souq.commerce.ledger.command.JournalFixture.posted;

import com.souq.commerce.ledger.api.JournalEntryId;
import com.souq.commerce.ledger.api.JournalEntryPostedEvent;
import com.souq.commerce.ledger.api.JournalReferences;
import com.souq.commerce.ledger.api.LedgerAccount;
import com.souq.commerce.ledger.api.PostJournalEntryCommand;
import com.souq.commerce.ledger.api.Posting;
import com.souq.commerce.shared.error.DomainRuleViolation;
import com.souq.commerce.shared.money.Money;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.axonframework.test.aggregate.AggregateTestFixture;
import org.axonframework.test.aggregate.FixtureConfiguration;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class JournalEntryTest {

    private static final LedgerAccount PAYABLE = LedgerAccount.vendorPayable(CAIRO_PARTS);
    private static final LedgerAccount WALLET = LedgerAccount.vendorWallet(CAIRO_PARTS);

    private FixtureConfiguration<JournalEntry> fixture;

    @BeforeEach
    void setUp() {
        fixture = new AggregateTestFixture<>(JournalEntry.class);
    }

    @Test
    void postsABalancedEntry() {
        fixture.givenNoPriorActivity()
                .when(post(SPLIT))
                .expectEvents(posted(SPLIT));
    }

    @Test
    void postingTheSameEntryAgainChangesNothing() {
        fixture.given(posted(SPLIT))
                .when(post(SPLIT))
                .expectSuccessfulHandlerExecution()
                .expectNoEvents();
    }

    @Test
    void theFirstPostingOfAnOperationStandsWhateverARetryComputes() {
        List<Posting> recomputed = List.of(Posting.debit(SPLIT.getFirst().account(), egp(798_00)),
                Posting.credit(PAYABLE, egp(798_00)));
        fixture.given(posted(SPLIT))
                .when(post(recomputed))
                .expectSuccessfulHandlerExecution()
                .expectNoEvents();
    }

    @Test
    void refusesAnUnbalancedEntry() {
        fixture.givenNoPriorActivity()
                .when(post(List.of(Posting.debit(PAYABLE, egp(100_00)), Posting.credit(WALLET, egp(99_99)))))
                .expectException(DomainRuleViolation.class)
                .expectExceptionMessage("Debits and credits in EGP differ by 1 minor units")
                .expectNoEvents();
    }

    @Test
    void refusesAnEntryBalancedOnlyAcrossCurrencies() {
        fixture.givenNoPriorActivity()
                .when(post(List.of(
                        Posting.debit(PAYABLE, egp(100_00)), Posting.credit(WALLET, Money.of(100_00, "SAR")))))
                .expectException(DomainRuleViolation.class)
                .expectNoEvents();
    }

    @Test
    void postsAnEntryBalancedInEachOfItsCurrencies() {
        List<Posting> twoCurrencies = List.of(
                Posting.debit(PAYABLE, egp(100_00)), Posting.credit(WALLET, egp(100_00)),
                Posting.debit(PAYABLE, Money.of(30_00, "SAR")), Posting.credit(WALLET, Money.of(30_00, "SAR")));
        fixture.givenNoPriorActivity()
                .when(post(twoCurrencies))
                .expectEvents(posted(twoCurrencies));
    }

    @Test
    void refusesAnEmptyEntryOrASingleLine() {
        fixture.givenNoPriorActivity()
                .when(post(List.of()))
                .expectException(DomainRuleViolation.class)
                .expectExceptionMessage("A journal entry has at least two lines")
                .expectNoEvents();
        fixture.givenNoPriorActivity()
                .when(post(null))
                .expectException(DomainRuleViolation.class)
                .expectNoEvents();
        fixture.givenNoPriorActivity()
                .when(post(List.of(Posting.debit(PAYABLE, egp(0)))))
                .expectException(DomainRuleViolation.class)
                .expectNoEvents();
    }

    @Test
    void refusesALineOfNothingOrLess() {
        fixture.givenNoPriorActivity()
                .when(post(List.of(Posting.debit(PAYABLE, egp(0)), Posting.credit(WALLET, egp(0)))))
                .expectException(DomainRuleViolation.class)
                .expectNoEvents();
        fixture.givenNoPriorActivity()
                .when(post(List.of(Posting.debit(PAYABLE, egp(-5_00)), Posting.credit(WALLET, egp(-5_00)))))
                .expectException(DomainRuleViolation.class)
                .expectNoEvents();
    }

    @Test
    void refusesAnEntryWhoseIdIsNotItsOperations() {
        PostJournalEntryCommand foreign = new PostJournalEntryCommand(JournalEntryId.forOperation("release:other"),
                OPERATION, JournalFixture.CAPTURED_AT, SPLIT, "Capture split", JournalReferences.none(), Map.of());
        fixture.givenNoPriorActivity()
                .when(foreign)
                .expectException(DomainRuleViolation.class)
                .expectNoEvents();
    }

    @Test
    void anEntryWithoutItsMomentIsDatedWhenPosted() {
        Instant now = Instant.parse("2026-03-02T08:00:00Z");
        List<Posting> release = List.of(Posting.debit(PAYABLE, egp(750_12)), Posting.credit(WALLET, egp(750_12)));
        PostJournalEntryCommand undated = PostJournalEntryCommand.of(OPERATION, null, release, "Release", null, null);
        fixture.givenCurrentTime(now)
                .when(undated)
                .expectEvents(new JournalEntryPostedEvent(undated.entryId(), OPERATION, now, release, "Release",
                        JournalReferences.none(), Map.of()));
    }
}
