package com.souq.commerce.engine.audit;

import static org.assertj.core.api.Assertions.assertThat;

import com.souq.commerce.engine.support.Api;
import com.souq.commerce.engine.support.Api.Reply;
import com.souq.commerce.engine.support.EngineIntegrationTest;
import com.souq.commerce.engine.support.Problems;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.TreeMap;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import tools.jackson.databind.JsonNode;

/**
 * Balances and the trial balance as of an instant are replayed from the event store, not read from today's
 * projection: taken at an instant T between two postings, they equal what the projection showed at T, while the
 * projection has moved on since.
 */
@EngineIntegrationTest
class LedgerAsOfTest {

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
        auditor = api.token("auditor-as-of", "AUDITOR");
    }

    @Test
    void theLedgerReplayedAsOfAnInstantBetweenTwoPostingsEqualsTheProjectionAtThatInstant() {
        String vendor = shop.vendor("As-of Parts", 800, Map.of("spare-parts", 600));
        String pads = shop.listing(vendor, "spare-parts", "Brake pads", 350_00);
        String customer = api.token("customer-" + UUID.randomUUID(), "CUSTOMER");
        shop.addToCart(customer, pads, 2);
        String first = shop.checkoutPaid(customer, "as-of-first-" + UUID.randomUUID());
        shop.awaitEntries(first, 1);

        Snapshot atT = quietSnapshot();
        String payable = "vendor-payable:" + vendor;
        assertThat(atT.accounts().get(payable + "/EGP")).as("the first posting is projected")
                .isEqualTo(new Balance(0, 750_12, -750_12));

        shop.addToCart(customer, pads, 1);
        String second = shop.checkoutPaid(customer, "as-of-second-" + UUID.randomUUID());
        shop.awaitEntries(second, 1);
        assertThat(projection().accounts().get(payable + "/EGP").credit())
                .as("the projection moved on").isEqualTo(750_12 + 375_06);

        Reply replayed = api.get("/api/v1/audit/trial-balance?size=1&asOf=" + atT.instant(), auditor);
        assertThat(replayed.status()).as(replayed.toString()).isEqualTo(200);
        JsonNode trial = replayed.json();
        assertThat(trial.get("replayedEvents").asLong()).isEqualTo(atT.entries());
        assertThat(trial.get("balanced").asBoolean()).isTrue();
        assertThat(allAccounts("/api/v1/audit/trial-balance?asOf=" + atT.instant() + "&"))
                .isEqualTo(atT.accounts());
        System.out.printf("Ledger as of T: replayed %d journal entries in %.1f ms (%.0f events/s)%n",
                trial.get("replayedEvents").asLong(), trial.get("replayMillis").asDouble(),
                trial.get("replayedEvents").asLong() * 1000.0 / Math.max(0.001, trial.get("replayMillis").asDouble()));

        JsonNode balanceAtT = api.get("/api/v1/audit/accounts/balance?account=" + payable + "&asOf=" + atT.instant(),
                auditor).json();
        assertThat(balanceAtT.get("balances").get(0).get("balance").get("minorUnits").asLong())
                .isEqualTo(-750_12);
        assertThat(balanceAtT.get("balances").get(0).get("balanceInNormalDirection").get("minorUnits").asLong())
                .isEqualTo(750_12);
        JsonNode balanceNow = api.get("/api/v1/audit/accounts/balance?account=" + payable + "&asOf="
                + Instant.now(), auditor).json();
        assertThat(balanceNow.get("balances").get(0).get("balance").get("minorUnits").asLong())
                .isEqualTo(-(750_12 + 375_06));
        JsonNode before = api.get("/api/v1/audit/accounts/balance?account=" + payable + "&asOf=2020-01-01",
                auditor).json();
        assertThat(before.get("balances")).isEmpty();
    }

    @Test
    void asOfQueriesRefuseWhatIsNotAnInstantOrAnAccount() {
        Problems.assertInvalidField(api.get("/api/v1/audit/accounts/balance?account=vendor-payable:x&asOf=2026-01-01",
                auditor), "account");
        Problems.assertInvalidField(api.get("/api/v1/audit/accounts/balance?account=platform-commission&asOf=yesterday",
                auditor), "asOf");
        Problems.assertInvalidField(api.get("/api/v1/audit/accounts/balance?account=platform-commission", auditor),
                "asOf");
        Problems.assertInvalidField(api.get("/api/v1/audit/trial-balance?asOf=2026-13-01", auditor), "asOf");
        Problems.assertProblem(api.get("/api/v1/audit/trial-balance", api.token("analyst-as-of", "ANALYST")), 403,
                "FORBIDDEN");
        Problems.assertProblem(api.get("/api/v1/audit/trial-balance", null), 401, "UNAUTHENTICATED");
        assertThat(api.get("/api/v1/audit/trial-balance", api.token("admin-as-of", "ADMIN")).status()).isEqualTo(200);
    }

    private record Balance(long debit, long credit, long balance) {
    }

    private record Snapshot(Instant instant, long entries, Map<String, Balance> accounts) {
    }

    /**
     * The projection read while no journal entry is being posted: every entry of the store is projected before and
     * after the read, and none is recorded up to T after it.
     */
    private Snapshot quietSnapshot() {
        Instant deadline = Instant.now().plus(Shop.EVENTUALLY);
        while (Instant.now().isBefore(deadline)) {
            long stored = storedEntries(Instant.now().plusSeconds(3600));
            if (projectedEntries() == stored) {
                Snapshot read = projection();
                sleep(5);
                Instant instant = Instant.now();
                sleep(5);
                if (projectedEntries() == stored && storedEntries(instant) == stored) {
                    return new Snapshot(instant, stored, read.accounts());
                }
            }
            sleep(50);
        }
        throw new AssertionError("The ledger never stood still for a moment");
    }

    private Snapshot projection() {
        return new Snapshot(null, 0, allAccounts("/api/v1/ledger/trial-balance?"));
    }

    /** Every account of a trial balance, page after page. */
    private Map<String, Balance> allAccounts(String path) {
        Map<String, Balance> accounts = new TreeMap<>();
        for (int page = 0; ; page++) {
            Reply reply = api.get(path + "page=" + page + "&size=500", auditor);
            assertThat(reply.status()).as(reply.toString()).isEqualTo(200);
            JsonNode items = reply.json().get("accounts");
            items.get("items").forEach(account -> accounts.put(
                    account.get("account").asString() + "/" + account.get("balance").get("currency").asString(),
                    new Balance(account.get("debits").get("minorUnits").asLong(),
                            account.get("credits").get("minorUnits").asLong(),
                            account.get("balance").get("minorUnits").asLong())));
            if (page + 1 >= items.get("totalPages").asInt()) {
                return accounts;
            }
        }
    }

    private long projectedEntries() {
        return jdbc.sql("SELECT count(*) FROM journal_entries").query(Long.class).single();
    }

    private long storedEntries(Instant upTo) {
        return jdbc.sql("""
                        SELECT count(*) FROM domainevententry
                         WHERE payloadtype = 'com.souq.commerce.ledger.api.JournalEntryPostedEvent'
                           AND CAST(timestamp AS timestamptz) <= :upTo""")
                .param("upTo", java.sql.Timestamp.from(upTo)).query(Long.class).single();
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(Duration.ofMillis(millis));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
