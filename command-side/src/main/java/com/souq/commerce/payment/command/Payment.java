package com.souq.commerce.payment.command;

import static org.axonframework.modelling.command.AggregateLifecycle.apply;

import com.souq.commerce.order.api.OrderId;
import com.souq.commerce.order.api.RefundDestination;
import com.souq.commerce.order.api.RefundId;
import com.souq.commerce.order.api.VendorOrderId;
import com.souq.commerce.payment.api.CancelPaymentCommand;
import com.souq.commerce.payment.api.CaptureCashOnDeliveryCommand;
import com.souq.commerce.payment.api.CapturePaymentCommand;
import com.souq.commerce.payment.api.PaymentActionRequiredEvent;
import com.souq.commerce.payment.api.PaymentAuthorizedEvent;
import com.souq.commerce.payment.api.PaymentCancelledEvent;
import com.souq.commerce.payment.api.PaymentCaptureRequestedEvent;
import com.souq.commerce.payment.api.PaymentCapturedEvent;
import com.souq.commerce.payment.api.PaymentFailedEvent;
import com.souq.commerce.payment.api.PaymentRefundFailedEvent;
import com.souq.commerce.payment.api.PaymentRefundRequestedEvent;
import com.souq.commerce.payment.api.PaymentRefundedEvent;
import com.souq.commerce.payment.api.PaymentId;
import com.souq.commerce.payment.api.PaymentProvider;
import com.souq.commerce.payment.api.PaymentRequestedEvent;
import com.souq.commerce.payment.api.PaymentStatus;
import com.souq.commerce.payment.api.RecordPaymentActionRequiredCommand;
import com.souq.commerce.payment.api.RecordPaymentAuthorizationCommand;
import com.souq.commerce.payment.api.RecordPaymentCaptureCommand;
import com.souq.commerce.payment.api.RecordPaymentFailureCommand;
import com.souq.commerce.payment.api.RecordPaymentRefundCommand;
import com.souq.commerce.payment.api.RecordPaymentRefundFailureCommand;
import com.souq.commerce.payment.api.RefundPaymentCommand;
import com.souq.commerce.payment.api.RequestPaymentCommand;
import com.souq.commerce.platform.axon.AggregateCaching;
import com.souq.commerce.shared.error.DomainRuleViolation;
import com.souq.commerce.shared.money.Money;
import java.util.HashMap;
import java.util.Map;
import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.eventsourcing.EventSourcingHandler;
import org.axonframework.modelling.command.AggregateCreationPolicy;
import org.axonframework.modelling.command.AggregateIdentifier;
import org.axonframework.modelling.command.CreationPolicy;
import org.axonframework.spring.stereotype.Aggregate;

/**
 * The money of one order: authorized by the shopper's provider, then captured for the marketplace, or given up.
 *
 * <p>Lifecycle: INITIATED → (REQUIRES_ACTION) → AUTHORIZED → CAPTURING → CAPTURED; any state before CAPTURING →
 * FAILED (the provider declined, the shopper's extra step failed) or CANCELLED (checkout gave up); CAPTURING → FAILED
 * when the provider refuses to capture. CAPTURED, FAILED and CANCELLED are final.
 *
 * <p>Invariants: a payment is requested once, for a positive amount; the provider authorizes exactly the requested
 * amount (an authorization of any other amount is recorded as a failure, and the payment process voids it); money is
 * captured only after checkout asked for it, and once capture started (CAPTURING) the payment can no longer be
 * cancelled; it is captured at most once. The provider's reference is kept from its first answer on.
 *
 * <p>Refunds: once CAPTURED, money goes back per vendor order, to the provider or the customer's wallet. Each refund
 * is requested once (REFUNDING) and settles once (REFUNDED); a provider that refuses it sends it to the customer's
 * wallet instead. The refunds of a vendor order never exceed what was captured for it, and those of the payment never
 * exceed what was captured: a refund above the remainder is refused ({@code REFUND_EXCEEDS_CAPTURED}), so of two
 * refunds racing for the same remainder one wins and the other is refused.
 *
 * <p>Cash on delivery: the authorization is the shopper's promise to pay the courier; checkout never captures it.
 * Once every vendor order ended, what the couriers collected (never more than authorized, in its currency) is
 * captured, or the payment is cancelled when nothing was delivered.
 *
 * <p>The customer's wallet: it pays the whole order (provider WALLET) or a part of it while a provider pays the rest.
 * The provider authorizes and captures only its own part (the amount less the wallet's part; nothing for WALLET);
 * the payment process holds the wallet's part before the provider authorizes, captures it before recording the
 * capture, and releases it when the payment fails or is cancelled. The capture records both parts. Refunds to the
 * original payment go back to the provider only while what it captured covers them; the rest, and every refund of a
 * payment by the wallet alone, goes to the customer's wallet.
 *
 * <p>Every command here arrives from the payment process, checkout or a provider's webhook, possibly twice, late or
 * overtaken by another: each is total. A command that no longer applies to the current state changes nothing and
 * throws nothing; only malformed input is refused.
 */
@Aggregate(cache = AggregateCaching.CACHE)
class Payment {

    static final String AMOUNT_MISMATCH = "AMOUNT_MISMATCH";
    static final String REFUND_EXCEEDS_CAPTURED = "REFUND_EXCEEDS_CAPTURED";

    @AggregateIdentifier
    private PaymentId paymentId;
    private OrderId orderId;
    private String customerSubject;
    private PaymentProvider provider;
    private Money amount;
    /** What the customer's wallet pays of {@link #amount}, in minor units (0: nothing). */
    private long walletPart;
    private PaymentStatus status;
    private String providerReference;
    private Money captured;
    private long refundedTotal;
    /** What refunds took back through the provider, which never exceeds what the provider captured. */
    private long refundedThroughProvider;
    private final Map<VendorOrderId, Long> refundedByShare = new HashMap<>();
    private final Map<RefundId, Refund> refunds = new HashMap<>();

    protected Payment() {
        // required by Axon to rebuild the aggregate from its events, and to create it on the first request
    }

    @CommandHandler
    @CreationPolicy(AggregateCreationPolicy.CREATE_IF_MISSING)
    void handle(RequestPaymentCommand command) {
        if (wasRequested()) {
            return;
        }
        if (command.orderId() == null || command.instruction() == null) {
            throw DomainRuleViolation.unprocessable("INCOMPLETE_PAYMENT",
                    "A payment names its order and how the shopper pays");
        }
        if (command.amount() == null || command.amount().isNegative() || command.amount().isZero()) {
            throw DomainRuleViolation.unprocessable("INVALID_AMOUNT", "A payment is for a positive amount");
        }
        Money fromWallet = command.instruction().walletPart(command.amount());
        if (!fromWallet.currency().equals(command.amount().currency()) || fromWallet.minorUnits()
                > command.amount().minorUnits() || (command.instruction().provider() != PaymentProvider.WALLET
                && fromWallet.minorUnits() == command.amount().minorUnits())) {
            throw DomainRuleViolation.unprocessable("INVALID_AMOUNT", "The wallet pays a part of the "
                    + command.amount() + " less than all of it, in its currency, or all of it alone; not " + fromWallet);
        }
        apply(new PaymentRequestedEvent(command.paymentId(), command.orderId(), command.customerSubject(),
                command.amount(), command.instruction()));
    }

    @CommandHandler
    void handle(RecordPaymentActionRequiredCommand command) {
        if (status != PaymentStatus.INITIATED) {
            return;
        }
        apply(new PaymentActionRequiredEvent(paymentId, orderId, provider, command.providerReference(),
                command.nextActionUrl()));
    }

    @CommandHandler
    void handle(RecordPaymentAuthorizationCommand command) {
        if (!awaitsAuthorization()) {
            return;
        }
        if (!authorizesRequestedAmount(command.amount())) {
            apply(new PaymentFailedEvent(paymentId, orderId, provider, command.providerReference(),
                    AMOUNT_MISMATCH + ": the provider holds " + command.amount() + " of "
                            + amount.minus(money(walletPart))));
            return;
        }
        apply(new PaymentAuthorizedEvent(paymentId, orderId, provider, command.providerReference(), amount));
    }

    @CommandHandler
    void handle(CapturePaymentCommand command) {
        if (status != PaymentStatus.AUTHORIZED) {
            return;
        }
        apply(new PaymentCaptureRequestedEvent(paymentId, orderId, provider, providerReference, amount));
    }

    @CommandHandler
    void handle(CaptureCashOnDeliveryCommand command) {
        if (status != PaymentStatus.AUTHORIZED || !provider.collectsOnDelivery()) {
            return;
        }
        Money collected = command.collected();
        if (collected == null || !collected.currency().equals(amount.currency()) || collected.isNegative()
                || collected.minorUnits() > amount.minorUnits()) {
            throw DomainRuleViolation.unprocessable("INVALID_AMOUNT",
                    "Cash collected on delivery is between nothing and the " + amount + " promised, not " + collected);
        }
        if (collected.isZero()) {
            apply(new PaymentCancelledEvent(paymentId, orderId, provider, providerReference,
                    "Nothing was delivered: no cash was collected"));
            return;
        }
        apply(new PaymentCaptureRequestedEvent(paymentId, orderId, provider, providerReference, collected));
    }

    @CommandHandler
    void handle(RecordPaymentCaptureCommand command) {
        if (status != PaymentStatus.CAPTURING) {
            return;
        }
        apply(new PaymentCapturedEvent(paymentId, orderId, customerSubject, provider,
                referenceOr(command.providerReference()), command.amount().plus(money(walletPart)),
                walletPart == 0 ? null : money(walletPart)));
    }

    @CommandHandler
    void handle(RecordPaymentFailureCommand command) {
        if (status.isFinal()) {
            return;
        }
        apply(new PaymentFailedEvent(paymentId, orderId, provider, referenceOr(command.providerReference()),
                command.reason()));
    }

    /**
     * Answers whether this command cancelled the payment: false when there is nothing to cancel (never requested),
     * when capture started, or when the payment is final already (including cancelled before).
     */
    @CommandHandler
    @CreationPolicy(AggregateCreationPolicy.CREATE_IF_MISSING)
    boolean handle(CancelPaymentCommand command) {
        if (!wasRequested() || !mayBeCancelled()) {
            return false;
        }
        apply(new PaymentCancelledEvent(paymentId, orderId, provider, providerReference, command.reason()));
        return true;
    }

    @CommandHandler
    void handle(RefundPaymentCommand command) {
        Refund earlier = refunds.get(command.refundId());
        if (earlier != null) {
            if (!earlier.sameAs(command, walletPart > 0)) {
                throw DomainRuleViolation.unprocessable("REFUND_ID_REUSED",
                        "Refund " + command.refundId() + " was requested with other content");
            }
            return;
        }
        if (status != PaymentStatus.CAPTURED) {
            throw DomainRuleViolation.illegalTransition("payment", status, "refunded");
        }
        if (command.vendorOrderId() == null || command.destination() == null || command.shareTotal() == null) {
            throw DomainRuleViolation.unprocessable("INCOMPLETE_REFUND",
                    "A refund names its vendor order, its captured share and where the money goes");
        }
        Money refund = positiveInPaymentCurrency(command.amount());
        requireRefundWithinCaptured(command.vendorOrderId(), refund, command.shareTotal());
        apply(new PaymentRefundRequestedEvent(paymentId, command.refundId(), orderId, command.vendorOrderId(),
                customerSubject, provider, providerReference, refund,
                money(refundedTotal + refund.minorUnits()), destinationOf(command.destination(), refund)));
    }

    @CommandHandler
    void handle(RecordPaymentRefundCommand command) {
        Refund refund = refunds.get(command.refundId());
        if (refund == null || refund.settled()) {
            return;
        }
        apply(new PaymentRefundedEvent(paymentId, command.refundId(), orderId, refund.vendorOrderId(),
                customerSubject, provider, refund.destination(), money(refund.amount()),
                command.providerReference()));
    }

    @CommandHandler
    void handle(RecordPaymentRefundFailureCommand command) {
        Refund refund = refunds.get(command.refundId());
        if (refund == null || refund.settled() || refund.destination() == RefundDestination.CUSTOMER_WALLET) {
            return;
        }
        apply(new PaymentRefundFailedEvent(paymentId, command.refundId(), orderId, refund.vendorOrderId(),
                customerSubject, provider, money(refund.amount()), command.reason()));
    }

    /**
     * Where a refund goes: as asked, except that the provider never gives back more than it captured (the wallet's
     * part was never with it): such a refund, and every refund of a payment by the wallet alone, goes to the wallet.
     */
    private RefundDestination destinationOf(RefundDestination asked, Money refund) {
        if (asked != RefundDestination.ORIGINAL_PAYMENT) {
            return asked;
        }
        long providerCaptured = captured.minorUnits() - walletPart;
        return refundedThroughProvider + refund.minorUnits() > providerCaptured
                ? RefundDestination.CUSTOMER_WALLET : asked;
    }

    /** The vendor order's refunds and the payment's refunds stay within what was captured for each. */
    private void requireRefundWithinCaptured(VendorOrderId vendorOrderId, Money refund, Money shareTotal) {
        long share = positiveInPaymentCurrency(shareTotal).minorUnits();
        long shareRefunded = refundedByShare.getOrDefault(vendorOrderId, 0L);
        if (shareRefunded + refund.minorUnits() > share) {
            throw new DomainRuleViolation(DomainRuleViolation.Kind.CONFLICT, REFUND_EXCEEDS_CAPTURED,
                    "Vendor order " + vendorOrderId + " had " + shareTotal + " captured and " + money(shareRefunded)
                            + " refunded: " + refund + " more is too much");
        }
        if (refundedTotal + refund.minorUnits() > captured.minorUnits()) {
            throw new DomainRuleViolation(DomainRuleViolation.Kind.CONFLICT, REFUND_EXCEEDS_CAPTURED,
                    "Payment " + paymentId + " captured " + captured + " and refunded " + money(refundedTotal)
                            + ": " + refund + " more is too much");
        }
    }

    private Money positiveInPaymentCurrency(Money value) {
        if (value == null || value.isNegative() || value.isZero()) {
            throw DomainRuleViolation.unprocessable("INVALID_AMOUNT", "A refund is for a positive amount");
        }
        if (!value.currency().equals(amount.currency())) {
            throw DomainRuleViolation.unprocessable("CURRENCY_MISMATCH", "Payment " + paymentId + " is in "
                    + amount.currency().getCurrencyCode() + ", not " + value.currency().getCurrencyCode());
        }
        return value;
    }

    private Money money(long minorUnits) {
        return new Money(minorUnits, amount.currency());
    }

    private boolean wasRequested() {
        return status != null;
    }

    private boolean awaitsAuthorization() {
        return status == PaymentStatus.INITIATED || status == PaymentStatus.REQUIRES_ACTION;
    }

    /** The provider authorizes its own part: the amount less what the wallet pays. */
    private boolean authorizesRequestedAmount(Money authorized) {
        return amount.minus(money(walletPart)).equals(authorized);
    }

    /** Before capture starts; CAPTURING is the point of no return. */
    private boolean mayBeCancelled() {
        return status == PaymentStatus.INITIATED || status == PaymentStatus.REQUIRES_ACTION
                || status == PaymentStatus.AUTHORIZED;
    }

    private String referenceOr(String reported) {
        return providerReference != null ? providerReference : reported;
    }

    @EventSourcingHandler
    void on(PaymentRequestedEvent event) {
        paymentId = event.paymentId();
        orderId = event.orderId();
        customerSubject = event.customerSubject();
        provider = event.instruction().provider();
        amount = event.amount();
        walletPart = event.instruction().walletPart(event.amount()).minorUnits();
        status = PaymentStatus.INITIATED;
    }

    @EventSourcingHandler
    void on(PaymentActionRequiredEvent event) {
        providerReference = event.providerReference();
        status = PaymentStatus.REQUIRES_ACTION;
    }

    @EventSourcingHandler
    void on(PaymentAuthorizedEvent event) {
        providerReference = event.providerReference();
        status = PaymentStatus.AUTHORIZED;
    }

    @EventSourcingHandler
    void on(PaymentCaptureRequestedEvent event) {
        status = PaymentStatus.CAPTURING;
    }

    @EventSourcingHandler
    void on(PaymentCapturedEvent event) {
        status = PaymentStatus.CAPTURED;
        captured = event.amount();
    }

    @EventSourcingHandler
    void on(PaymentRefundRequestedEvent event) {
        refundedTotal += event.amount().minorUnits();
        refundedByShare.merge(event.vendorOrderId(), event.amount().minorUnits(), Long::sum);
        if (event.destination() == RefundDestination.ORIGINAL_PAYMENT) {
            refundedThroughProvider += event.amount().minorUnits();
        }
        refunds.put(event.refundId(), new Refund(event.vendorOrderId(), event.amount().minorUnits(),
                event.destination(), false, event.destination()));
    }

    @EventSourcingHandler
    void on(PaymentRefundFailedEvent event) {
        refunds.computeIfPresent(event.refundId(), (id, refund) -> refund.toWallet());
    }

    @EventSourcingHandler
    void on(PaymentRefundedEvent event) {
        refunds.computeIfPresent(event.refundId(), (id, refund) -> refund.settledNow());
    }

    /** One refund of the payment: for which share, how much, where it goes now, where it was asked to go. */
    private record Refund(VendorOrderId vendorOrderId, long amount, RefundDestination destination, boolean settled,
                          RefundDestination requested) {

        /** The same refund again; one the payment sent to the wallet may be asked again for the original payment. */
        boolean sameAs(RefundPaymentCommand command, boolean walletPays) {
            return vendorOrderId.equals(command.vendorOrderId()) && command.amount() != null
                    && amount == command.amount().minorUnits() && (requested == command.destination()
                    || walletPays && requested == RefundDestination.CUSTOMER_WALLET
                    && command.destination() == RefundDestination.ORIGINAL_PAYMENT);
        }

        Refund toWallet() {
            return new Refund(vendorOrderId, amount, RefundDestination.CUSTOMER_WALLET, settled, requested);
        }

        Refund settledNow() {
            return new Refund(vendorOrderId, amount, destination, true, requested);
        }
    }

    @EventSourcingHandler
    void on(PaymentFailedEvent event) {
        if (providerReference == null) {
            providerReference = event.providerReference();
        }
        status = PaymentStatus.FAILED;
    }

    @EventSourcingHandler
    void on(PaymentCancelledEvent event) {
        status = PaymentStatus.CANCELLED;
    }
}
