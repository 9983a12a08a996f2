package com.souq.commerce.saga;

import static org.assertj.core.api.Assertions.assertThat;

import com.souq.commerce.listing.api.StockReservedEvent;
import com.souq.commerce.order.api.VendorOrderDeliveredEvent;
import com.souq.commerce.order.api.VendorOrderId;
import com.souq.commerce.payment.api.PaymentCapturedEvent;
import com.souq.commerce.payment.api.PaymentProvider;
import com.souq.commerce.saga.checkout.CheckoutSagaStates;
import com.souq.commerce.saga.commission.CommissionSagaStates;
import com.souq.commerce.saga.splitting.OrderSplittingSagaStates;
import com.souq.commerce.shared.money.Money;
import org.axonframework.serialization.SerializedObject;
import org.axonframework.serialization.Serializer;
import org.axonframework.serialization.jackson3.Jackson3Serializer;
import org.junit.jupiter.api.Test;

/**
 * Saga state survives the saga store: the engine stores every saga as JSON between two events, so a field the
 * serializer skips or cannot set back (a final field under Jackson 3) silently forgets what the saga knew.
 */
class SagaStateSerializationTest {

    private final Serializer serializer = Jackson3Serializer.builder().build();

    @Test
    void checkoutSagaRemembersItsListingsPaymentAndDeadline() {
        Object saga = CheckoutSagaStates.afterPlacing(OrderFixture.placed(), new StockReservedEvent(
                OrderFixture.BRAKE_PADS, OrderFixture.CAIRO_PARTS, OrderFixture.ORDER, 2, Money.of(350_00, "EGP"), 8));

        String stored = json(saga);

        assertThat(stored).contains(OrderFixture.BRAKE_PADS.value(), OrderFixture.TYRE.value(),
                OrderFixture.ORDER.value(), OrderFixture.CUSTOMER);
        assertThat(json(roundTrip(saga))).isEqualTo(stored);
    }

    @Test
    void splittingSagaRemembersEveryVendorOrderAndItsStatus() {
        VendorOrderId pads = VendorOrderId.of(OrderFixture.ORDER, OrderFixture.CAIRO_PARTS);
        Object saga = OrderSplittingSagaStates.afterSplitting(OrderFixture.paid(),
                new VendorOrderDeliveredEvent(pads, OrderFixture.ORDER, OrderFixture.CAIRO_PARTS));

        String stored = json(saga);

        assertThat(stored).contains(pads.value(), "DELIVERED",
                VendorOrderId.of(OrderFixture.ORDER, OrderFixture.GIZA_TYRES).value(), "CREATED");
        assertThat(json(roundTrip(saga))).isEqualTo(stored);
    }

    @Test
    void commissionSagaRemembersItsCaptureSplitsAndReturnWindows() {
        VendorOrderId pads = VendorOrderId.of(OrderFixture.ORDER, OrderFixture.CAIRO_PARTS);
        Object saga = CommissionSagaStates.afterPosting(new PaymentCapturedEvent(OrderFixture.PAYMENT,
                        OrderFixture.ORDER, OrderFixture.CUSTOMER, PaymentProvider.SANDBOX, "sandbox_1",
                        OrderFixture.TOTALS.grandTotal()), OrderFixture.paid(),
                new VendorOrderDeliveredEvent(pads, OrderFixture.ORDER, OrderFixture.CAIRO_PARTS));

        String stored = json(saga);

        assertThat(stored).contains(pads.value(), "DELIVERED", "return-window-1", "SANDBOX",
                OrderFixture.PAYMENT.value(), "\"payable\":{\"minorUnits\":80712", "commission.rate.spare-parts");
        assertThat(json(roundTrip(saga))).isEqualTo(stored);
    }

    @Test
    void cashOnDeliverySagaRemembersWhatIsOpenAndWhatWasCollected() {
        VendorOrderId pads = VendorOrderId.of(OrderFixture.ORDER, OrderFixture.CAIRO_PARTS);
        com.souq.commerce.saga.cod.CashOnDeliverySaga saga = new com.souq.commerce.saga.cod.CashOnDeliverySaga();
        com.souq.commerce.saga.cod.CashOnDeliverySagaStates.confirmedAndDelivered(saga,
                new com.souq.commerce.order.api.OrderConfirmedForCashOnDeliveryEvent(OrderFixture.ORDER,
                        OrderFixture.CUSTOMER, OrderFixture.PAYMENT, OrderFixture.TOTALS.grandTotal(),
                        OrderFixture.HELIOPOLIS, OrderFixture.LINES, OrderFixture.TOTALS),
                new VendorOrderDeliveredEvent(pads, OrderFixture.ORDER, OrderFixture.CAIRO_PARTS));

        String stored = json(saga);

        assertThat(stored).contains(pads.value(), VendorOrderId.of(OrderFixture.ORDER, OrderFixture.GIZA_TYRES)
                .value(), OrderFixture.PAYMENT.value(), "85500");
        assertThat(json(roundTrip(saga))).isEqualTo(stored);
    }

    private Object roundTrip(Object saga) {
        SerializedObject<byte[]> serialized = serializer.serialize(saga, byte[].class);
        return serializer.deserialize(serialized);
    }

    private String json(Object saga) {
        return new String(serializer.serialize(saga, byte[].class).getData());
    }

}
