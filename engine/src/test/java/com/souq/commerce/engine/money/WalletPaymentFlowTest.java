package com.souq.commerce.engine.money;

import static com.souq.commerce.engine.money.MoneyStory.EVENTUALLY;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.souq.commerce.engine.support.Api.Reply;
import com.souq.commerce.engine.support.Api;
import com.souq.commerce.engine.support.EngineIntegrationTest;
import com.souq.commerce.engine.support.Journal;
import com.souq.commerce.engine.support.Problems;
import com.souq.commerce.ledger.api.JournalEntryId;
import com.souq.commerce.ledger.api.Operations;
import com.souq.commerce.wallet.api.TopUpId;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import tools.jackson.databind.JsonNode;

/**
 * A customer's wallet over HTTP: topped up through the sandbox (a decline deposits nothing), then spent at checkout.
 * After each step the wallet equals its ledger account and the trial balance is zero.
 */
@EngineIntegrationTest
class WalletPaymentFlowTest {

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
    void aCustomerTopsUpTheWalletOnceAndADeclinedTopUpDepositsNothing() {
        String key = UUID.randomUUID().toString();
        Reply accepted = topUp(1_000_00, "approve", key);
        assertThat(accepted.status()).as(accepted.toString()).isEqualTo(202);
        String topUpId = accepted.json().get("topUpId").asString();
        Reply repeated = topUp(1_000_00, "approve", key);
        assertThat(repeated.json().get("topUpId").asString()).as("the same key answers the first top-up")
                .isEqualTo(topUpId);
        await().atMost(EVENTUALLY).until(() -> story.walletBalance(story.customer) == 1_000_00);

        String declined = topUp(250_00, "decline", UUID.randomUUID().toString()).json().get("topUpId").asString();
        String walletId = accepted.json().get("walletId").asString();
        await().atMost(EVENTUALLY).until(() -> story.journal.events(walletId).contains("TopUpFailedEvent"));

        JsonNode wallet = story.api.get("/api/v1/wallets/me?currency=EGP", story.customer).json();
        assertThat(wallet.get("balance").get("minorUnits").asLong()).isEqualTo(1_000_00);
        JsonNode statement = wallet.get("statement");
        assertThat(statement.get("totalItems").asLong()).as("one deposit, nothing for the decline").isEqualTo(1);
        JsonNode deposit = statement.get("items").get(0);
        assertThat(deposit.get("type").asString()).isEqualTo("DEPOSIT");
        assertThat(deposit.get("reference").asString()).isEqualTo(Operations.topUp(TopUpId.of(topUpId)));
        assertThat(deposit.get("transactionId").asString())
                .isEqualTo(JournalEntryId.forOperation(Operations.topUp(TopUpId.of(topUpId))).value());
        assertThat(story.journal.count(walletId, "WalletDepositedEvent")).isEqualTo(1);
        awaitWalletEqualsLedger(1_000_00);
        assertThat(entryCount(Operations.topUp(TopUpId.of(topUpId)))).isEqualTo(1);
        assertThat(entryCount(Operations.topUp(TopUpId.of(declined)))).isZero();
        assertThat(clearing(Operations.topUp(TopUpId.of(topUpId)))).isEqualTo(1_000_00);
        story.assertTrialBalanceIsZero();
    }

    @Test
    void aTopUpNeedsAKeyAPositiveAmountAndAMethodThatChargesAtOnce() {
        Reply noKey = story.api.post("/api/v1/wallets/me/top-ups", story.customer, body(100_00, "approve"));
        assertThat(noKey.status()).as(noKey.toString()).isEqualTo(400);
        Reply zero = problems.writesNothing(() -> topUp(0, "approve", UUID.randomUUID().toString()));
        Problems.assertInvalidField(zero, "amount.minorUnits");
        Reply extraStep = problems.writesNothing(() -> topUp(100_00, "requires-action",
                UUID.randomUUID().toString()));
        Problems.assertProblem(extraStep, 422, "TOP_UP_METHOD_NOT_AVAILABLE");
        Reply vendor = story.api.post("/api/v1/wallets/me/top-ups", story.auditor, body(100_00, "approve"),
                Map.of("Idempotency-Key", UUID.randomUUID().toString()));
        assertThat(vendor.status()).isEqualTo(403);
    }

    @Test
    void aTwoVendorOrderIsPaidPartlyFromTheWalletAndTheRestByCard() {
        awaitToppedUp(1_000_00);
        String cairo = story.vendor("Cairo Parts", Map.of("defaultRate", 1_000));
        String giza = story.vendor("Giza Tyres", Map.of("defaultRate", 800));
        story.addToCart(story.published(cairo, "spare-parts", "Brake pads", 350_00), 2);
        story.addToCart(story.published(giza, "tyres-and-wheels", "Tyre", 1_250_00), 1);
        String orderId = story.checkout(Map.of("provider", "SANDBOX", "method", "approve",
                "fromWallet", Map.of("minorUnits", 300_00, "currency", "EGP")));

        JsonNode payment = story.api.get("/api/v1/orders/" + orderId + "/payment", story.customer).json();
        long total = payment.get("amount").get("minorUnits").asLong();
        assertThat(payment.get("status").asString()).isEqualTo("CAPTURED");
        assertThat(payment.get("captured").get("minorUnits").asLong()).isEqualTo(total);
        assertThat(payment.get("fromWallet").get("minorUnits").asLong()).isEqualTo(300_00);
        await().atMost(EVENTUALLY).until(() -> story.walletBalance(story.customer) == 700_00);
        JsonNode statement = story.api.get("/api/v1/wallets/me?currency=EGP", story.customer).json()
                .get("statement").get("items");
        assertThat(statement.get(0).get("type").asString()).isEqualTo("CAPTURE");
        assertThat(statement.get(0).get("amount").get("minorUnits").asLong()).isEqualTo(300_00);
        assertThat(statement.get(1).get("type").asString()).isEqualTo("HOLD");
        assertThat(statement.get(1).get("amount").get("minorUnits").asLong()).isEqualTo(300_00);

        String cairoShare = MoneyStory.share(orderId, cairo);
        String gizaShare = MoneyStory.share(orderId, giza);
        String paymentId = payment.get("paymentId").asString();
        story.awaitEntry(orderId, "capture:" + paymentId + "/" + cairoShare);
        story.awaitEntry(orderId, "capture:" + paymentId + "/" + gizaShare);
        Map<String, Long> moved = story.orderBalances(orderId);
        assertThat(moved.get("customer-wallet:" + story.customerSubject)).as(moved.toString()).isEqualTo(300_00);
        assertThat(moved.get("gateway-clearing:sandbox")).as(moved.toString()).isEqualTo(total - 300_00);
        assertThat(moved.values().stream().mapToLong(Long::longValue).sum()).isZero();
        awaitWalletEqualsLedger(700_00);
        story.assertTrialBalanceIsZero();
        assertReconciled(paymentId);
    }

    @Test
    void theWalletAlonePaysAnOrderItCoversAndAnOrderItDoesNotCoverIsRefused() {
        awaitToppedUp(1_000_00);
        String cairo = story.vendor("Cairo Parts", Map.of("defaultRate", 1_000));
        String pads = story.published(cairo, "spare-parts", "Brake pads", 350_00);
        story.addToCart(pads, 3);
        Reply refused = problems.writesNothing(() -> story.api.post("/api/v1/cart/checkout", story.customer,
                Map.of("address", MoneyStory.HELIOPOLIS, "payment", Map.of("provider", "WALLET", "method", "wallet")),
                Map.of("Idempotency-Key", UUID.randomUUID().toString())));
        Problems.assertProblem(refused, 409, "INSUFFICIENT_FUNDS");
        assertThat(available()).as("nothing held").isEqualTo(1_000_00);
        Reply tooMuch = problems.writesNothing(() -> story.api.post("/api/v1/cart/checkout", story.customer,
                Map.of("address", MoneyStory.HELIOPOLIS, "payment", Map.of("provider", "SANDBOX", "method",
                        "approve", "fromWallet", Map.of("minorUnits", 1_000_01, "currency", "EGP"))),
                Map.of("Idempotency-Key", UUID.randomUUID().toString())));
        Problems.assertProblem(tooMuch, 409, "INSUFFICIENT_FUNDS");

        Reply fewer = story.api.put("/api/v1/cart/lines/" + pads, story.customer, Map.of("quantity", 2),
                Map.of());
        assertThat(fewer.status()).as(fewer.toString()).isEqualTo(202);
        String orderId = story.checkout(Map.of("provider", "WALLET", "method", "wallet"));
        JsonNode payment = story.api.get("/api/v1/orders/" + orderId + "/payment", story.customer).json();
        long total = payment.get("captured").get("minorUnits").asLong();
        assertThat(payment.get("provider").asString()).isEqualTo("WALLET");
        assertThat(payment.get("fromWallet").get("minorUnits").asLong()).isEqualTo(total);
        assertThat(total).isLessThan(1_000_00);
        await().atMost(EVENTUALLY).until(() -> story.walletBalance(story.customer) == 1_000_00 - total);
        String share = MoneyStory.share(orderId, cairo);
        story.awaitEntry(orderId, "capture:" + payment.get("paymentId").asString() + "/" + share);
        assertThat(story.orderBalances(orderId)).doesNotContainKey("gateway-clearing:wallet")
                .containsEntry("customer-wallet:" + story.customerSubject, total);
        awaitWalletEqualsLedger(1_000_00 - total);
        story.assertTrialBalanceIsZero();
        assertReconciled(payment.get("paymentId").asString());
    }

    @Test
    void aCancelledOrderGivesTheWalletsHoldBack() {
        awaitToppedUp(1_000_00);
        String cairo = story.vendor("Cairo Parts", Map.of("defaultRate", 1_000));
        story.addToCart(story.published(cairo, "spare-parts", "Brake pads", 350_00), 1);
        Reply placed = story.api.post("/api/v1/cart/checkout", story.customer, Map.of("address",
                        MoneyStory.HELIOPOLIS, "payment", Map.of("provider", "SANDBOX", "method", "requires-action",
                                "fromWallet", Map.of("minorUnits", 200_00, "currency", "EGP"))),
                Map.of("Idempotency-Key", UUID.randomUUID().toString()));
        assertThat(placed.status()).as(placed.toString()).isEqualTo(201);
        String orderId = placed.json().get("orderId").asString();
        await().atMost(EVENTUALLY).until(() -> available() == 800_00);
        Reply cancelled = story.api.post("/api/v1/orders/" + orderId + "/cancellation", story.customer,
                Map.of("reason", "Changed my mind"));
        assertThat(cancelled.status()).as(cancelled.toString()).isEqualTo(202);
        await().atMost(EVENTUALLY).until(() -> available() == 1_000_00);
        assertThat(story.walletBalance(story.customer)).isEqualTo(1_000_00);
        awaitWalletEqualsLedger(1_000_00);
        story.assertTrialBalanceIsZero();
    }

    private Reply topUp(long amount, String method, String key) {
        return story.api.post("/api/v1/wallets/me/top-ups", story.customer, body(amount, method),
                Map.of("Idempotency-Key", key));
    }

    private void awaitToppedUp(long amount) {
        Reply accepted = topUp(amount, "approve", UUID.randomUUID().toString());
        assertThat(accepted.status()).as(accepted.toString()).isEqualTo(202);
        await().atMost(EVENTUALLY).until(() -> story.walletBalance(story.customer) == amount);
    }

    private long available() {
        return story.api.get("/api/v1/wallets/me?currency=EGP", story.customer).json().get("available")
                .get("minorUnits").asLong();
    }

    /** The reconciliation finds nothing wrong with this customer's wallet or this payment. */
    private void assertReconciled(String paymentId) {
        await().atMost(EVENTUALLY).untilAsserted(() -> {
            Reply report = story.api.get("/api/v1/audit/reconciliation?size=500", story.auditor);
            assertThat(report.status()).as(report.toString()).isEqualTo(200);
            report.json().get("mismatches").get("items").forEach(mismatch -> {
                assertThat(mismatch.path("account").asString("")).as(mismatch.toString())
                        .doesNotContain(story.customerSubject);
                assertThat(mismatch.get("subject").asString()).as(mismatch.toString()).isNotEqualTo(paymentId);
            });
        });
    }

    private static Map<String, Object> body(long amount, String method) {
        return Map.of("amount", Map.of("minorUnits", amount, "currency", "EGP"),
                "payment", Map.of("provider", "SANDBOX", "method", method));
    }

    /** The customer's wallet balance equals the credit balance of its ledger account, once both caught up. */
    private void awaitWalletEqualsLedger(long expected) {
        await().atMost(EVENTUALLY).until(() -> ledgerWallet() == expected);
        assertThat(story.walletBalance(story.customer)).isEqualTo(ledgerWallet());
    }

    private long ledgerWallet() {
        Long balance = jdbc.sql("""
                        SELECT coalesce(sum(credit_minor) - sum(debit_minor), 0) FROM journal_lines
                         WHERE account = :account""")
                .param("account", "customer-wallet:" + story.customerSubject)
                .query(Long.class).single();
        return balance;
    }

    private long entryCount(String operation) {
        return jdbc.sql("SELECT count(*) FROM journal_entries WHERE operation = :operation")
                .param("operation", operation).query(Long.class).single();
    }

    private long clearing(String operation) {
        return jdbc.sql("""
                        SELECT coalesce(sum(debit_minor) - sum(credit_minor), 0) FROM journal_lines
                         WHERE operation = :operation AND account = 'gateway-clearing:sandbox'""")
                .param("operation", operation).query(Long.class).single();
    }
}
