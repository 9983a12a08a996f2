package com.souq.commerce.engine.money;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.souq.commerce.engine.support.EngineIntegrationTest;
import com.souq.commerce.ledger.api.JournalEntryId;
import com.souq.commerce.ledger.api.LedgerAccount;
import com.souq.commerce.ledger.api.PostJournalEntryCommand;
import com.souq.commerce.ledger.api.Posting;
import com.souq.commerce.payment.api.PaymentProvider;
import com.souq.commerce.shared.money.Money;
import com.souq.commerce.vendor.api.VendorId;
import com.souq.commerce.wallet.api.CaptureWalletHoldCommand;
import com.souq.commerce.wallet.api.DepositToWalletCommand;
import com.souq.commerce.wallet.api.HoldWalletFundsCommand;
import com.souq.commerce.wallet.api.ReleaseWalletHoldCommand;
import com.souq.commerce.wallet.api.WalletId;
import com.souq.commerce.wallet.api.WalletOwner;
import com.souq.commerce.wallet.api.WithdrawFromWalletCommand;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.axonframework.common.transaction.TransactionManager;
import org.axonframework.config.EventProcessingConfiguration;
import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventhandling.EventHandlerInvoker;
import org.axonframework.eventhandling.EventTrackerStatus;
import org.axonframework.eventhandling.Segment;
import org.axonframework.eventhandling.TrackingEventProcessor;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.axonframework.messaging.unitofwork.DefaultUnitOfWork;
import org.axonframework.messaging.unitofwork.UnitOfWork;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The ledger and wallet tables do not change when an event is handled again, alone or in a replay of the whole store:
 * no line is written twice and no balance moves twice.
 */
@EngineIntegrationTest
class MoneyProjectionRedeliveryTest {

    private static final Duration EVENTUALLY = Duration.ofSeconds(30);

    @Autowired
    CommandGateway commands;

    @Autowired
    EventStore store;

    @Autowired
    EventProcessingConfiguration processing;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    TransactionManager transactionManager;

    VendorId vendor;
    WalletOwner customer;
    WalletOwner vendorOwner;
    List<String> entries;

    @BeforeEach
    void moveSomeMoney() {
        vendor = VendorId.random();
        customer = WalletOwner.customer("customer-" + UUID.randomUUID());
        vendorOwner = WalletOwner.vendor(vendor);
        LedgerAccount payable = LedgerAccount.vendorPayable(vendor);
        String run = UUID.randomUUID().toString();
        String capture = "test-capture:" + run;
        String release = "test-release:" + run;
        String topUp = "test-topup:" + run;
        commands.sendAndWait(PostJournalEntryCommand.of(capture, null, List.of(
                Posting.debit(LedgerAccount.gatewayClearing(PaymentProvider.SANDBOX), egp(100_00)),
                Posting.credit(payable, egp(90_00)),
                Posting.credit(LedgerAccount.platformCommission(), egp(10_00))), "capture", null, null));
        commands.sendAndWait(PostJournalEntryCommand.of(release, null, List.of(Posting.debit(payable, egp(90_00)),
                Posting.credit(LedgerAccount.vendorWallet(vendor), egp(90_00))), "release", null, null));
        commands.sendAndWait(DepositToWalletCommand.of(vendorOwner, JournalEntryId.forOperation(release).value(),
                egp(90_00), release));
        commands.sendAndWait(PostJournalEntryCommand.of(topUp, null, List.of(
                Posting.debit(LedgerAccount.gatewayClearing(PaymentProvider.SANDBOX), egp(500_00)),
                Posting.credit(customer.ledgerAccount(), egp(500_00))), "top-up", null, null));
        WalletId wallet = WalletId.of(customer, egp(0).currency());
        commands.sendAndWait(DepositToWalletCommand.of(customer, JournalEntryId.forOperation(topUp).value(),
                egp(500_00), topUp));
        commands.sendAndWait(HoldWalletFundsCommand.of(customer, "hold-" + run, egp(200_00), "order"));
        commands.sendAndWait(new CaptureWalletHoldCommand(wallet, "capture-" + run, "hold-" + run, egp(150_00),
                "order paid"));
        commands.sendAndWait(new ReleaseWalletHoldCommand(wallet, "release-" + run, "hold-" + run));
        commands.sendAndWait(WithdrawFromWalletCommand.of(customer, "withdraw-" + run, egp(100_00), "to bank"));
        entries = List.of(capture, release, topUp);
        await().atMost(EVENTUALLY).until(() -> tables().size() == 3 + 7 + 3 + 2 + 6);
    }

    @Test
    void redeliveredJournalAndWalletEventsChangeNothing() {
        List<String> before = tables();

        redeliver("ledger", entries.stream().map(operation -> JournalEntryId.forOperation(operation).value())
                .toList());
        redeliver("wallets", List.of(WalletId.of(customer, egp(0).currency()).value(),
                WalletId.of(vendorOwner, egp(0).currency()).value()));

        assertThat(tables()).isEqualTo(before);
        assertThat(before).anyMatch(row -> row.contains("\"balance_minor\": 25000") && row.contains("CUSTOMER"))
                .anyMatch(row -> row.contains("\"balance_minor\": -9000") && row.contains("vendor-wallet"));
    }

    @Test
    void replayingTheLedgerFromTheFirstEventRebuildsTheSameBalances() {
        TrackingEventProcessor processor = processor("ledger");
        List<String> live = tables();

        processor.shutDown();
        processor.resetTokens();
        processor.start();
        awaitCaughtUp(processor);

        assertThat(tables()).isEqualTo(live);
        assertThat(processor.isError()).isFalse();
        assertThat(jdbc.sql("SELECT count(*) FROM trial_balance WHERE balance_minor <> 0").query(Long.class)
                .single()).isZero();
    }

    private static Money egp(long minorUnits) {
        return Money.of(minorUnits, "EGP");
    }

    private TrackingEventProcessor processor(String group) {
        return processing.eventProcessor(group, TrackingEventProcessor.class).orElseThrow();
    }

    private void redeliver(String group, List<String> aggregateIds) {
        EventHandlerInvoker invoker = processor(group).eventHandlerInvoker();
        for (String aggregateId : aggregateIds) {
            store.readEvents(aggregateId).asStream().forEach(event -> {
                UnitOfWork<DomainEventMessage<?>> unitOfWork = DefaultUnitOfWork.startAndGet(event);
                unitOfWork.attachTransaction(transactionManager);
                unitOfWork.execute(() -> {
                    try {
                        invoker.handle(event, Segment.ROOT_SEGMENT);
                    } catch (Exception e) {
                        throw new IllegalStateException(e);
                    }
                });
            });
        }
    }

    private void awaitCaughtUp(TrackingEventProcessor processor) {
        long head = store.createHeadToken().position().orElseThrow();
        await().atMost(Duration.ofSeconds(60)).until(() -> processor.processingStatus().size() == 2
                && processor.processingStatus().values().stream()
                        .map(EventTrackerStatus::getCurrentPosition)
                        .allMatch(position -> position.orElse(-1) >= head));
    }

    /** The rows of this test's entries, accounts and wallets: other tests' money may move meanwhile. */
    private List<String> tables() {
        List<String> entryIds = entries.stream().map(operation -> JournalEntryId.forOperation(operation).value())
                .toList();
        List<String> rows = new ArrayList<>();
        rows.addAll(jdbc.sql("""
                        SELECT to_jsonb(e)::text FROM journal_entries e WHERE entry_id::text IN (:ids)
                         ORDER BY operation""")
                .param("ids", entryIds).query(String.class).list());
        rows.addAll(jdbc.sql("""
                        SELECT to_jsonb(l)::text FROM journal_lines l WHERE entry_id::text IN (:ids)
                         ORDER BY operation, line_no""")
                .param("ids", entryIds).query(String.class).list());
        rows.addAll(jdbc.sql("""
                        SELECT to_jsonb(a)::text FROM ledger_accounts a WHERE account IN (:accounts)
                         ORDER BY account""")
                .param("accounts", List.of(LedgerAccount.vendorPayable(vendor).name(),
                        LedgerAccount.vendorWallet(vendor).name(), customer.ledgerAccount().name()))
                .query(String.class).list());
        rows.addAll(jdbc.sql("""
                        SELECT to_jsonb(w)::text FROM wallet_balances w WHERE owner_id IN (:owners)
                         ORDER BY owner_type""")
                .param("owners", List.of(customer.id(), vendorOwner.id())).query(String.class).list());
        rows.addAll(jdbc.sql("""
                        SELECT to_jsonb(m)::text FROM wallet_movements m
                          JOIN wallet_balances w USING (wallet_id)
                         WHERE w.owner_id IN (:owners) ORDER BY w.owner_type, m.sequence_number""")
                .param("owners", List.of(customer.id(), vendorOwner.id())).query(String.class).list());
        return rows;
    }
}
