package com.souq.commerce.saga.payment.web;

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
import com.souq.commerce.shared.money.Money;
import java.util.Optional;
import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventsourcing.eventstore.DomainEventStream;
import org.axonframework.eventsourcing.eventstore.EventStore;

/**
 * A payment as its own events tell it now: whose it is, how much its provider takes (the amount less what the
 * customer's wallet pays), with which provider, where it stands. Read from the
 * event store rather than a read model, so a shopper acting right after the provider's answer finds it current.
 */
record PaymentRecord(PaymentId paymentId, String customerSubject, PaymentProvider provider, Money amount,
                     PaymentStatus status) {

    static Optional<PaymentRecord> read(EventStore events, PaymentId paymentId) {
        PaymentRecord payment = null;
        DomainEventStream stream = events.readEvents(paymentId.value());
        while (stream.hasNext()) {
            DomainEventMessage<?> message = stream.next();
            Object event = message.getPayload();
            if (event instanceof PaymentRequestedEvent requested) {
                payment = new PaymentRecord(paymentId, requested.customerSubject(), requested.instruction().provider(),
                        requested.amount().minus(requested.instruction().walletPart(requested.amount())),
                        PaymentStatus.INITIATED);
            } else if (payment != null) {
                payment = payment.after(event);
            }
        }
        return Optional.ofNullable(payment);
    }

    private PaymentRecord after(Object event) {
        PaymentStatus next = switch (event) {
            case PaymentActionRequiredEvent ignored -> PaymentStatus.REQUIRES_ACTION;
            case PaymentAuthorizedEvent ignored -> PaymentStatus.AUTHORIZED;
            case PaymentCaptureRequestedEvent ignored -> PaymentStatus.CAPTURING;
            case PaymentCapturedEvent ignored -> PaymentStatus.CAPTURED;
            case PaymentFailedEvent ignored -> PaymentStatus.FAILED;
            case PaymentCancelledEvent ignored -> PaymentStatus.CANCELLED;
            default -> status;
        };
        return new PaymentRecord(paymentId, customerSubject, provider, amount, next);
    }
}
