package com.souq.commerce.wallet.command;

import static org.axonframework.modelling.command.AggregateLifecycle.apply;

import com.souq.commerce.ledger.api.JournalEntryId;
import com.souq.commerce.ledger.api.Operations;
import com.souq.commerce.payment.api.PaymentInstruction;
import com.souq.commerce.payment.api.PaymentProvider;
import com.souq.commerce.platform.axon.AggregateCaching;
import com.souq.commerce.shared.error.DomainRuleViolation;
import com.souq.commerce.shared.money.Money;
import com.souq.commerce.wallet.api.CaptureWalletHoldCommand;
import com.souq.commerce.wallet.api.DepositToWalletCommand;
import com.souq.commerce.wallet.api.HoldWalletFundsCommand;
import com.souq.commerce.wallet.api.MovementType;
import com.souq.commerce.wallet.api.PayoutFailedEvent;
import com.souq.commerce.wallet.api.PayoutId;
import com.souq.commerce.wallet.api.PayoutPaidEvent;
import com.souq.commerce.wallet.api.PayoutRequestedEvent;
import com.souq.commerce.wallet.api.PayoutSubmittedEvent;
import com.souq.commerce.wallet.api.RecordPayoutOutcomeCommand;
import com.souq.commerce.wallet.api.RecordPayoutSubmittedCommand;
import com.souq.commerce.wallet.api.RecordTopUpOutcomeCommand;
import com.souq.commerce.wallet.api.ReleaseWalletHoldCommand;
import com.souq.commerce.wallet.api.RequestPayoutCommand;
import com.souq.commerce.wallet.api.RequestTopUpCommand;
import com.souq.commerce.wallet.api.TopUpCapturedEvent;
import com.souq.commerce.wallet.api.TopUpFailedEvent;
import com.souq.commerce.wallet.api.TopUpId;
import com.souq.commerce.wallet.api.TopUpRequestedEvent;
import com.souq.commerce.wallet.api.WalletDepositedEvent;
import com.souq.commerce.wallet.api.WalletFundsHeldEvent;
import com.souq.commerce.wallet.api.WalletHoldCapturedEvent;
import com.souq.commerce.wallet.api.WalletHoldReleasedEvent;
import com.souq.commerce.wallet.api.WalletId;
import com.souq.commerce.wallet.api.WalletMovementRefusedEvent;
import com.souq.commerce.wallet.api.WalletOpenedEvent;
import com.souq.commerce.wallet.api.WalletOwner;
import com.souq.commerce.wallet.api.WithdrawFromWalletCommand;
import com.souq.commerce.wallet.api.WalletWithdrawnEvent;
import java.util.Currency;
import java.util.HashMap;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;
import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.eventsourcing.EventSourcingHandler;
import org.axonframework.modelling.command.AggregateCreationPolicy;
import org.axonframework.modelling.command.AggregateIdentifier;
import org.axonframework.modelling.command.CreationPolicy;
import org.axonframework.spring.stereotype.Aggregate;

/**
 * The money one customer or vendor keeps with the marketplace, in one currency.
 *
 * <p>Lifecycle: opened by its first deposit, hold or withdrawal (a hold or withdrawal on an empty wallet is refused,
 * but the wallet exists from then on); then any number of movements. Money comes in by deposit; a hold sets part of
 * the available balance aside, and is later captured (the money leaves, in one or several parts) or released (what
 * is left goes back to the available balance); a withdrawal takes money straight from the available balance.
 *
 * <p>Invariants: the balance and the available balance (balance minus what holds keep) are never negative; a hold,
 * capture or withdrawal asking for more than there is is refused with an event, so a process can react, and moves
 * nothing; every movement carries a transaction id and is applied once: the same transaction again changes nothing,
 * the same id with other content (type, amount, hold) is refused. Amounts are positive and in the wallet's currency;
 * a capture or release names a hold the wallet granted.
 *
 * <p>Payouts: the owner takes money out to their bank. The request holds the amount at once (more than is available
 * is refused with an exception, {@code INSUFFICIENT_FUNDS}, and writes nothing); the provider's acceptance is
 * recorded; its outcome captures the hold (paid: the money left) or releases it (failed), once.
 *
 * <p>Top-ups: a customer pays money in through a payment provider. The request opens the wallet and moves nothing;
 * the provider's capture deposits the amount once, under the transaction id of the journal entry
 * {@code top-up:<topUpId>}, so wallet and ledger name the same movement; a decline deposits nothing. Only methods
 * that charge at once without the shopper's extra step are admitted ({@code TOP_UP_METHOD_NOT_AVAILABLE}).
 */
@Aggregate(cache = AggregateCaching.CACHE)
class Wallet {

    static final String INVALID_AMOUNT = "INVALID_AMOUNT";
    static final String CURRENCY_MISMATCH = "CURRENCY_MISMATCH";
    static final String TRANSACTION_ID_REUSED = "TRANSACTION_ID_REUSED";
    static final String UNKNOWN_HOLD = "UNKNOWN_HOLD";
    static final String TOP_UP_METHOD_NOT_AVAILABLE = "TOP_UP_METHOD_NOT_AVAILABLE";
    static final String TOP_UP_ID_REUSED = "TOP_UP_ID_REUSED";
    static final String TOP_UP_ABOVE_LIMIT = "TOP_UP_ABOVE_LIMIT";
    /** At most 1,000,000.00 per top-up, and a wallet topped up to at most 10,000,000.00 (minor units of 1/100). */
    static final long MAX_TOP_UP_MINOR = 1_000_000_00L;
    static final long MAX_TOPPED_UP_BALANCE_MINOR = 10_000_000_00L;
    /** Sandbox methods that settle at once; the extra-step method would wait for an action on an order's payment. */
    private static final Set<String> SANDBOX_TOP_UP_METHODS = Set.of(PaymentInstruction.SANDBOX_APPROVE,
            PaymentInstruction.SANDBOX_DECLINE);

    private static final Pattern TRANSACTION_ID = Pattern.compile("[A-Za-z0-9._:/@|+-]{1,200}");

    @AggregateIdentifier
    private WalletId walletId;
    private WalletOwner owner;
    private Currency currency;
    private long balance;
    private long held;
    /** What each hold the wallet granted still keeps (0 once captured in full or released). */
    private final Map<String, Long> holds = new HashMap<>();
    /** Every payout asked of this wallet, by its id. */
    private final Map<PayoutId, Payout> payouts = new HashMap<>();
    /** Every top-up asked of this wallet, by its id. */
    private final Map<TopUpId, TopUp> topUps = new HashMap<>();
    /** Every transaction decided, applied or refused, by its id. */
    private final Map<String, Movement> transactions = new HashMap<>();

    protected Wallet() {
        // required by Axon to rebuild the aggregate from its events, and to open it on its first movement
    }

    @CommandHandler
    @CreationPolicy(AggregateCreationPolicy.CREATE_IF_MISSING)
    void handle(DepositToWalletCommand command) {
        Movement movement = new Movement(MovementType.DEPOSIT, positive(command.amount()).minorUnits(), null);
        if (alreadyDecided(openFor(command.walletId(), command.owner(), command.amount(), command.transactionId()),
                movement)) {
            return;
        }
        apply(new WalletDepositedEvent(walletId, owner, command.transactionId(), command.amount(),
                command.reference(), money(balance + movement.amount()), money(available() + movement.amount())));
    }

    /**
     * Answers whether the hold stands: true when granted now or before, false when refused now or before (the
     * refusal is an event), so a process that asks synchronously knows at once.
     */
    @CommandHandler
    @CreationPolicy(AggregateCreationPolicy.CREATE_IF_MISSING)
    boolean handle(HoldWalletFundsCommand command) {
        Movement movement = new Movement(MovementType.HOLD, positive(command.amount()).minorUnits(), null);
        if (alreadyDecided(openFor(command.walletId(), command.owner(), command.amount(), command.transactionId()),
                movement)) {
            return holds.containsKey(command.transactionId());
        }
        if (!availableCovers(movement.amount())) {
            refuse(command.transactionId(), movement, WalletMovementRefusedEvent.INSUFFICIENT_FUNDS);
            return false;
        }
        apply(new WalletFundsHeldEvent(walletId, owner, command.transactionId(), command.amount(), command.reference(),
                money(balance), money(available() - movement.amount())));
        return true;
    }

    @CommandHandler
    void handle(CaptureWalletHoldCommand command) {
        requireTransactionId(command.transactionId());
        Movement movement = new Movement(MovementType.CAPTURE, inWalletCurrency(positive(command.amount()))
                .minorUnits(), command.holdTransactionId());
        if (alreadyDecided(command.transactionId(), movement)) {
            return;
        }
        long keeps = granted(command.holdTransactionId());
        if (keeps < movement.amount()) {
            refuse(command.transactionId(), movement, WalletMovementRefusedEvent.HOLD_EXCEEDED);
            return;
        }
        apply(new WalletHoldCapturedEvent(walletId, owner, command.transactionId(), command.holdTransactionId(),
                command.amount(), command.reference(), money(balance - movement.amount()), money(available())));
    }

    @CommandHandler
    void handle(ReleaseWalletHoldCommand command) {
        requireTransactionId(command.transactionId());
        long keeps = granted(command.holdTransactionId());
        Movement movement = new Movement(MovementType.RELEASE, keeps, command.holdTransactionId());
        Movement earlier = transactions.get(command.transactionId());
        if (earlier != null) {
            if (earlier.type() != MovementType.RELEASE
                    || !earlier.holdTransactionId().equals(command.holdTransactionId())) {
                throw reused(command.transactionId());
            }
            return;
        }
        if (keeps == 0) {
            return;
        }
        apply(new WalletHoldReleasedEvent(walletId, owner, command.transactionId(), command.holdTransactionId(),
                money(keeps), money(balance), money(available() + movement.amount())));
    }

    @CommandHandler
    @CreationPolicy(AggregateCreationPolicy.CREATE_IF_MISSING)
    void handle(WithdrawFromWalletCommand command) {
        Movement movement = new Movement(MovementType.WITHDRAWAL, positive(command.amount()).minorUnits(), null);
        if (alreadyDecided(openFor(command.walletId(), command.owner(), command.amount(), command.transactionId()),
                movement)) {
            return;
        }
        if (!availableCovers(movement.amount())) {
            refuse(command.transactionId(), movement, WalletMovementRefusedEvent.INSUFFICIENT_FUNDS);
            return;
        }
        apply(new WalletWithdrawnEvent(walletId, owner, command.transactionId(), command.amount(),
                command.reference(), money(balance - movement.amount()), money(available() - movement.amount())));
    }

    @CommandHandler
    @CreationPolicy(AggregateCreationPolicy.CREATE_IF_MISSING)
    void handle(RequestPayoutCommand command) {
        if (command.payoutId() == null) {
            throw DomainRuleViolation.unprocessable("INCOMPLETE_PAYOUT", "A payout has an id");
        }
        Money amount = positive(command.amount());
        Payout earlier = payouts.get(command.payoutId());
        if (earlier != null) {
            if (earlier.amount() != amount.minorUnits() || !earlier.method().equals(command.method())) {
                throw reused(command.payoutId().holdTransactionId());
            }
            return;
        }
        if (command.method() == null || command.method().isBlank()) {
            throw DomainRuleViolation.unprocessable("INCOMPLETE_PAYOUT", "A payout names its payout method");
        }
        if (!isOpen() || !availableCovers(inWalletCurrency(amount).minorUnits())) {
            throw new DomainRuleViolation(DomainRuleViolation.Kind.CONFLICT, WalletMovementRefusedEvent
                    .INSUFFICIENT_FUNDS, "Wallet " + command.walletId() + " has " + (isOpen() ? money(available())
                    + " available (" + money(held) + " of its " + money(balance) + " held)" : "nothing")
                    + ": a payout of " + amount + " is refused");
        }
        openFor(command.walletId(), command.owner(), amount, command.payoutId().holdTransactionId());
        String hold = command.payoutId().holdTransactionId();
        if (transactions.containsKey(hold)) {
            throw reused(hold);
        }
        apply(new WalletFundsHeldEvent(walletId, owner, hold, amount, Operations.payout(command.payoutId()),
                money(balance), money(available() - amount.minorUnits())));
        apply(new PayoutRequestedEvent(walletId, owner, command.payoutId(), amount, command.method(),
                command.requestedBy()));
    }

    @CommandHandler
    void handle(RecordPayoutSubmittedCommand command) {
        Payout payout = command.payoutId() == null ? null : payouts.get(command.payoutId());
        if (payout == null || payout.state() != PayoutState.REQUESTED) {
            return;
        }
        apply(new PayoutSubmittedEvent(walletId, owner, command.payoutId(), money(payout.amount()),
                command.providerReference()));
    }

    @CommandHandler
    void handle(RecordPayoutOutcomeCommand command) {
        Payout payout = command.payoutId() == null ? null : payouts.get(command.payoutId());
        if (payout == null || payout.state().isFinal()) {
            return;
        }
        PayoutId payoutId = command.payoutId();
        Money amount = money(payout.amount());
        if (command.paid()) {
            String capture = JournalEntryId.forOperation(Operations.payout(payoutId)).value();
            apply(new WalletHoldCapturedEvent(walletId, owner, capture, payoutId.holdTransactionId(), amount,
                    Operations.payout(payoutId), money(balance - amount.minorUnits()), money(available())));
            apply(new PayoutPaidEvent(walletId, owner, payoutId, amount, payout.providerReference(), capture));
            return;
        }
        apply(new WalletHoldReleasedEvent(walletId, owner, payoutId.releaseTransactionId(),
                payoutId.holdTransactionId(), amount, money(balance), money(available() + amount.minorUnits())));
        apply(new PayoutFailedEvent(walletId, owner, payoutId, amount, payout.providerReference(), command.reason()));
    }

    @CommandHandler
    @CreationPolicy(AggregateCreationPolicy.CREATE_IF_MISSING)
    void handle(RequestTopUpCommand command) {
        if (command.topUpId() == null || command.instruction() == null) {
            throw DomainRuleViolation.unprocessable("INCOMPLETE_TOP_UP",
                    "A top-up has an id and says how the customer pays");
        }
        Money amount = positive(command.amount());
        TopUp earlier = topUps.get(command.topUpId());
        if (earlier != null) {
            if (earlier.amount() != amount.minorUnits() || !earlier.instruction().equals(command.instruction())) {
                throw DomainRuleViolation.unprocessable(TOP_UP_ID_REUSED,
                        "Top-up " + command.topUpId() + " was requested with other content");
            }
            return;
        }
        if (command.owner() == null || command.owner().type() != WalletOwner.Type.CUSTOMER) {
            throw DomainRuleViolation.unprocessable("NOT_A_CUSTOMER_WALLET", "Only a customer tops up a wallet");
        }
        if (amount.minorUnits() > MAX_TOP_UP_MINOR || balance + amount.minorUnits() > MAX_TOPPED_UP_BALANCE_MINOR) {
            throw DomainRuleViolation.unprocessable(TOP_UP_ABOVE_LIMIT, "A top-up is at most "
                    + new Money(MAX_TOP_UP_MINOR, amount.currency()) + " and leaves the wallet at most "
                    + new Money(MAX_TOPPED_UP_BALANCE_MINOR, amount.currency()));
        }
        if (!topUpMethodAvailable(command.instruction())) {
            throw DomainRuleViolation.unprocessable(TOP_UP_METHOD_NOT_AVAILABLE, "A top-up is paid by a method "
                    + "that charges at once (SANDBOX approve or decline), not " + command.instruction().provider()
                    + " " + command.instruction().method());
        }
        String deposit = depositTransactionId(command.topUpId());
        openFor(command.walletId(), command.owner(), amount, deposit);
        if (transactions.containsKey(deposit)) {
            throw reused(deposit);
        }
        apply(new TopUpRequestedEvent(walletId, owner, command.topUpId(), amount, command.instruction(),
                command.requestedBy()));
    }

    @CommandHandler
    void handle(RecordTopUpOutcomeCommand command) {
        TopUp topUp = command.topUpId() == null ? null : topUps.get(command.topUpId());
        if (topUp == null || topUp.state() != TopUpState.REQUESTED) {
            return;
        }
        Money amount = money(topUp.amount());
        PaymentProvider provider = topUp.instruction().provider();
        if (!command.captured()) {
            apply(new TopUpFailedEvent(walletId, owner, command.topUpId(), amount, provider,
                    command.providerReference(), command.reason()));
            return;
        }
        String deposit = depositTransactionId(command.topUpId());
        apply(new WalletDepositedEvent(walletId, owner, deposit, amount, Operations.topUp(command.topUpId()),
                money(balance + amount.minorUnits()), money(available() + amount.minorUnits())));
        apply(new TopUpCapturedEvent(walletId, owner, command.topUpId(), amount, provider,
                command.providerReference(), deposit));
    }

    /** The sandbox's settling methods; real providers join once their top-ups have their own callbacks. */
    private static boolean topUpMethodAvailable(PaymentInstruction instruction) {
        return instruction.provider() == PaymentProvider.SANDBOX
                && SANDBOX_TOP_UP_METHODS.contains(instruction.method());
    }

    private static String depositTransactionId(TopUpId topUpId) {
        return JournalEntryId.forOperation(Operations.topUp(topUpId)).value();
    }

    /** What the wallet could give now (balance less what holds keep); nothing for a wallet never opened. */
    long availableMinorUnits() {
        return isOpen() ? available() : 0;
    }

    /** Checks a movement that may open the wallet, opens it if it is new, and answers the transaction id. */
    private String openFor(WalletId target, WalletOwner commandOwner, Money amount, String transactionId) {
        requireTransactionId(transactionId);
        if (commandOwner == null) {
            throw DomainRuleViolation.unprocessable("OWNER_REQUIRED",
                    "A movement that may open a wallet names its owner");
        }
        if (isOpen()) {
            inWalletCurrency(amount);
            if (!owner.equals(commandOwner)) {
                throw DomainRuleViolation.unprocessable("NOT_THE_OWNER",
                        "Wallet " + walletId + " belongs to " + owner + ", not " + commandOwner);
            }
            return transactionId;
        }
        if (!WalletId.of(commandOwner, amount.currency()).equals(target)) {
            throw DomainRuleViolation.unprocessable("NOT_THE_OWNERS_WALLET", "Wallet " + target + " is not the "
                    + amount.currency().getCurrencyCode() + " wallet of " + commandOwner);
        }
        apply(new WalletOpenedEvent(target, commandOwner, amount.currency()));
        return transactionId;
    }

    /**
     * Whether this transaction was decided before with the same content (then nothing is to be done); the same id
     * with other content is refused.
     */
    private boolean alreadyDecided(String transactionId, Movement movement) {
        Movement earlier = transactions.get(transactionId);
        if (earlier == null) {
            return false;
        }
        if (!earlier.equals(movement)) {
            throw reused(transactionId);
        }
        return true;
    }

    private boolean availableCovers(long amount) {
        return amount <= available();
    }

    /** What the hold still keeps; refuses a hold this wallet never granted. */
    private long granted(String holdTransactionId) {
        Long keeps = holdTransactionId == null ? null : holds.get(holdTransactionId);
        if (keeps == null) {
            throw DomainRuleViolation.unprocessable(UNKNOWN_HOLD,
                    "Wallet " + walletId + " granted no hold " + holdTransactionId);
        }
        return keeps;
    }

    private void refuse(String transactionId, Movement movement, String reason) {
        apply(new WalletMovementRefusedEvent(walletId, owner, transactionId, movement.type(),
                movement.holdTransactionId(), money(movement.amount()), reason, money(available())));
    }

    private boolean isOpen() {
        return walletId != null;
    }

    private long available() {
        return balance - held;
    }

    private Money money(long minorUnits) {
        return new Money(minorUnits, currency);
    }

    private static Money positive(Money amount) {
        if (amount == null || amount.isNegative() || amount.isZero()) {
            throw DomainRuleViolation.unprocessable(INVALID_AMOUNT, "A wallet moves a positive amount, not " + amount);
        }
        return amount;
    }

    private Money inWalletCurrency(Money amount) {
        if (!amount.currency().equals(currency)) {
            throw DomainRuleViolation.unprocessable(CURRENCY_MISMATCH, "Wallet " + walletId + " holds "
                    + currency.getCurrencyCode() + ", not " + amount.currency().getCurrencyCode());
        }
        return amount;
    }

    private static void requireTransactionId(String transactionId) {
        if (transactionId == null || !TRANSACTION_ID.matcher(transactionId).matches()) {
            throw DomainRuleViolation.unprocessable("INVALID_TRANSACTION_ID",
                    "Not a transaction id (1-200 letters, digits or ._:/@|+-): " + transactionId);
        }
    }

    private static DomainRuleViolation reused(String transactionId) {
        return DomainRuleViolation.unprocessable(TRANSACTION_ID_REUSED,
                "Transaction " + transactionId + " was decided with other content");
    }

    @EventSourcingHandler
    void on(WalletOpenedEvent event) {
        walletId = event.walletId();
        owner = event.owner();
        currency = event.currency();
    }

    @EventSourcingHandler
    void on(WalletDepositedEvent event) {
        balance += event.amount().minorUnits();
        transactions.put(event.transactionId(),
                new Movement(MovementType.DEPOSIT, event.amount().minorUnits(), null));
    }

    @EventSourcingHandler
    void on(WalletFundsHeldEvent event) {
        held += event.amount().minorUnits();
        holds.put(event.transactionId(), event.amount().minorUnits());
        transactions.put(event.transactionId(), new Movement(MovementType.HOLD, event.amount().minorUnits(), null));
    }

    @EventSourcingHandler
    void on(WalletHoldCapturedEvent event) {
        balance -= event.amount().minorUnits();
        held -= event.amount().minorUnits();
        holds.merge(event.holdTransactionId(), -event.amount().minorUnits(), Long::sum);
        transactions.put(event.transactionId(), new Movement(MovementType.CAPTURE, event.amount().minorUnits(),
                event.holdTransactionId()));
    }

    @EventSourcingHandler
    void on(WalletHoldReleasedEvent event) {
        held -= event.amount().minorUnits();
        holds.put(event.holdTransactionId(), 0L);
        transactions.put(event.transactionId(), new Movement(MovementType.RELEASE, event.amount().minorUnits(),
                event.holdTransactionId()));
    }

    @EventSourcingHandler
    void on(WalletWithdrawnEvent event) {
        balance -= event.amount().minorUnits();
        transactions.put(event.transactionId(),
                new Movement(MovementType.WITHDRAWAL, event.amount().minorUnits(), null));
    }

    @EventSourcingHandler
    void on(WalletMovementRefusedEvent event) {
        transactions.put(event.transactionId(),
                new Movement(event.type(), event.amount().minorUnits(), event.holdTransactionId()));
    }

    @EventSourcingHandler
    void on(PayoutRequestedEvent event) {
        payouts.put(event.payoutId(), new Payout(event.amount().minorUnits(), event.method(), PayoutState.REQUESTED,
                null));
    }

    @EventSourcingHandler
    void on(PayoutSubmittedEvent event) {
        payouts.computeIfPresent(event.payoutId(), (id, payout) -> new Payout(payout.amount(), payout.method(),
                PayoutState.SUBMITTED, event.providerReference()));
    }

    @EventSourcingHandler
    void on(PayoutPaidEvent event) {
        payouts.computeIfPresent(event.payoutId(), (id, payout) -> new Payout(payout.amount(), payout.method(),
                PayoutState.PAID, payout.providerReference()));
    }

    @EventSourcingHandler
    void on(PayoutFailedEvent event) {
        payouts.computeIfPresent(event.payoutId(), (id, payout) -> new Payout(payout.amount(), payout.method(),
                PayoutState.FAILED, payout.providerReference()));
    }

    @EventSourcingHandler
    void on(TopUpRequestedEvent event) {
        topUps.put(event.topUpId(), new TopUp(event.amount().minorUnits(), event.instruction(),
                TopUpState.REQUESTED));
    }

    @EventSourcingHandler
    void on(TopUpCapturedEvent event) {
        topUps.computeIfPresent(event.topUpId(), (id, topUp) -> new TopUp(topUp.amount(), topUp.instruction(),
                TopUpState.CAPTURED));
    }

    @EventSourcingHandler
    void on(TopUpFailedEvent event) {
        topUps.computeIfPresent(event.topUpId(), (id, topUp) -> new TopUp(topUp.amount(), topUp.instruction(),
                TopUpState.FAILED));
    }

    /** Where a top-up stands with its provider. */
    private enum TopUpState { REQUESTED, CAPTURED, FAILED }

    /** One top-up: its amount, how it is paid, and where it stands. */
    private record TopUp(long amount, PaymentInstruction instruction, TopUpState state) {
    }

    /** Where a payout stands with the provider. */
    private enum PayoutState {
        REQUESTED, SUBMITTED, PAID, FAILED;

        boolean isFinal() {
            return this == PAID || this == FAILED;
        }
    }

    /** One payout: its amount, method, state and the provider's reference once it accepted it. */
    private record Payout(long amount, String method, PayoutState state, String providerReference) {
    }

    /** What a transaction did, to tell a repeat (same content) from a reused id (other content). */
    private record Movement(MovementType type, long amount, String holdTransactionId) {
    }
}
