package com.souq.commerce.engine.account;

import static com.souq.commerce.engine.account.AccountSteps.STRONG_PASSWORD;
import static org.assertj.core.api.Assertions.assertThat;

import com.souq.commerce.engine.support.Api;
import com.souq.commerce.engine.support.EngineIntegrationTest;
import com.souq.commerce.engine.support.LocalMail;
import com.souq.commerce.engine.support.Vendors;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

/** A signed-in customer's paid order is confirmed by mail, in the account's language, once. */
@EngineIntegrationTest
class OrderConfirmationMailTest {

    @LocalServerPort
    int port;

    @Autowired
    JdbcClient jdbc;

    Api api;
    AccountSteps steps;
    Vendors vendors;

    @BeforeEach
    void setUp() {
        api = new Api(port);
        steps = new AccountSteps(api);
        vendors = new Vendors(api);
    }

    @Test
    void aPaidOrderIsConfirmedByMailInTheCustomersLanguage() throws InterruptedException {
        String email = steps.verifiedCustomer("shopper", "ar");
        String customer = steps.accessToken(email, STRONG_PASSWORD);
        String vendor = vendors.approved("Mail Order Parts", "EG", "EGP");
        String listing = vendors.publishedBrakePads(vendor, 350_00, 5);

        Api.Reply added = api.post("/api/v1/cart/lines", customer, Map.of("listingId", listing, "quantity", 2));
        assertThat(added.status()).as(added.toString()).isEqualTo(202);
        Api.Reply placed = api.post("/api/v1/cart/checkout", customer, Map.of(
                        "address", Map.of("recipient", "Mona Adel", "phone", "+201001234567", "line1", "12 Baghdad St",
                                "city", "Cairo", "postalCode", "11341", "country", "EG"),
                        "payment", Map.of("provider", "SANDBOX", "method", "approve")),
                Map.of("Idempotency-Key", UUID.randomUUID().toString()));
        assertThat(placed.status()).as(placed.toString()).isEqualTo(201);
        String orderId = placed.json().get("orderId").asString();

        LocalMail.Mail confirmation = LocalMail.awaitMail(email, 2);
        assertThat(confirmation.subject()).isEqualTo("تم تأكيد طلبك " + orderId);
        // 2 × 350.00 EGP + 14 % VAT, no shipping policy set
        assertThat(confirmation.body()).contains("798.00 EGP").contains("عدد القطع: 2");
        Thread.sleep(500);
        assertThat(LocalMail.receivedBy(email)).hasSize(2);
        assertThat(jdbc.sql("SELECT body IS NULL FROM mail_outbox WHERE dedup_key = :key")
                .param("key", "order-confirmation:" + orderId).query(Boolean.class).list()).isEqualTo(List.of(true));
    }
}
