package com.souq.commerce.engine.money;

import static com.souq.commerce.engine.money.MoneyStory.EVENTUALLY;
import static com.souq.commerce.engine.money.MoneyStory.share;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.souq.commerce.engine.support.Api;
import com.souq.commerce.engine.support.Api.Reply;
import com.souq.commerce.engine.support.EngineIntegrationTest;
import com.souq.commerce.engine.support.Journal;
import com.souq.commerce.engine.support.Problems;
import com.souq.commerce.ledger.api.JournalEntryId;
import com.souq.commerce.ledger.api.Operations;
import com.souq.commerce.order.api.VendorOrderId;
import com.souq.commerce.wallet.api.PayoutId;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import tools.jackson.databind.JsonNode;

/**
 * Payouts over HTTP. Cairo Parts (flat 10 %) sells brake pads 2 × 350.00: share 798.00 (700.00 + VAT 98.00),
 * commission 70.00, VAT on it 9.80, payable 718.20, released to its wallet once delivered and the return window passed.
 * Then: 900.00 is an overdraft (refused, nothing written); 300.00 through a payout that fails comes back; 500.00 is
 * paid out (wallet 218.20, paid out 500.00); while 500.00 is held, another 300.00 is refused (held money).
 */
@EngineIntegrationTest
class PayoutFlowTest {

    @LocalServerPort
    int port;

    @Autowired
    JdbcClient jdbc;

    MoneyStory story;
    Problems problems;

    @BeforeEach
    void setUp() {
        story = new MoneyStory(new Api(port), new Journal(jdbc));
        problems = new Problems(jdbc);
    }

    @Test
    void aVendorPaysOutItsWalletButNeverMoreThanIsAvailable() {
        String cairo = story.vendor("Cairo Parts", Map.of("defaultRate", 1_000));
        story.addToCart(story.published(cairo, "spare-parts", "Brake pads", 350_00), 2);
        String orderId = story.checkout(Map.of("provider", "SANDBOX", "method", "approve"));
        String share = share(orderId, cairo);
        story.act(share, cairo, "acceptance", null);
        story.act(share, cairo, "shipment", Map.of("carrier", "Aramex", "trackingReference", "AWB-1"));
        story.act(share, cairo, "delivery", null);
        story.awaitEntry(orderId, Operations.release(VendorOrderId.of(share)));
        String staff = story.vendors.staffOf(cairo);
        await().atMost(EVENTUALLY).until(() -> story.walletBalance(staff) == 718_20);

        Reply overdraft = problems.writesNothing(() -> payout(cairo, 900_00, "sandbox-succeed"));
        Problems.assertProblem(overdraft, 409, "INSUFFICIENT_FUNDS");

        String failing = payout(cairo, 300_00, "sandbox-fail").json().get("payoutId").asString();
        JsonNode failed = awaitPayout(failing, "FAILED");
        assertThat(failed.get("failureReason").asString()).startsWith("account_closed");
        await().atMost(EVENTUALLY).until(() -> available(staff) == 718_20);

        Reply paid = payout(cairo, 500_00, "sandbox-succeed");
        assertThat(paid.status()).as(paid.toString()).isEqualTo(201);
        String payoutId = paid.json().get("payoutId").asString();
        Reply heldMoney = payout(cairo, 300_00, "sandbox-succeed");
        assertThat(heldMoney.status()).as("500.00 of 718.20 is held: " + heldMoney).isEqualTo(409);
        awaitPayout(payoutId, "PAID");
        await().atMost(EVENTUALLY).until(() -> story.walletBalance(staff) == 218_20);
        await().atMost(EVENTUALLY).until(() -> paidOut(cairo) == 500_00);
        JsonNode statement = story.api.get("/api/v1/wallets/me?currency=EGP", staff).json().get("statement");
        assertThat(statement.get("items").get(0).get("type").asString()).isEqualTo("CAPTURE");
        assertThat(statement.get("items").get(0).get("transactionId").asString())
                .isEqualTo(JournalEntryId.forOperation(Operations.payout(PayoutId.of(payoutId))).value());
        Long payoutsClearing = jdbc.sql("""
                        SELECT sum(credit_minor) - sum(debit_minor) FROM journal_lines
                         WHERE operation = :operation AND account = 'payouts-clearing'""")
                .param("operation", Operations.payout(PayoutId.of(payoutId)))
                .query(Long.class).single();
        assertThat(payoutsClearing).isEqualTo(500_00);
        assertThat(story.api.get("/api/v1/vendors/" + cairo + "/payouts", staff).json().get("totalItems").asLong())
                .isEqualTo(2);
        assertThat(story.api.get("/api/v1/payouts/" + payoutId, story.customer).status()).isEqualTo(404);
        story.assertTrialBalanceIsZero();
    }

    private Reply payout(String vendorId, long amount, String method) {
        return story.api.post("/api/v1/vendors/" + vendorId + "/payouts", story.vendors.staffOf(vendorId),
                Map.of("amount", Map.of("minorUnits", amount, "currency", "EGP"), "method", method),
                Map.of("Idempotency-Key", UUID.randomUUID().toString()));
    }

    private JsonNode awaitPayout(String payoutId, String status) {
        String auditor = story.auditor;
        await().atMost(EVENTUALLY).until(() -> {
            Reply reply = story.api.get("/api/v1/payouts/" + payoutId, auditor);
            return reply.status() == 200 && reply.json().get("status").asString().equals(status);
        });
        return story.api.get("/api/v1/payouts/" + payoutId, auditor).json();
    }

    private long available(String staff) {
        return story.api.get("/api/v1/wallets/me?currency=EGP", staff).json().get("available").get("minorUnits")
                .asLong();
    }

    private long paidOut(String vendorId) {
        for (JsonNode earnings : story.api.get("/api/v1/vendors/" + vendorId + "/earnings",
                story.vendors.staffOf(vendorId)).json().get("earnings")) {
            if (earnings.get("currency").asString().equals("EGP")) {
                return earnings.get("paidOut").get("minorUnits").asLong();
            }
        }
        return 0;
    }
}
