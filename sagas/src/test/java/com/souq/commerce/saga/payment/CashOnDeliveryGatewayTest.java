package com.souq.commerce.saga.payment;

import static org.assertj.core.api.Assertions.assertThat;

import com.souq.commerce.order.api.OrderId;
import com.souq.commerce.payment.api.PaymentId;
import com.souq.commerce.shared.money.Money;
import org.junit.jupiter.api.Test;

class CashOnDeliveryGatewayTest {

    private final CashOnDeliveryGateway gateway = new CashOnDeliveryGateway();
    private final OrderId order = OrderId.random();
    private final PaymentId payment = PaymentId.forOrder(order);
    private final String reference = "cod_" + payment.value();

    @Test
    void thePromiseIsTheWholeAmountAndNoStatusIsEverAskedFor() {
        assertThat(gateway.authorize(new PaymentGateway.Authorization(payment, order, Money.of(969_00, "EGP"),
                "cash"))).isEqualTo(new AuthorizationOutcome.Authorized(reference, Money.of(969_00, "EGP")));
        assertThat(gateway.answersStatusQueries()).isFalse();
    }

    @Test
    void captureTakesWhatTheCouriersCollectedAndVoidMovesNothing() {
        assertThat(gateway.capture(new PaymentGateway.Capture(payment, reference, Money.of(400_00, "EGP"))))
                .isEqualTo(new CaptureOutcome.Captured(reference, Money.of(400_00, "EGP")));
        assertThat(gateway.cancel(new PaymentGateway.Cancellation(payment, reference)))
                .isEqualTo(new CancellationOutcome.Voided(reference));
    }
}
