package com.souq.commerce.payment.command;

import static org.axonframework.modelling.command.AggregateLifecycle.apply;

import com.souq.commerce.order.api.OrderId;
import com.souq.commerce.payment.api.CancelPaymentCommand;
import com.souq.commerce.payment.api.CapturePaymentCommand;
import com.souq.commerce.payment.api.PaymentActionRequiredEvent;
import com.souq.commerce.payment.api.PaymentAuthorizedEvent;
import com.souq.commerce.payment.api.PaymentCancelledEvent;
import com.souq.commerce.payment.api.PaymentCaptureRequestedEvent;
import com.souq.commerce.payment.api.PaymentCapturedEvent;
import com.souq.commerce.payment.api.PaymentFailedEvent;
import com.souq.commerce.payment.api.PaymentId;
import com.souq.commerce.payment.api.PaymentProvider;
import com.souq.commerce.payment.api.PaymentRequestedEvent;
import com.souq.commerce.payment.api.PaymentStatus;
import com.souq.commerce.payment.api.RecordPaymentActionRequiredCommand;
import com.souq.commerce.payment.api.RecordPaymentAuthorizationCommand;
import com.souq.commerce.payment.api.RecordPaymentCaptureCommand;
import com.souq.commerce.payment.api.RecordPaymentFailureCommand;
import com.souq.commerce.payment.api.RequestPaymentCommand;
import com.souq.commerce.shared.error.DomainRuleViolation;
import com.souq.commerce.shared.money.Money;
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
 * <p>Every command here arrives from the payment process, checkout or a provider's webhook, possibly twice, late or
 * overtaken by another: each is total. A command that no longer applies to the current state changes nothing and
 * throws nothing; only malformed input is refused.
 */
@Aggregate
class Payment {

    static final String AMOUNT_MISMATCH = "AMOUNT_MISMATCH";

    @AggregateIdentifier
    private PaymentId paymentId;
    private OrderId orderId;
    private String customerSubject;
    private PaymentProvider provider;
    private Money amount;
    private PaymentStatus status;
    private String providerReference;

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
                    AMOUNT_MISMATCH + ": the provider holds " + command.amount() + " of " + amount));
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
    void handle(RecordPaymentCaptureCommand command) {
        if (status != PaymentStatus.CAPTURING) {
            return;
        }
        apply(new PaymentCapturedEvent(paymentId, orderId, customerSubject, provider,
                referenceOr(command.providerReference()), command.amount()));
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

    private boolean wasRequested() {
        return status != null;
    }

    private boolean awaitsAuthorization() {
        return status == PaymentStatus.INITIATED || status == PaymentStatus.REQUIRES_ACTION;
    }

    private boolean authorizesRequestedAmount(Money authorized) {
        return amount.equals(authorized);
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
