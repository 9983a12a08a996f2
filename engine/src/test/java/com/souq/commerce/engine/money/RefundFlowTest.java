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
import com.souq.commerce.ledger.api.JournalEntryId;
import com.souq.commerce.ledger.api.Operations;
import com.souq.commerce.order.api.RefundId;
import com.souq.commerce.order.api.VendorOrderId;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import tools.jackson.databind.JsonNode;

/**
 * Refunds of one vendor's share over HTTP. Cairo Parts (plan 8 %, spare-parts 6 %): brake pads 2 × 350.00 and a seat
 * cover 150.00, no shipping fee, VAT 14 %: share 969.00; commission 54.00, VAT on it 7.56, payable 907.44.
 *
 * <p>Rounding rule: commission and tax come back in proportion of the refunds' running total R to the share (969.00),
 * rounded half-even; the payable gives back the rest. By hand:
 * <pre>
 * refund 1, one brake pad: 350.00 + VAT 98.00 × 1/2 = 399.00 to the card (sandbox)
 *   commission 54.00 × 399/969 = 22.2353 → 22.24; VAT 7.56 × 399/969 = 3.1129 → 3.11; payable 399.00 − 25.35 = 373.65
 * refund 2, 300.00 to the wallet (running total 699.00; its twin for the same remainder is refused)
 *   commission 54.00 × 699/969 = 38.9536 → 38.95 − 22.24 = 16.71; VAT 7.56 × 699/969 = 5.4535 → 5.45 − 3.11 = 2.34;
 *   payable 300.00 − 19.05 = 280.95
 * the vendor rejects the share: the rest, 270.00, is refunded to the card automatically
 *   commission 54.00 − 38.95 = 15.05; VAT 7.56 − 5.45 = 2.11; payable 907.44 − 373.65 − 280.95 = 252.84
 * at the end: gateway-clearing:sandbox 969.00 − 399.00 − 270.00 = 300.00 (debit), customer-wallet 300.00 (credit),
 *   the vendor's payable, commission, tax and refunds clearing all 0; the customer's wallet holds 300.00
 * </pre>
 */
@EngineIntegrationTest
class RefundFlowTest {

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
    void partialRefundsToCardAndWalletARaceForTheRemainderAndTheAutomaticRefundOfARejection() throws Exception {
        String cairo = story.vendor("Cairo Parts", Map.of("defaultRate", 800, "categoryRates",
                Map.of("spare-parts", 600)));
        String pads = story.published(cairo, "spare-parts", "Brake pads", 350_00);
        story.addToCart(pads, 2);
        story.addToCart(story.published(cairo, "car-accessories", "Seat cover", 150_00), 1);
        String orderId = story.checkout(Map.of("provider", "SANDBOX", "method", "approve"));
        String share = share(orderId, cairo);

        String first = story.refundRequested(share, Map.of("lines", List.of(Map.of("listingId", pads,
                "quantity", 1)), "reason", "One pad was cracked"));
        Reply approved = story.approveRefund(share, cairo, first);
        assertThat(approved.status()).as(approved.toString()).isEqualTo(202);
        JsonNode refunded = story.awaitRefund(first, "REFUNDED");
        assertThat(refunded.get("amount").get("minorUnits").asLong()).isEqualTo(399_00);
        assertThat(refunded.get("destination").asString()).isEqualTo("ORIGINAL_PAYMENT");
        assertThat(refunded.get("providerReference").asString()).isEqualTo("sandbox_refund_" + first);
        assertThat(lines(story.awaitEntry(orderId, Operations.refundReversal(RefundId.of(first))))).containsExactly(
                line("vendor-payable:" + cairo, 373_65, 0),
                line("platform-commission", 22_24, 0),
                line("tax-payable:EG", 3_11, 0),
                line("refunds-clearing", 0, 399_00));
        assertThat(lines(story.awaitEntry(orderId, Operations.refund(RefundId.of(first))))).containsExactly(
                line("refunds-clearing", 399_00, 0),
                line("gateway-clearing:sandbox", 0, 399_00));

        Reply tooMuch = story.requestRefund(share, Map.of("amount", Map.of("minorUnits", 570_01, "currency", "EGP"),
                "reason", "everything"));
        assertThat(tooMuch.status()).as(tooMuch.toString()).isEqualTo(409);
        assertThat(tooMuch.json().get("code").asString()).isEqualTo("REFUND_EXCEEDS_CAPTURED");
        Reply otherCurrency = story.requestRefund(share, Map.of("amount", Map.of("minorUnits", 10_00,
                "currency", "SAR"), "reason", "wrong"));
        assertThat(otherCurrency.status()).as(otherCurrency.toString()).isEqualTo(422);

        Map<String, Object> toWallet = Map.of("amount", Map.of("minorUnits", 300_00, "currency", "EGP"),
                "destination", "CUSTOMER_WALLET", "reason", "Late delivery");
        String twinA = story.refundRequested(share, toWallet);
        String twinB = story.refundRequested(share, toWallet);
        List<Reply> race = approveTogether(share, cairo, twinA, twinB);
        assertThat(race).extracting(Reply::status).containsExactlyInAnyOrder(202, 409);
        Reply loser = race.stream().filter(reply -> reply.status() == 409).findFirst().orElseThrow();
        assertThat(loser.json().get("code").asString()).isEqualTo("REFUND_EXCEEDS_CAPTURED");
        String winner = race.get(0).status() == 202 ? twinA : twinB;
        String lost = winner.equals(twinA) ? twinB : twinA;
        story.awaitRefund(winner, "REFUNDED");
        assertThat(lines(story.awaitEntry(orderId, Operations.refundReversal(RefundId.of(winner))))).containsExactly(
                line("vendor-payable:" + cairo, 280_95, 0),
                line("platform-commission", 16_71, 0),
                line("tax-payable:EG", 2_34, 0),
                line("refunds-clearing", 0, 300_00));
        assertThat(lines(story.awaitEntry(orderId, Operations.refund(RefundId.of(winner))))).containsExactly(
                line("refunds-clearing", 300_00, 0),
                line("customer-wallet:" + story.customerSubject, 0, 300_00));
        await().atMost(EVENTUALLY).until(() -> story.walletBalance(story.customer) == 300_00);
        JsonNode wallet = story.api.get("/api/v1/wallets/me?currency=EGP", story.customer).json();
        assertThat(wallet.get("statement").get("items").get(0).get("transactionId").asString())
                .isEqualTo(JournalEntryId.forOperation(Operations.refund(RefundId.of(winner))).value());

        story.act(share, cairo, "rejection", Map.of("reason", "Out of this grade"));
        String automatic = RefundId.forWithdrawal(VendorOrderId.of(share)).value();
        JsonNode rest = story.awaitRefund(automatic, "REFUNDED");
        assertThat(rest.get("automatic").asBoolean()).isTrue();
        assertThat(rest.get("amount").get("minorUnits").asLong()).isEqualTo(270_00);
        assertThat(lines(story.awaitEntry(orderId, Operations.shareReversal(VendorOrderId.of(share)))))
                .containsExactly(
                        line("vendor-payable:" + cairo, 252_84, 0),
                        line("platform-commission", 15_05, 0),
                        line("tax-payable:EG", 2_11, 0),
                        line("refunds-clearing", 0, 270_00));
        story.awaitEntry(orderId, Operations.refund(RefundId.of(automatic)));
        assertThat(story.awaitRefund(lost, "REJECTED").get("rejectionReason").asString())
                .startsWith("The whole vendor order is refunded");

        assertThat(story.orderBalances(orderId)).containsExactlyInAnyOrderEntriesOf(Map.of(
                "gateway-clearing:sandbox", 300_00L,
                "customer-wallet:" + story.customerSubject, -300_00L));
        assertThat(story.entries(orderId)).hasSize(7);
        story.assertTrialBalanceIsZero();

        JsonNode order = story.api.get("/api/v1/orders/" + orderId, story.customer).json();
        assertThat(order.get("refunds")).hasSize(4);
        Reply again = story.approveRefund(share, cairo, first);
        assertThat(again.status()).as("approving again changes nothing").isEqualTo(202);
        assertThat(story.entries(orderId)).hasSize(7);
    }

    @Test
    void onlyTheCustomerAsksAndOnlyItsVendorDecides() {
        String cairo = story.vendor("Cairo Parts", Map.of("defaultRate", 800));
        String other = story.vendor("Other Parts", Map.of("defaultRate", 800));
        story.addToCart(story.published(cairo, "spare-parts", "Brake pads", 350_00), 1);
        String orderId = story.checkout(Map.of("provider", "SANDBOX", "method", "approve"));
        String share = share(orderId, cairo);
        story.awaitShare(share);
        Map<String, Object> tenPounds = Map.of("amount", Map.of("minorUnits", 10_00, "currency", "EGP"),
                "reason", "scratch");

        String stranger = story.api.token("customer-" + UUID.randomUUID(), "CUSTOMER");
        Reply notYours = story.api.post("/api/v1/vendor-orders/" + share + "/refunds", stranger, tenPounds,
                Map.of("Idempotency-Key", UUID.randomUUID().toString()));
        assertThat(notYours.status()).as(notYours.toString()).isEqualTo(403);
        Reply noKey = story.api.post("/api/v1/vendor-orders/" + share + "/refunds", story.customer, tenPounds);
        assertThat(noKey.status()).as(noKey.toString()).isEqualTo(400);
        Reply vendorAsks = story.api.post("/api/v1/vendor-orders/" + share + "/refunds", story.vendors.staffOf(cairo),
                tenPounds, Map.of("Idempotency-Key", UUID.randomUUID().toString()));
        assertThat(vendorAsks.status()).isEqualTo(403);

        String key = UUID.randomUUID().toString();
        Reply asked = story.api.post("/api/v1/vendor-orders/" + share + "/refunds", story.customer, tenPounds,
                Map.of("Idempotency-Key", key));
        Reply repeated = story.api.post("/api/v1/vendor-orders/" + share + "/refunds", story.customer, tenPounds,
                Map.of("Idempotency-Key", key));
        assertThat(asked.status()).isEqualTo(201);
        assertThat(repeated.json().get("refundId").asString()).isEqualTo(asked.json().get("refundId").asString());
        String refundId = asked.json().get("refundId").asString();

        Reply otherVendor = story.approveRefund(share, other, refundId);
        assertThat(otherVendor.status()).as(otherVendor.toString()).isEqualTo(403);
        Reply unknown = story.approveRefund(share, cairo, UUID.randomUUID().toString());
        assertThat(unknown.status()).as(unknown.toString()).isEqualTo(404);
        Reply declined = story.api.post("/api/v1/vendor-orders/" + share + "/refunds/" + refundId + "/rejection",
                story.vendors.staffOf(cairo), Map.of("reason", "No scratch in the photos"),
                Map.of("Idempotency-Key", UUID.randomUUID().toString()));
        assertThat(declined.status()).as(declined.toString()).isEqualTo(202);
        Reply approveDeclined = story.approveRefund(share, cairo, refundId);
        assertThat(approveDeclined.status()).isEqualTo(409);
        assertThat(story.awaitRefund(refundId, "REJECTED").get("decidedBy").asString()).isNotBlank();

        assertThat(story.api.get("/api/v1/refunds/" + refundId, stranger).status()).isEqualTo(404);
        assertThat(story.api.get("/api/v1/refunds/" + refundId, story.vendors.staffOf(cairo)).status()).isEqualTo(200);
        assertThat(story.api.get("/api/v1/orders/" + orderId + "/refunds", stranger).status()).isEqualTo(403);
        Reply vendorList = story.api.get("/api/v1/vendors/" + cairo + "/refunds?status=REJECTED",
                story.vendors.staffOf(cairo));
        assertThat(vendorList.status()).as(vendorList.toString()).isEqualTo(200);
        assertThat(vendorList.json().get("totalItems").asLong()).isEqualTo(1);
        assertThat(story.api.get("/api/v1/vendors/" + cairo + "/refunds", story.vendors.staffOf(other)).status())
                .isEqualTo(403);
        assertThat(story.entries(orderId)).hasSize(1);
    }

    private List<Reply> approveTogether(String share, String vendorId, String... refundIds) throws Exception {
        CountDownLatch start = new CountDownLatch(1);
        List<CompletableFuture<Reply>> approvals = new ArrayList<>();
        for (String refundId : refundIds) {
            approvals.add(CompletableFuture.supplyAsync(() -> {
                try {
                    start.await();
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
                return story.approveRefund(share, vendorId, refundId);
            }));
        }
        start.countDown();
        List<Reply> replies = new ArrayList<>();
        for (CompletableFuture<Reply> approval : approvals) {
            replies.add(approval.get());
        }
        return replies;
    }
}
