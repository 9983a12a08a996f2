package com.souq.commerce.payment.command;

import com.souq.commerce.order.api.OrderId;
import com.souq.commerce.payment.api.PaymentActionRequiredEvent;
import com.souq.commerce.payment.api.PaymentAuthorizedEvent;
import com.souq.commerce.payment.api.PaymentCancelledEvent;
import com.souq.commerce.payment.api.PaymentCaptureRequestedEvent;
import com.souq.commerce.payment.api.PaymentCapturedEvent;
import com.souq.commerce.payment.api.PaymentFailedEvent;
import com.souq.commerce.payment.api.PaymentId;
import com.souq.commerce.payment.api.PaymentInstruction;
import com.souq.commerce.payment.api.PaymentProvider;
import com.souq.commerce.payment.api.PaymentRequestedEvent;
import com.souq.commerce.payment.api.RequestPaymentCommand;
import com.souq.commerce.shared.money.Money;
import java.util.ArrayList;
import java.util.List;

/** Payments at each stage, as the events that made them: a Stripe card payment of one order. */
final class PaymentFixture {

    static final OrderId ORDER = OrderId.of("0e0e0e0e-0e0e-4e0e-8e0e-0e0e0e0e0e0e");
    static final PaymentId PAYMENT = PaymentId.forOrder(ORDER);
    static final String CUSTOMER = "customer-heliopolis";
    static final Money AMOUNT = Money.of(6_640_50, "EGP");
    static final PaymentInstruction CARD = new PaymentInstruction(PaymentProvider.STRIPE, "pm_card_visa");
    static final String INTENT = "pi_3PzY0aLkdIwHu7ix0mXkVb2c";
    static final String THREE_D_SECURE = "https://hooks.stripe.com/3d_secure_2/hosted?payment_intent=" + INTENT;

    private PaymentFixture() {
    }

    static RequestPaymentCommand request() {
        return new RequestPaymentCommand(PAYMENT, ORDER, CUSTOMER, AMOUNT, CARD);
    }

    static PaymentRequestedEvent requested() {
        return new PaymentRequestedEvent(PAYMENT, ORDER, CUSTOMER, AMOUNT, CARD);
    }

    static PaymentActionRequiredEvent actionRequired() {
        return new PaymentActionRequiredEvent(PAYMENT, ORDER, PaymentProvider.STRIPE, INTENT, THREE_D_SECURE);
    }

    static PaymentAuthorizedEvent authorizedEvent() {
        return new PaymentAuthorizedEvent(PAYMENT, ORDER, PaymentProvider.STRIPE, INTENT, AMOUNT);
    }

    static PaymentCaptureRequestedEvent captureRequestedEvent() {
        return new PaymentCaptureRequestedEvent(PAYMENT, ORDER, PaymentProvider.STRIPE, INTENT, AMOUNT);
    }

    static PaymentCapturedEvent capturedEvent() {
        return new PaymentCapturedEvent(PAYMENT, ORDER, CUSTOMER, PaymentProvider.STRIPE, INTENT, AMOUNT);
    }

    static PaymentFailedEvent failedEvent(String reference, String reason) {
        return new PaymentFailedEvent(PAYMENT, ORDER, PaymentProvider.STRIPE, reference, reason);
    }

    static PaymentCancelledEvent cancelledEvent(String reference, String reason) {
        return new PaymentCancelledEvent(PAYMENT, ORDER, PaymentProvider.STRIPE, reference, reason);
    }

    static List<Object> awaitingAction() {
        return List.of(requested(), actionRequired());
    }

    static List<Object> authorized() {
        return List.of(requested(), authorizedEvent());
    }

    static List<Object> capturing() {
        return with(authorized(), captureRequestedEvent());
    }

    static List<Object> captured() {
        return with(capturing(), capturedEvent());
    }

    static List<Object> with(List<Object> history, Object next) {
        List<Object> events = new ArrayList<>(history);
        events.add(next);
        return events;
    }
}
