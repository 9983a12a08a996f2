package com.souq.commerce.engine.money;

import static com.souq.commerce.engine.money.MoneyStory.EVENTUALLY;
import static com.souq.commerce.engine.money.MoneyStory.line;
import static com.souq.commerce.engine.money.MoneyStory.lines;
import static com.souq.commerce.engine.money.MoneyStory.share;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.souq.commerce.engine.support.Api;
import com.souq.commerce.engine.support.Api.Reply;
import com.souq.commerce.engine.support.EngineIntegrationTest;
import com.souq.commerce.engine.support.Journal;
import com.souq.commerce.ledger.api.Operations;
import com.souq.commerce.order.api.RefundId;
import com.souq.commerce.order.api.VendorOrderId;
import com.souq.commerce.wallet.api.PayoutId;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import tools.jackson.databind.JsonNode;

/**
 * The money of a three-vendor order from payment to payout, over HTTP: the customer tops up the wallet by card and
 * pays 500.00 of the order from it and the rest by card (sandbox), one vendor rejects (refunded automatically), one
 * share partly refunded, the others delivered, the return window passes ({@value EngineIntegrationTest#RETURN_WINDOW}
 * here), a vendor pays out. The figures, by hand (EGP, VAT 14 %):
 * <pre>
 * top-up 1,000.00: gateway-clearing:sandbox → customer wallet (not one of the order's entries)
 * captured 7,067.97, of which 500.00 from the wallet and 6,567.97 by card: Cairo Parts 969.00 (commission 54.00,
 *   VAT on it 7.56, payable 907.44; the wallet's 500.00 lands on the first share, Cairo's, the card pays its other
 *   469.00), Giza Tyres 5,757.00 (500.00, 70.00, 5,187.00), Delta Oils 341.97 (30.00, 4.20, 307.77)
 * Delta rejects: its split reversed into refunds clearing, 341.97 refunded to the card (the card paid 6,567.97)
 * Cairo refunds one brake pad: 350.00 + VAT 49.00 = 399.00 to the card;
 *   commission back 54.00 × 399/969 = 22.24, VAT 7.56 × 399/969 = 3.11, payable 399.00 − 25.35 = 373.65
 * return windows pass: Cairo's wallet gets 907.44 − 373.65 = 533.79, Giza's 5,187.00
 * Giza pays out 5,000.00: its wallet keeps 187.00, paid out 5,000.00 (vendor wallet → payouts clearing)
 * the customer's wallet keeps 1,000.00 − 500.00 = 500.00
 * the order's entries leave: gateway-clearing:sandbox 6,567.97 − 341.97 − 399.00 = 5,827.00 and customer wallet
 *   500.00 (debit);
 *   platform-commission 54.00 − 22.24 + 500.00 = 531.76 and tax-payable:EG 7.56 − 3.11 + 70.00 = 74.45 (credit);
 *   vendor-wallet Cairo 533.79, Giza 5,187.00 (credit); every payable and refunds clearing 0
 * </pre>
 */
@EngineIntegrationTest
class MarketplaceMoneyFlowTest {

    @LocalServerPort
    int port;

    @Autowired
    JdbcClient jdbc;

    MoneyStory story;

    @BeforeEach
    void setUp() {
        story = new MoneyStory(new Api(port), new Journal(jdbc));
    }

    @Test
    void aThreeVendorOrderPaidByWalletAndCardThroughRejectionRefundReleaseToPayout() {
        Reply topUp = story.api.post("/api/v1/wallets/me/top-ups", story.customer,
                Map.of("amount", Map.of("minorUnits", 1_000_00, "currency", "EGP"),
                        "payment", Map.of("provider", "SANDBOX", "method", "approve")),
                Map.of("Idempotency-Key", UUID.randomUUID().toString()));
        assertThat(topUp.status()).as(topUp.toString()).isEqualTo(202);
        await().atMost(EVENTUALLY).until(() -> story.walletBalance(story.customer) == 1_000_00);
        String cairo = story.vendor("Cairo Parts", Map.of("defaultRate", 800, "categoryRates",
                Map.of("spare-parts", 600)));
        String giza = story.vendor("Giza Tyres", Map.of("defaultRate", 1_000));
        String delta = story.vendor("Delta Oils", Map.of("defaultRate", 1_000));
        Reply shipping = story.api.put("/api/v1/vendors/" + giza + "/shipping-policy", story.vendors.staffOf(giza),
                Map.of("flatFee", Map.of("minorUnits", 50_00, "currency", "EGP")), Map.of());
        assertThat(shipping.status()).as(shipping.toString()).isEqualTo(202);
        String pads = story.published(cairo, "spare-parts", "Brake pads", 350_00);
        story.addToCart(pads, 2);
        story.addToCart(story.published(cairo, "car-accessories", "Seat cover", 150_00), 1);
        story.addToCart(story.published(giza, "tyres-and-wheels", "Tyre 205/55 R16", 1_250_00), 4);
        story.addToCart(story.published(delta, "general", "Engine oil 5W-30", 99_99), 3);
        String orderId = story.checkout(Map.of("provider", "SANDBOX", "method", "approve",
                "fromWallet", Map.of("minorUnits", 500_00, "currency", "EGP")));
        String cairoShare = share(orderId, cairo);
        String gizaShare = share(orderId, giza);
        String deltaShare = share(orderId, delta);

        story.act(deltaShare, delta, "rejection", Map.of("reason", "Out of this grade"));
        String deltaRefund = RefundId.forWithdrawal(VendorOrderId.of(deltaShare)).value();
        assertThat(story.awaitRefund(deltaRefund, "REFUNDED").get("amount").get("minorUnits").asLong())
                .isEqualTo(341_97);

        String padRefund = story.refundRequested(cairoShare, Map.of("lines", List.of(Map.of("listingId", pads,
                "quantity", 1)), "reason", "One pad was cracked"));
        assertThat(story.approveRefund(cairoShare, cairo, padRefund).status()).isEqualTo(202);
        story.awaitRefund(padRefund, "REFUNDED");

        for (String[] delivered : List.of(new String[] {cairoShare, cairo}, new String[] {gizaShare, giza})) {
            story.act(delivered[0], delivered[1], "acceptance", null);
            story.act(delivered[0], delivered[1], "shipment", Map.of("carrier", "Aramex", "trackingReference",
                    "AWB-" + delivered[1].substring(0, 8)));
            story.act(delivered[0], delivered[1], "delivery", null);
        }
        assertThat(lines(story.awaitEntry(orderId, Operations.release(VendorOrderId.of(cairoShare)))))
                .containsExactly(
                        line("vendor-payable:" + cairo, 533_79, 0),
                        line("vendor-wallet:" + cairo, 0, 533_79));
        assertThat(lines(story.awaitEntry(orderId, Operations.release(VendorOrderId.of(gizaShare)))))
                .containsExactly(
                        line("vendor-payable:" + giza, 5_187_00, 0),
                        line("vendor-wallet:" + giza, 0, 5_187_00));
        String gizaStaff = story.vendors.staffOf(giza);
        await().atMost(EVENTUALLY).until(() -> story.walletBalance(gizaStaff) == 5_187_00);

        Reply payout = story.api.post("/api/v1/vendors/" + giza + "/payouts", gizaStaff,
                Map.of("amount", Map.of("minorUnits", 5_000_00, "currency", "EGP"), "method", "sandbox-succeed"),
                Map.of("Idempotency-Key", UUID.randomUUID().toString()));
        assertThat(payout.status()).as(payout.toString()).isEqualTo(201);
        String payoutId = payout.json().get("payoutId").asString();
        await().atMost(EVENTUALLY).until(() -> story.walletBalance(gizaStaff) == 187_00);
        await().atMost(EVENTUALLY).until(() -> earnings(giza).get("paidOut").get("minorUnits").asLong() == 5_000_00);
        assertThat(jdbc.sql("""
                        SELECT account || ':' || debit_minor || ':' || credit_minor FROM journal_lines
                         WHERE operation = :operation ORDER BY line_no""")
                .param("operation", Operations.payout(PayoutId.of(payoutId)))
                .query(String.class).list())
                .containsExactly("vendor-wallet:" + giza + ":500000:0", "payouts-clearing:0:500000");

        assertThat(story.walletBalance(story.vendors.staffOf(cairo))).isEqualTo(533_79);
        assertThat(story.walletBalance(story.customer)).isEqualTo(500_00);
        assertThat(story.orderBalances(orderId)).containsExactlyInAnyOrderEntriesOf(Map.of(
                "gateway-clearing:sandbox", 5_827_00L,
                "customer-wallet:" + story.customerSubject, 500_00L,
                "platform-commission", -531_76L,
                "tax-payable:EG", -74_45L,
                "vendor-wallet:" + cairo, -533_79L,
                "vendor-wallet:" + giza, -5_187_00L));
        assertThat(story.entries(orderId)).extracting(entry -> entry.get("kind").asString())
                .containsExactlyInAnyOrder("capture", "capture", "capture", "reversal", "refund", "refund-reversal",
                        "refund", "release", "release");
        JsonNode cairoEarnings = earnings(cairo);
        assertThat(cairoEarnings.get("pending").get("minorUnits").asLong()).isZero();
        assertThat(cairoEarnings.get("available").get("minorUnits").asLong()).isEqualTo(533_79);
        story.assertTrialBalanceIsZero();
    }

    private JsonNode earnings(String vendorId) {
        for (JsonNode earnings : story.api.get("/api/v1/vendors/" + vendorId + "/earnings",
                story.vendors.staffOf(vendorId)).json().get("earnings")) {
            if (earnings.get("currency").asString().equals("EGP")) {
                return earnings;
            }
        }
        throw new AssertionError("no EGP earnings of " + vendorId);
    }
}
