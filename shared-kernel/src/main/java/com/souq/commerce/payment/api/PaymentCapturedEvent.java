package com.souq.commerce.payment.api;

import com.souq.commerce.order.api.OrderId;
import com.souq.commerce.shared.money.Money;
import org.axonframework.serialization.Revision;

/**
 * The money was taken: {@code amount} in all, of which {@code fromWallet} came from the customer's wallet (null or
 * zero: nothing; captures stored before wallets paid orders have none) and the rest sits with the provider for the
 * marketplace. Happens once per payment.
 */
@Revision("1")
public record PaymentCapturedEvent(PaymentId paymentId, OrderId orderId, String customerSubject,
                                   PaymentProvider provider, String providerReference, Money amount,
                                   Money fromWallet) {

    public PaymentCapturedEvent(PaymentId paymentId, OrderId orderId, String customerSubject,
                                PaymentProvider provider, String providerReference, Money amount) {
        this(paymentId, orderId, customerSubject, provider, providerReference, amount, null);
    }

    /** What the customer's wallet paid of the capture (zero when nothing). */
    public Money walletPart() {
        return fromWallet == null ? Money.zero(amount.currency()) : fromWallet;
    }
}
