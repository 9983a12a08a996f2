package com.souq.commerce.engine.payment;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.souq.commerce.engine.support.Api;
import com.souq.commerce.engine.support.EngineIntegrationTest;
import com.souq.commerce.engine.support.LocalStripe;
import com.souq.commerce.engine.support.Vendors;
import com.souq.commerce.infrastructure.stripe.StripeStub;
import com.souq.commerce.order.api.OrderId;
import com.souq.commerce.payment.api.PaymentId;
import java.time.Duration;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

/** Order to cash over HTTP: a checkout's payment is authorized, captured once, and the order is paid. */
@EngineIntegrationTest
class CheckoutPaymentFlowTest {

    private static final Map<String, Object> HELIOPOLIS = Map.of("recipient", "Mona Adel", "phone", "+201001234567",
            "line1", "12 Baghdad St", "city", "Cairo", "postalCode", "11341", "country", "EG");

    @LocalServerPort
    int port;

    @Autowired
    JdbcClient jdbc;

    Api api;
    Vendors vendors;
    PaymentJournal journal;
    String customer;

    @BeforeEach
    void setUp() {
        api = new Api(port);
        vendors = new Vendors(api);
        journal = new PaymentJournal(jdbc);
        customer = api.token("customer-" + UUID.randomUUID(), "CUSTOMER");
    }

    @Test
    void sandboxCheckoutEndsWithTheOrderPaid() {
        OrderId order = checkout(Map.of("provider", "SANDBOX", "method", "approve"));
        PaymentId payment = PaymentId.forOrder(order);

        awaitOrderPaid(order);
        assertThat(journal.events(payment)).containsExactly("PaymentRequestedEvent", "PaymentAuthorizedEvent",
                "PaymentCaptureRequestedEvent", "PaymentCapturedEvent");
    }

    @Test
    void stripeCheckoutWithThreeDSecureIsPaidOnceTheWebhookArrives() {
        StripeStub stripe = LocalStripe.stub();
        OrderId order = checkout(Map.of("provider", "STRIPE", "method", StripeStub.THREE_D_SECURE));
        PaymentId payment = PaymentId.forOrder(order);
        journal.awaitLast(payment, "PaymentActionRequiredEvent");

        String intent = stripe.intentWithMetadata("orderId", order.value()).orElseThrow();
        stripe.completeAction(intent);
        StripeStub.SignedEvent event = stripe.event("payment_intent.amount_capturable_updated", intent);
        assertThat(api.send("POST", "/api/v1/payments/webhooks/stripe", null, event.payload(),
                Map.of("Stripe-Signature", event.signature())).status()).isEqualTo(200);

        awaitOrderPaid(order);
        assertThat(stripe.captures(intent)).isEqualTo(1);
    }

    private void awaitOrderPaid(OrderId order) {
        await().atMost(Duration.ofSeconds(20)).until(() -> jdbc.sql("""
                        SELECT count(*) FROM event_journal
                         WHERE aggregate_id = :id AND event_type LIKE '%OrderPaidEvent'""")
                .param("id", order.value()).query(Long.class).single() == 1);
    }

    private OrderId checkout(Map<String, Object> payment) {
        String vendor = vendors.approved("Payment Parts " + UUID.randomUUID().toString().substring(0, 8), "EG", "EGP");
        Api.Reply drafted = api.post("/api/v1/vendors/" + vendor + "/listings", vendors.staffOf(vendor),
                Map.of("category", "spare-parts", "title", Map.of("en", "Brake pads"),
                        "price", Map.of("minorUnits", 350_00, "currency", "EGP"), "stock", 5),
                Map.of("Idempotency-Key", UUID.randomUUID().toString()));
        String listing = drafted.json().get("listingId").asString();
        assertThat(api.post("/api/v1/listings/" + listing + "/publication", vendors.staffOf(vendor), null).status())
                .isEqualTo(202);
        assertThat(api.post("/api/v1/cart/lines", customer, Map.of("listingId", listing, "quantity", 2)).status())
                .isEqualTo(202);
        Api.Reply placed = api.post("/api/v1/cart/checkout", customer, Map.of("address", HELIOPOLIS,
                "payment", payment), Map.of("Idempotency-Key", UUID.randomUUID().toString()));
        assertThat(placed.status()).as(placed.toString()).isEqualTo(201);
        return OrderId.of(placed.json().get("orderId").asString());
    }
}
