package com.souq.commerce.ledger.command;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;

import com.souq.commerce.ledger.api.JournalEntryPostedEvent;
import com.souq.commerce.ledger.api.LedgerAccount;
import com.souq.commerce.ledger.api.PostJournalEntryCommand;
import com.souq.commerce.ledger.api.Posting;
import com.souq.commerce.payment.api.PaymentProvider;
import com.souq.commerce.shared.error.DomainRuleViolation;
import com.souq.commerce.shared.geo.CountryCode;
import com.souq.commerce.shared.money.Money;
import com.souq.commerce.vendor.api.VendorId;
import com.souq.commerce.wallet.api.CaptureWalletHoldCommand;
import com.souq.commerce.wallet.api.DepositToWalletCommand;
import com.souq.commerce.wallet.api.HoldWalletFundsCommand;
import com.souq.commerce.wallet.api.ReleaseWalletHoldCommand;
import com.souq.commerce.wallet.api.WalletDepositedEvent;
import com.souq.commerce.wallet.api.WalletFundsHeldEvent;
import com.souq.commerce.wallet.api.WalletHoldCapturedEvent;
import com.souq.commerce.wallet.api.WalletHoldReleasedEvent;
import com.souq.commerce.wallet.api.WalletId;
import com.souq.commerce.wallet.api.WalletMovementRefusedEvent;
import com.souq.commerce.wallet.api.WalletOpenedEvent;
import com.souq.commerce.wallet.api.WalletOwner;
import com.souq.commerce.wallet.api.WalletWithdrawnEvent;
import com.souq.commerce.wallet.api.WithdrawFromWalletCommand;
import com.souq.commerce.wallet.command.WalletAggregate;
import java.util.ArrayList;
import java.util.Currency;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.TreeMap;
import java.util.UUID;
import java.util.function.Supplier;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.axonframework.config.Configuration;
import org.axonframework.config.DefaultConfigurer;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.eventsourcing.eventstore.inmemory.InMemoryEventStorageEngine;
import org.axonframework.serialization.jackson3.Jackson3Serializer;
import org.junit.jupiter.api.Test;

/**
 * Thousands of random sequences of wallet movements and journal postings, sent through the real Wallet and
 * JournalEntry command handlers (Axon without Spring, on an in-memory event store), each movement posted to the
 * journal the way the engine's processes post them. Among them: repeats, transaction ids reused with other content,
 * overdrafts, captures beyond their hold, other currencies, unbalanced and repeated entries. After every step:
 * <ul>
 *   <li>no wallet's balance or available balance is negative, and both are what an independent model expects;</li>
 *   <li>every wallet's balance equals its ledger account's (credit) balance;</li>
 *   <li>the trial balance is zero in every currency;</li>
 *   <li>no journal entry was posted twice, and nothing refused left an event behind.</li>
 * </ul>
 * A failure names its seed and step; rerun that seed alone to replay it.
 */
class MoneyMovementsGeneratedTest {

    private static final int SEQUENCES = 2_000;
    private static final int STEPS = 30;
    private static final List<Currency> CURRENCIES = List.of(Currency.getInstance("EGP"), Currency.getInstance("SAR"));
    private static final List<LedgerAccount> NON_WALLET_ACCOUNTS = List.of(
            LedgerAccount.gatewayClearing(PaymentProvider.SANDBOX),
            LedgerAccount.gatewayClearing(PaymentProvider.STRIPE),
            LedgerAccount.platformCommission(), LedgerAccount.taxPayable(CountryCode.of("EG")),
            LedgerAccount.refundsClearing(), LedgerAccount.payoutsClearing(),
            LedgerAccount.vendorPayable(VendorId.of("5d1c8a34-6b7e-4f43-9a43-0d7c1c2b9a11")));

    private Configuration axon;
    private CommandGateway commands;
    private final List<EventMessage<?>> published = new ArrayList<>();

    /** The ledger as the published entries make it: debit-positive balance per account and currency. */
    private final Map<String, Long> ledger = new HashMap<>();
    private final Map<String, Long> trialBalance = new HashMap<>();
    private final Map<String, Integer> postingsPerEntry = new HashMap<>();
    private final List<String> postedTwice = new ArrayList<>();
    /** How often each outcome happened, to show the sequences exercised every rule. */
    private final Map<String, Integer> seen = new TreeMap<>();
    /** The last balance and available balance each wallet's events reported. */
    private final Map<WalletId, long[]> reported = new HashMap<>();

    /** Sequences sharing one in-memory store, which reads an aggregate by scanning every event it holds. */
    private static final int SEQUENCES_PER_STORE = 20;

    private void startAxon() {
        // false: no configurer modules from the classpath, which would connect to an Axon Server
        axon = DefaultConfigurer.defaultConfiguration(false)
                .configureSerializer(configuration -> Jackson3Serializer.builder().build())
                .configureEventSerializer(configuration -> Jackson3Serializer.builder().build())
                .configureMessageSerializer(configuration -> Jackson3Serializer.builder().build())
                .configureEmbeddedEventStore(configuration -> new InMemoryEventStorageEngine())
                .configureAggregate(JournalEntry.class)
                .configureAggregate(WalletAggregate.type())
                .start();
        axon.eventBus().subscribe(events -> events.forEach(this::record));
        commands = axon.commandGateway();
    }

    @Test
    void randomSequencesKeepWalletsLedgerAndJournalSound() {
        for (int seed = 1; seed <= SEQUENCES; seed++) {
            if (seed % SEQUENCES_PER_STORE == 1) {
                if (axon != null) {
                    axon.shutdown();
                }
                startAxon();
            }
            new Sequence(seed).run();
        }
        axon.shutdown();
        assertThat(seen).containsKeys("WalletDepositedEvent", "WalletFundsHeldEvent", "WalletHoldCapturedEvent",
                "WalletHoldReleasedEvent", "WalletWithdrawnEvent", "JournalEntryPostedEvent",
                "refused HOLD INSUFFICIENT_FUNDS", "refused WITHDRAWAL INSUFFICIENT_FUNDS",
                "refused CAPTURE HOLD_EXCEEDED", "repeated", "reused id refused", "unbalanced refused",
                "other currency refused");
    }

    private void record(EventMessage<?> event) {
        published.add(event);
        seen.merge(event.getPayload() instanceof WalletMovementRefusedEvent refused
                ? "refused " + refused.type() + " " + refused.reason()
                : event.getPayloadType().getSimpleName(), 1, Integer::sum);
        switch (event.getPayload()) {
            case JournalEntryPostedEvent posted -> {
                if (postingsPerEntry.merge(posted.entryId().value(), 1, Integer::sum) > 1) {
                    postedTwice.add(posted.operation());
                }
                for (Posting posting : posted.postings()) {
                    ledger.merge(key(posting.account(), posting.amount().currency()),
                            posting.signedAmount().minorUnits(), Long::sum);
                    trialBalance.merge(posting.amount().currency().getCurrencyCode(),
                            posting.signedAmount().minorUnits(), Long::sum);
                }
            }
            case WalletOpenedEvent opened -> reported.put(opened.walletId(), new long[2]);
            case WalletDepositedEvent e -> report(e.walletId(), e.balance(), e.available());
            case WalletFundsHeldEvent e -> report(e.walletId(), e.balance(), e.available());
            case WalletHoldCapturedEvent e -> report(e.walletId(), e.balance(), e.available());
            case WalletHoldReleasedEvent e -> report(e.walletId(), e.balance(), e.available());
            case WalletWithdrawnEvent e -> report(e.walletId(), e.balance(), e.available());
            default -> {
            }
        }
    }

    private void report(WalletId walletId, Money balance, Money available) {
        reported.put(walletId, new long[] {balance.minorUnits(), available.minorUnits()});
    }

    private static String key(LedgerAccount account, Currency currency) {
        return account.name() + "|" + currency.getCurrencyCode();
    }

    /** One random sequence over a few fresh owners, with its own independent model of what each wallet holds. */
    private final class Sequence {

        private final int seed;
        private final Random random;
        private final List<WalletOwner> owners = new ArrayList<>();
        private final Map<WalletId, ModelWallet> wallets = new LinkedHashMap<>();
        /** Commands that succeeded, to send again (a retry must change nothing). */
        private final List<Object> sent = new ArrayList<>();
        private final List<String> log = new ArrayList<>();
        private int step;
        private int entries;

        Sequence(int seed) {
            this.seed = seed;
            this.random = new Random(seed);
            owners.add(WalletOwner.customer("customer-" + seed + "-a"));
            owners.add(WalletOwner.customer("customer-" + seed + "-b"));
            owners.add(WalletOwner.vendor(VendorId.of(new UUID(seed, random.nextLong()).toString())));
        }

        void run() {
            for (step = 1; step <= STEPS; step++) {
                switch (random.nextInt(10)) {
                    case 0, 1 -> deposit();
                    case 2 -> hold();
                    case 3 -> capture();
                    case 4 -> release();
                    case 5 -> withdraw();
                    case 6 -> repeat();
                    case 7 -> reuseTransactionId();
                    case 8 -> postRandomEntry();
                    default -> otherCurrency();
                }
                check();
            }
        }

        private void deposit() {
            ModelWallet wallet = anyWallet();
            long amount = 1 + random.nextInt(100_000);
            String tx = transactionId("deposit");
            DepositToWalletCommand command = DepositToWalletCommand.of(wallet.owner, tx, money(amount, wallet),
                    "top-up");
            expectEvent(command, WalletDepositedEvent.class);
            wallet.balance += amount;
            postForWallet("topup:" + tx, wallet,
                    Posting.debit(LedgerAccount.gatewayClearing(PaymentProvider.SANDBOX), money(amount, wallet)),
                    Posting.credit(wallet.owner.ledgerAccount(), money(amount, wallet)));
        }

        private void hold() {
            ModelWallet wallet = anyWallet();
            long amount = 1 + random.nextInt((int) Math.max(1, wallet.available() * 3 / 2 + 10));
            String tx = transactionId("hold");
            HoldWalletFundsCommand command = HoldWalletFundsCommand.of(wallet.owner, tx, money(amount, wallet), "hold");
            if (amount <= wallet.available()) {
                expectEvent(command, WalletFundsHeldEvent.class);
                wallet.holds.put(tx, amount);
            } else {
                expectEvent(command, WalletMovementRefusedEvent.class);
            }
        }

        private void capture() {
            ModelWallet wallet = walletWithHold();
            if (wallet == null) {
                return;
            }
            String hold = anyKey(wallet.holds);
            long keeps = wallet.holds.get(hold);
            long amount = 1 + random.nextInt((int) Math.max(1, keeps + keeps / 4 + 1));
            String tx = transactionId("capture");
            CaptureWalletHoldCommand command = new CaptureWalletHoldCommand(wallet.id, tx, hold,
                    money(amount, wallet), "order");
            if (amount <= keeps) {
                expectEvent(command, WalletHoldCapturedEvent.class);
                wallet.holds.put(hold, keeps - amount);
                wallet.balance -= amount;
                postForWallet("wallet-capture:" + tx, wallet, Posting.debit(wallet.owner.ledgerAccount(),
                        money(amount, wallet)), Posting.credit(LedgerAccount.refundsClearing(), money(amount, wallet)));
            } else {
                expectEvent(command, WalletMovementRefusedEvent.class);
            }
        }

        private void release() {
            ModelWallet wallet = walletWithHold();
            if (wallet == null) {
                return;
            }
            String hold = anyKey(wallet.holds);
            ReleaseWalletHoldCommand command = new ReleaseWalletHoldCommand(wallet.id, transactionId("release"), hold);
            if (wallet.holds.get(hold) > 0) {
                expectEvent(command, WalletHoldReleasedEvent.class);
            } else {
                expectNothing(command);
            }
            wallet.holds.put(hold, 0L);
        }

        private void withdraw() {
            ModelWallet wallet = anyWallet();
            long amount = 1 + random.nextInt((int) Math.max(1, wallet.balance * 5 / 4 + 10));
            String tx = transactionId("withdraw");
            WithdrawFromWalletCommand command = WithdrawFromWalletCommand.of(wallet.owner, tx, money(amount, wallet),
                    "to bank");
            if (amount <= wallet.available()) {
                expectEvent(command, WalletWithdrawnEvent.class);
                wallet.balance -= amount;
                postForWallet("payout:" + tx, wallet, Posting.debit(wallet.owner.ledgerAccount(),
                        money(amount, wallet)), Posting.credit(LedgerAccount.payoutsClearing(), money(amount, wallet)));
            } else {
                expectEvent(command, WalletMovementRefusedEvent.class);
            }
        }

        /** A retried command or a redelivered event: whatever it was, it changes nothing the second time. */
        private void repeat() {
            if (sent.isEmpty()) {
                return;
            }
            expectNothing(sent.get(random.nextInt(sent.size())));
            seen.merge("repeated", 1, Integer::sum);
        }

        private void reuseTransactionId() {
            DepositToWalletCommand earlier = null;
            for (Object command : sent) {
                if (command instanceof DepositToWalletCommand deposit) {
                    earlier = deposit;
                }
            }
            if (earlier == null) {
                return;
            }
            DepositToWalletCommand other = new DepositToWalletCommand(earlier.walletId(), earlier.owner(),
                    earlier.transactionId(), earlier.amount().plus(new Money(1, earlier.amount().currency())),
                    earlier.reference());
            expectRefused(other, "TRANSACTION_ID_REUSED");
            seen.merge("reused id refused", 1, Integer::sum);
        }

        private void otherCurrency() {
            ModelWallet wallet = anyWallet();
            Currency other = CURRENCIES.get(0).equals(wallet.currency) ? CURRENCIES.get(1) : CURRENCIES.get(0);
            DepositToWalletCommand wrong = new DepositToWalletCommand(wallet.id, wallet.owner,
                    transactionId("wrong"), new Money(1_00, other), "wrong currency");
            if (wallets.get(wallet.id).opened) {
                expectRefused(wrong, "CURRENCY_MISMATCH");
            } else {
                expectRefused(wrong, "NOT_THE_OWNERS_WALLET");
            }
            seen.merge("other currency refused", 1, Integer::sum);
        }

        /** Balanced entries between non-wallet accounts, now and then an unbalanced one, which is refused. */
        private void postRandomEntry() {
            Currency currency = CURRENCIES.get(random.nextInt(CURRENCIES.size()));
            List<Posting> postings = new ArrayList<>();
            long total = 0;
            int debits = 1 + random.nextInt(3);
            for (int i = 0; i < debits; i++) {
                long amount = 1 + random.nextInt(50_000);
                total += amount;
                postings.add(Posting.debit(anyNonWalletAccount(), new Money(amount, currency)));
            }
            boolean unbalanced = random.nextInt(5) == 0;
            long credited = unbalanced ? total + 1 + random.nextInt(3) : total;
            long first = credited / 2;
            postings.add(Posting.credit(anyNonWalletAccount(), new Money(credited - first, currency)));
            if (first > 0) {
                postings.add(Posting.credit(anyNonWalletAccount(), new Money(first, currency)));
            }
            PostJournalEntryCommand command = PostJournalEntryCommand.of("random:" + seed + "-" + (++entries),
                    null, postings, "random", null, null);
            if (unbalanced) {
                expectRefused(command, "UNBALANCED_ENTRY");
                seen.merge("unbalanced refused", 1, Integer::sum);
            } else {
                expectEvent(command, JournalEntryPostedEvent.class);
            }
        }

        private void postForWallet(String operation, ModelWallet wallet, Posting debit, Posting credit) {
            expectEvent(PostJournalEntryCommand.of(operation, null, List.of(debit, credit), operation, null, null),
                    JournalEntryPostedEvent.class);
            wallet.opened = true;
        }

        private void check() {
            wallets.values().forEach(wallet -> {
                long[] last = reported.getOrDefault(wallet.id, new long[2]);
                require(last[0] >= 0 && last[1] >= 0, () -> "negative wallet " + wallet.id + ": " + last[0] + "/"
                        + last[1]);
                require(last[0] == wallet.balance && last[1] == wallet.available(), () -> "wallet " + wallet.id
                        + " reports " + last[0] + "/" + last[1] + ", the model expects " + wallet.balance + "/"
                        + wallet.available());
                long account = -ledger.getOrDefault(key(wallet.owner.ledgerAccount(), wallet.currency), 0L);
                require(account == wallet.balance, () -> "wallet " + wallet.id + " holds " + wallet.balance
                        + " but its ledger account " + account);
            });
            trialBalance.forEach((currency, sum) -> require(sum == 0, () -> "trial balance in " + currency + " is "
                    + sum));
            require(postedTwice.isEmpty(), () -> "entries posted twice: " + postedTwice);
        }

        private void expectEvent(Object command, Class<?> expected) {
            List<EventMessage<?>> events = send(command);
            require(events.stream().anyMatch(event -> expected.isInstance(event.getPayload())), () -> command
                    + " published " + payloads(events) + ", expected a " + expected.getSimpleName());
            sent.add(command);
        }

        private void expectNothing(Object command) {
            List<EventMessage<?>> events = send(command);
            require(events.isEmpty(), () -> command + " published " + payloads(events) + ", expected nothing");
        }

        private void expectRefused(Object command, String code) {
            int before = published.size();
            log.add(step + ": " + command);
            try {
                commands.sendAndWait(command);
                fail(failure(command + " was accepted, expected " + code));
            } catch (RuntimeException refused) {
                DomainRuleViolation violation = violationIn(refused);
                require(violation != null && violation.code().equals(code), () -> command + " failed with "
                        + refused + ", expected " + code);
            }
            require(published.size() == before, () -> "refused " + command + " published "
                    + payloads(published.subList(before, published.size())));
        }

        private List<EventMessage<?>> send(Object command) {
            int before = published.size();
            log.add(step + ": " + command);
            try {
                commands.sendAndWait(command);
            } catch (RuntimeException failure) {
                fail(failure(command + " failed: " + failure), failure);
            }
            List<EventMessage<?>> events = new ArrayList<>(published.subList(before, published.size()));
            if (events.stream().anyMatch(event -> event.getPayload() instanceof WalletOpenedEvent)) {
                wallets.values().stream().filter(wallet -> events.stream().anyMatch(event ->
                                event.getPayload() instanceof WalletOpenedEvent opened
                                        && opened.walletId().equals(wallet.id)))
                        .forEach(wallet -> wallet.opened = true);
            }
            return events;
        }

        private ModelWallet anyWallet() {
            WalletOwner owner = owners.get(random.nextInt(owners.size()));
            Currency currency = CURRENCIES.get(random.nextInt(CURRENCIES.size()));
            return wallets.computeIfAbsent(WalletId.of(owner, currency), id -> new ModelWallet(id, owner, currency));
        }

        private ModelWallet walletWithHold() {
            List<ModelWallet> holding = wallets.values().stream().filter(wallet -> !wallet.holds.isEmpty()).toList();
            return holding.isEmpty() ? null : holding.get(random.nextInt(holding.size()));
        }

        private String anyKey(Map<String, Long> holds) {
            List<String> keys = new ArrayList<>(holds.keySet());
            return keys.get(random.nextInt(keys.size()));
        }

        private LedgerAccount anyNonWalletAccount() {
            return NON_WALLET_ACCOUNTS.get(random.nextInt(NON_WALLET_ACCOUNTS.size()));
        }

        private String transactionId(String kind) {
            return kind + "-" + seed + "-" + step + "-" + random.nextInt(1_000_000);
        }

        private Money money(long amount, ModelWallet wallet) {
            return new Money(amount, wallet.currency);
        }

        private void require(boolean condition, Supplier<String> problem) {
            if (!condition) {
                fail(failure(problem.get()));
            }
        }

        private String failure(String problem) {
            return "seed " + seed + ", step " + step + ": " + problem + "\nsteps:\n" + String.join("\n", log);
        }

        private static List<Object> payloads(List<EventMessage<?>> events) {
            return events.stream().<Object>map(EventMessage::getPayload).toList();
        }

        private static DomainRuleViolation violationIn(Throwable failure) {
            for (Throwable cause = failure; cause != null; cause = cause.getCause()) {
                if (cause instanceof DomainRuleViolation violation) {
                    return violation;
                }
            }
            return null;
        }
    }

    /** What the test expects a wallet to hold, kept without the aggregate's help. */
    private static final class ModelWallet {

        private final WalletId id;
        private final WalletOwner owner;
        private final Currency currency;
        private final Map<String, Long> holds = new LinkedHashMap<>();
        private long balance;
        private boolean opened;

        ModelWallet(WalletId id, WalletOwner owner, Currency currency) {
            this.id = id;
            this.owner = owner;
            this.currency = currency;
        }

        long available() {
            return balance - holds.values().stream().mapToLong(Long::longValue).sum();
        }
    }
}
