package com.souq.commerce.engine.audit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.souq.commerce.engine.support.Api;
import com.souq.commerce.engine.support.Api.Reply;
import com.souq.commerce.engine.support.EngineIntegrationTest;
import com.souq.commerce.engine.support.Problems;
import com.souq.commerce.ledger.api.JournalEntryId;
import com.souq.commerce.ledger.api.Operations;
import com.souq.commerce.order.api.OrderId;
import com.souq.commerce.order.api.VendorOrderId;
import com.souq.commerce.payment.api.PaymentId;
import java.time.Instant;
import java.util.ArrayList;
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
 * What an auditor reads of a vendor's money over HTTP: the statement of its payable with running balances (JSON and
 * CSV), the reconciliation report (which names a wallet or payment whose projection is broken on purpose), the event
 * history of an order and of everything its checkout caused, and a proposed commission plan run over its captures.
 *
 * <p>Figures (EG, VAT 14 %, plan 8 %, spare-parts 6 %): brake pads 2 x 350.00 and a seat cover 150.00 → share 969.00,
 * commission 42.00 + 12.00 = 54.00, VAT on it 7.56, payable 907.44, released to the wallet after the return window;
 * a second order of one seat cover 150.00 → share 171.00, commission 12.00, VAT 1.68, payable 157.32, rejected and
 * reversed into refunds clearing.
 */
@EngineIntegrationTest
class AuditTrailTest {

    @LocalServerPort
    int port;

    @Autowired
    JdbcClient jdbc;

    Api api;
    Shop shop;
    String auditor;

    @BeforeEach
    void setUp() {
        api = new Api(port);
        shop = new Shop(api, jdbc);
        auditor = api.token("auditor-trail", "AUDITOR");
    }

    @Test
    void anAuditorFollowsAVendorsMoneyReconcilesItAndReplaysItsHistory() {
        String vendor = shop.vendor("Trail Parts", 800, Map.of("spare-parts", 600));
        String pads = shop.listing(vendor, "spare-parts", "Brake pads", 350_00);
        String cover = shop.listing(vendor, "car-accessories", "Seat cover", 150_00);
        String customerSubject = "customer-" + UUID.randomUUID();
        String customer = api.token(customerSubject, "CUSTOMER");
        Instant start = Instant.now();
        shop.addToCart(customer, pads, 2);
        shop.addToCart(customer, cover, 1);
        String checkout = "trail-checkout-" + UUID.randomUUID();
        String delivered = shop.checkoutPaid(customer, checkout);
        shop.addToCart(customer, cover, 1);
        String rejected = shop.checkoutPaid(customer, "trail-second-" + UUID.randomUUID());
        String deliveredShare = Shop.share(delivered, vendor);
        String rejectedShare = Shop.share(rejected, vendor);
        shop.act(deliveredShare, vendor, "acceptance", null);
        shop.act(deliveredShare, vendor, "shipment", Map.of("carrier", "Aramex", "trackingReference", "AWB-1"));
        shop.act(deliveredShare, vendor, "delivery", null);
        shop.act(rejectedShare, vendor, "rejection", Map.of("reason", "Out of stock"));
        shop.awaitEntries(delivered, 2);
        shop.awaitEntries(rejected, 2);
        String walletId = awaitWallet(vendor, 907_44);

        // the payable's statement: capture, capture, reversal, release, with running balances
        String payable = "vendor-payable:" + vendor;
        Reply statement = api.get("/api/v1/audit/accounts/statement?account=" + payable + "&currency=EGP", auditor);
        assertThat(statement.status()).as(statement.toString()).isEqualTo(200);
        List<String> operations = new ArrayList<>();
        List<Long> running = new ArrayList<>();
        statement.json().get("lines").get("items").forEach(line -> {
            operations.add(line.get("operation").asString().replaceAll(":.*", ""));
            running.add(line.get("balanceInNormalDirection").get("minorUnits").asLong());
        });
        assertThat(operations).containsExactlyInAnyOrder("capture", "capture", "reversal", "release");
        assertThat(running.getLast()).isZero();
        assertThat(statement.json().get("opening").get("minorUnits").asLong()).isZero();
        assertThat(statement.json().get("closing").get("minorUnits").asLong()).isZero();
        Reply firstLine = api.get("/api/v1/audit/accounts/statement?account=" + payable
                + "&currency=EGP&page=0&size=1", auditor);
        assertThat(firstLine.json().get("lines").get("totalItems").asLong()).isEqualTo(4);
        assertThat(firstLine.json().get("lines").get("items")).hasSize(1);
        Reply later = api.get("/api/v1/audit/accounts/statement?account=" + payable + "&currency=EGP&page=1&size=2",
                auditor);
        assertThat(later.json().get("lines").get("items").get(1).get("balance").get("minorUnits").asLong())
                .isZero();
        Reply none = api.get("/api/v1/audit/accounts/statement?account=" + payable + "&currency=EGP&to="
                + start, auditor);
        assertThat(none.json().get("lines").get("totalItems").asLong()).isZero();

        Reply csv = api.get("/api/v1/audit/accounts/statement/csv?account=" + payable + "&currency=EGP", auditor);
        assertThat(csv.status()).as(csv.toString()).isEqualTo(200);
        assertThat(csv.contentType()).startsWith("text/csv");
        assertThat(csv.header("Content-Disposition")).contains("attachment");
        String[] rows = csv.raw().body().split("\n");
        assertThat(rows[0]).startsWith("entry_id,line_no,occurred_at,operation");
        assertThat(rows).hasSize(5);
        List<Long> csvRunning = new ArrayList<>();
        for (int row = 1; row < rows.length; row++) {
            String[] fields = rows[row].split(",");
            csvRunning.add(Long.parseLong(fields[fields.length - 2]));
        }
        assertThat(csvRunning).isEqualTo(running);
        assertThat(rows[4]).contains(JournalEntryId.forOperation(
                Operations.release(VendorOrderId.of(deliveredShare))).value());

        // the reconciliation agrees on this vendor's wallet and payments, then names a wallet broken on purpose
        assertThat(mismatchesAbout(walletId, PaymentId.forOrder(OrderId.of(delivered)).value(), rejectedShare))
                .isEmpty();
        jdbc.sql("UPDATE wallet_balances SET balance_minor = balance_minor + 100, available_minor = available_minor "
                + "+ 100 WHERE wallet_id = :id").param("id", UUID.fromString(walletId)).update();
        try {
            List<JsonNode> broken = mismatchesAbout(walletId);
            assertThat(broken).hasSize(1);
            assertThat(broken.getFirst().get("check").asString()).isEqualTo("WALLET_VS_LEDGER");
            assertThat(broken.getFirst().get("account").asString()).isEqualTo("vendor-wallet:" + vendor);
            assertThat(broken.getFirst().get("expectedMinor").asLong()).isEqualTo(907_44);
            assertThat(broken.getFirst().get("foundMinor").asLong()).isEqualTo(907_44 + 100);
        } finally {
            jdbc.sql("UPDATE wallet_balances SET balance_minor = balance_minor - 100, available_minor = "
                    + "available_minor - 100 WHERE wallet_id = :id").param("id", UUID.fromString(walletId)).update();
        }
        String payment = PaymentId.forOrder(OrderId.of(delivered)).value();
        jdbc.sql("UPDATE payments SET captured_minor = captured_minor - 1 WHERE payment_id = :id")
                .param("id", UUID.fromString(payment)).update();
        try {
            List<JsonNode> broken = mismatchesAbout(payment);
            assertThat(broken).hasSize(1);
            assertThat(broken.getFirst().get("check").asString()).isEqualTo("PAYMENT_VS_JOURNAL");
            assertThat(broken.getFirst().get("expectedMinor").asLong()).isEqualTo(969_00 - 1);
            assertThat(broken.getFirst().get("foundMinor").asLong()).isEqualTo(969_00);
        } finally {
            jdbc.sql("UPDATE payments SET captured_minor = captured_minor + 1 WHERE payment_id = :id")
                    .param("id", UUID.fromString(payment)).update();
        }
        assertThat(mismatchesAbout(walletId, payment)).isEmpty();

        // the order's own events, and everything its checkout caused, each with who and which flow
        Reply history = api.get("/api/v1/audit/aggregates/" + delivered + "/events", auditor);
        assertThat(history.status()).as(history.toString()).isEqualTo(200);
        JsonNode placed = history.json().get("events").get("items").get(0);
        assertThat(placed.get("eventType").asString()).isEqualTo("OrderPlacedEvent");
        assertThat(placed.get("aggregateType").asString()).isEqualTo("Order");
        assertThat(placed.get("subject").asString()).isEqualTo(customerSubject);
        assertThat(placed.get("correlationId").asString()).isEqualTo(checkout);
        assertThat(placed.get("payload").get("customerSubject").asString()).isEqualTo(customerSubject);
        List<String> caused = new ArrayList<>();
        Reply flow = api.get("/api/v1/audit/events?correlationId=" + checkout + "&size=500", auditor);
        assertThat(flow.status()).as(flow.toString()).isEqualTo(200);
        long previous = -1;
        for (JsonNode event : flow.json().get("events").get("items")) {
            caused.add(event.get("eventType").asString());
            assertThat(event.get("correlationId").asString()).isEqualTo(checkout);
            assertThat(event.get("position").asLong()).isGreaterThan(previous);
            previous = event.get("position").asLong();
        }
        assertThat(caused).contains("CartCheckedOutEvent", "OrderPlacedEvent", "StockReservedEvent",
                "PaymentCapturedEvent", "OrderPaidEvent", "VendorOrderCreatedEvent", "JournalEntryPostedEvent");
        Problems.assertProblem(api.get("/api/v1/audit/aggregates/not-an-id/events", auditor), 400,
                "INVALID_IDENTIFIER");
        Problems.assertInvalidField(api.get("/api/v1/audit/events", auditor), "correlationId");

        // the commission at a flat 10 % instead: 85.00 + VAT 11.90 on the delivered share, so 35.34 less paid out;
        // the rejected share was reversed and counts for neither
        Reply whatIf = api.get("/api/v1/audit/what-if/commission?from=" + start + "&to=" + Instant.now()
                + "&defaultRate=1000&vendorId=" + vendor, auditor);
        assertThat(whatIf.status()).as(whatIf.toString()).isEqualTo(200);
        JsonNode vendorFigures = whatIf.json().get("vendors").get(0);
        assertThat(whatIf.json().get("vendors")).hasSize(1);
        assertThat(vendorFigures.get("shares").asLong()).isOne();
        assertThat(vendorFigures.get("reversedShares").asLong()).isOne();
        assertThat(vendorFigures.get("actualCommission").get("minorUnits").asLong()).isEqualTo(54_00);
        assertThat(vendorFigures.get("proposedCommission").get("minorUnits").asLong()).isEqualTo(85_00);
        assertThat(vendorFigures.get("actualPayable").get("minorUnits").asLong()).isEqualTo(907_44);
        assertThat(vendorFigures.get("proposedPayable").get("minorUnits").asLong()).isEqualTo(969_00 - 85_00 - 11_90);
        assertThat(vendorFigures.get("payoutDifference").get("minorUnits").asLong())
                .isEqualTo(969_00 - 85_00 - 11_90 - 907_44);
        assertThat(whatIf.json().get("replayedEvents").asLong()).isPositive();
        Reply cheaperParts = api.get("/api/v1/audit/what-if/commission?from=" + start + "&to=" + Instant.now()
                + "&defaultRate=800&categoryRate=spare-parts:600&categoryRate=car-accessories:800&vendorId="
                + vendor, auditor);
        assertThat(cheaperParts.json().get("vendors").get(0).get("payoutDifference").get("minorUnits").asLong())
                .as("the plan in force, proposed again, changes nothing").isZero();
        Problems.assertInvalidField(api.get("/api/v1/audit/what-if/commission?from=" + Instant.now() + "&to="
                + start + "&defaultRate=1000", auditor), "from");
        Problems.assertInvalidField(api.get("/api/v1/audit/what-if/commission?from=" + start + "&to="
                + Instant.now() + "&defaultRate=10001", auditor), "defaultRate");
        Problems.assertInvalidField(api.get("/api/v1/audit/what-if/commission?from=" + start + "&to="
                + Instant.now() + "&defaultRate=1000&categoryRate=cars", auditor), "categoryRate");
        assertThat(jdbc.sql("SELECT count(*) FROM journal_entries WHERE vendor_id = :vendor")
                .param("vendor", UUID.fromString(vendor)).query(Long.class).single())
                .as("the shadow computation posted nothing").isEqualTo(4);
    }

    @Test
    void theTrialBalanceAsOfAnInstantExportsAsCsvThatSumsToZero() {
        Reply csv = api.get("/api/v1/audit/trial-balance/csv?currency=EGP&asOf=" + Instant.now(), auditor);
        assertThat(csv.status()).as(csv.toString()).isEqualTo(200);
        assertThat(csv.contentType()).startsWith("text/csv");
        String[] rows = csv.raw().body().split("\n");
        assertThat(rows[0]).isEqualTo("account,kind,normal_balance,currency,debit_minor,credit_minor,balance_minor,"
                + "balance_in_normal_direction_minor");
        long sum = 0;
        long debits = 0;
        String total = null;
        for (int row = 1; row < rows.length; row++) {
            String[] fields = rows[row].split(",", -1);
            if (rows[row].startsWith("TOTAL")) {
                total = rows[row];
            } else if (!rows[row].startsWith("#")) {
                sum += Long.parseLong(fields[6]);
                debits += Long.parseLong(fields[4]);
            }
        }
        assertThat(sum).isZero();
        assertThat(total).isEqualTo("TOTAL,,,EGP," + debits + "," + debits + ",0,");
        assertThat(rows[rows.length - 1]).startsWith("# as of ");
        Reply refused = api.get("/api/v1/audit/trial-balance/csv?currency=egp", auditor);
        Problems.assertInvalidField(refused, "currency");
    }

    /** The reconciliation's mismatches whose subject is one of the given ids. */
    private List<JsonNode> mismatchesAbout(String... subjects) {
        List<JsonNode> found = new ArrayList<>();
        for (int page = 0; ; page++) {
            Reply report = api.get("/api/v1/audit/reconciliation?page=" + page + "&size=500", auditor);
            assertThat(report.status()).as(report.toString()).isEqualTo(200);
            JsonNode mismatches = report.json().get("mismatches");
            for (JsonNode mismatch : mismatches.get("items")) {
                if (List.of(subjects).contains(mismatch.get("subject").asString())) {
                    found.add(mismatch);
                }
            }
            if (page + 1 >= mismatches.get("totalPages").asInt()) {
                return found;
            }
        }
    }

    private String awaitWallet(String vendorId, long balance) {
        String staff = shop.staffOf(vendorId);
        await().atMost(Shop.EVENTUALLY).until(() -> api.get("/api/v1/wallets/me?currency=EGP", staff).json()
                .get("balance").get("minorUnits").asLong() == balance);
        await().atMost(Shop.EVENTUALLY).until(() -> jdbc.sql(
                        "SELECT count(*) FROM ledger_accounts WHERE account = :account AND balance_minor = :balance")
                .param("account", "vendor-wallet:" + vendorId).param("balance", -balance).query(Long.class)
                .single() == 1);
        return api.get("/api/v1/wallets/me?currency=EGP", staff).json().get("walletId").asString();
    }
}
