package com.souq.commerce.engine.operations;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.souq.commerce.engine.support.Api;
import com.souq.commerce.engine.support.EngineIntegrationTest;
import com.souq.commerce.engine.support.Problems;
import com.souq.commerce.engine.support.Vendors;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import tools.jackson.databind.JsonNode;

/**
 * Blue-green rebuilds of the PostgreSQL read models through the admin API: the rebuilt tables equal the ones they
 * replaced, a rebuild under concurrent commands ends equal to a fresh projection, queries and the other processors go
 * on meanwhile, and the progress reaches a visible "finished" moment.
 */
@EngineIntegrationTest
class ReadModelRebuildTest {

    private static final Map<String, List<String>> READ_MODELS = Map.ofEntries(
            Map.entry("accounts", List.of("accounts")),
            Map.entry("refunds", List.of("refunds")),
            Map.entry("orders", List.of("orders", "order_lines")),
            Map.entry("vendor-orders", List.of("vendor_orders", "vendor_order_lines")),
            Map.entry("order-timeline", List.of("order_timeline")),
            Map.entry("payments", List.of("payments")),
            Map.entry("carts", List.of("carts", "cart_lines")),
            Map.entry("listings", List.of("listings", "listing_reservations", "listing_vendors")),
            Map.entry("vendors", List.of("vendors")),
            Map.entry("ledger", List.of("journal_entries", "journal_lines", "ledger_accounts")),
            Map.entry("wallets", List.of("wallet_balances", "wallet_movements")));

    @LocalServerPort
    int port;

    @Autowired
    JdbcClient jdbc;

    ProcessorAdmin admin;
    Api api;

    @BeforeEach
    void setUp() {
        admin = new ProcessorAdmin(port, jdbc);
        api = admin.api;
    }

    @Test
    void everyReadModelIsRebuildableAndRebuildsToTheRowsItReplaced() {
        JsonNode overview = api.get("/api/v1/admin/processors", admin.support).json();
        Map<String, List<String>> rebuildable = new ConcurrentHashMap<>();
        overview.path("processors").forEach(processor -> {
            if ("READ_MODEL".equals(processor.path("kind").asString())) {
                List<String> tables = new ArrayList<>();
                processor.path("tables").forEach(table -> tables.add(table.asString()));
                rebuildable.put(processor.path("name").asString(), tables);
            }
        });
        assertThat(rebuildable).isEqualTo(READ_MODELS);

        for (var readModel : READ_MODELS.entrySet()) {
            rebuildsToTheSameRows(readModel.getKey(), readModel.getValue());
        }
        // The trial balance view reads ledger_accounts: it follows the rebuilt table.
        assertThat(jdbc.sql("SELECT count(*) FROM trial_balance").query(Long.class).single())
                .isEqualTo(jdbc.sql("SELECT count(DISTINCT currency) FROM ledger_accounts").query(Long.class)
                        .single());
        assertThat(jdbc.sql("SELECT count(*) FROM pg_namespace WHERE nspname LIKE 'rebuild\\_%' "
                + "OR nspname LIKE 'retired\\_%'").query(Long.class).single()).isZero();
    }

    /**
     * Compares the whole tables before and after, at the same head of the store: if events came in meanwhile (a
     * deadline of another test firing), the comparison runs again.
     */
    private void rebuildsToTheSameRows(String group, List<String> tables) {
        for (int attempt = 1; ; attempt++) {
            awaitQuietStore();
            admin.awaitCaughtUp(group);
            long headBefore = admin.head();
            List<String> before = admin.rows(tables);

            admin.rebuild(group);
            JsonNode finished = admin.awaitRebuildFinished(group);
            admin.awaitCaughtUp(group);

            if (admin.head() == headBefore || attempt == 3) {
                assertThat(admin.rows(tables)).as(group).isEqualTo(before);
                assertThat(finished.path("percent").asDouble()).isEqualTo(100.0);
                assertThat(finished.path("finishedAt").isNull()).isFalse();
                assertThat(finished.path("eventsDone").asLong()).isEqualTo(finished.path("eventsTotal").asLong());
                return;
            }
        }
    }

    @Test
    void rebuildUnderConcurrentCommandsEndsEqualToAFreshProjection() throws Exception {
        Vendors vendors = new Vendors(api);
        String vendorId = vendors.approved("Rebuild Motors " + UUID.randomUUID(), "EG", "EGP");
        String staff = vendors.staffOf(vendorId);
        List<String> listings = new ArrayList<>();
        for (int i = 0; i < 6; i++) {
            listings.add(draftAndPublish(vendorId, staff, i));
        }

        AtomicBoolean rebuilding = new AtomicBoolean(true);
        AtomicInteger commands = new AtomicInteger();
        Map<String, Long> lastPrice = new ConcurrentHashMap<>();
        ExecutorService load = Executors.newFixedThreadPool(3);
        List<Future<?>> shoppers = new ArrayList<>();
        for (int worker = 0; worker < 3; worker++) {
            int first = worker;
            shoppers.add(load.submit(() -> {
                long deadline = System.nanoTime() + Duration.ofSeconds(90).toNanos();
                int round = 0;
                // Commands keep coming until the rebuild is over, and a few more after it.
                int after = 0;
                while (after < 5 && System.nanoTime() < deadline) {
                    String listing = listings.get((first + 3 * round) % listings.size());
                    long price = 100_000L + commands.incrementAndGet();
                    synchronized (listing.intern()) {
                        Api.Reply repriced = api.put("/api/v1/listings/" + listing + "/price", staff,
                                Map.of("minorUnits", price, "currency", "EGP"), Map.of());
                        assertThat(repriced.status()).as(repriced.toString()).isEqualTo(202);
                        lastPrice.put(listing, price);
                    }
                    Api.Reply restocked = api.put("/api/v1/listings/" + listing + "/stock", staff,
                            Map.of("quantityOnHand", 10 + round % 7), Map.of());
                    assertThat(restocked.status()).as(restocked.toString()).isEqualTo(202);
                    round++;
                    if (!rebuilding.get()) {
                        after++;
                    }
                }
                return null;
            }));
        }

        int commandsDuringRebuild;
        try {
            int before = commands.get();
            rebuildWhileCommandsRun(listings);
            commandsDuringRebuild = commands.get() - before;
        } finally {
            rebuilding.set(false);
            load.shutdown();
        }
        for (Future<?> shopper : shoppers) {
            shopper.get();
        }
        admin.awaitCaughtUp("listings");

        assertThat(commandsDuringRebuild).as("commands sent while the rebuild ran").isPositive();
        for (String listing : listings) {
            assertThat(api.get("/api/v1/listings/" + listing, admin.support).json().path("price")
                    .path("minorUnits").asLong()).isEqualTo(lastPrice.getOrDefault(listing, 150_000L));
        }
        List<String> rebuiltUnderLoad = vendorRows(vendorId, listings);

        admin.rebuild("listings");
        admin.awaitRebuildFinished("listings");
        admin.awaitCaughtUp("listings");

        assertThat(vendorRows(vendorId, listings)).isEqualTo(rebuiltUnderLoad);
    }

    private void rebuildWhileCommandsRun(List<String> listings) {
        JsonNode started = admin.rebuild("listings");
        assertThat(started.path("state").asString()).isEqualTo("BUILDING");
        assertThat(api.post("/api/v1/admin/processors/listings/rebuild", admin.support, null).status())
                .isIn(202, 409);
        // Meanwhile queries answer from the current tables, and the other processors run.
        Api.Reply during = api.get("/api/v1/listings/" + listings.getFirst(), admin.support);
        assertThat(during.status()).isEqualTo(200);
        assertThat(admin.processor("vendors").path("status").asString()).isEqualTo("RUNNING");
        JsonNode finished = admin.awaitRebuildFinished("listings");
        assertThat(finished.path("eventsPerSecond").asDouble()).isPositive();
    }

    @Test
    void onlyReadModelsAreRebuiltAndOnlyStaffMayAsk() {
        Problems.assertProblem(api.post("/api/v1/admin/processors/CheckoutSagaProcessor/rebuild", admin.support,
                null), 422, "NOT_REBUILDABLE");
        Problems.assertProblem(api.post("/api/v1/admin/processors/no-such-processor/rebuild", admin.support,
                null), 404, "NOT_FOUND");
        Problems.assertProblem(api.get("/api/v1/admin/processors", api.token("shopper-ops", "CUSTOMER")),
                403, "FORBIDDEN");
        Problems.assertProblem(api.post("/api/v1/admin/processors/orders/rebuild",
                api.token("auditor-ops", "AUDITOR"), null), 403, "FORBIDDEN");
    }

    private List<String> vendorRows(String vendorId, List<String> listings) {
        List<String> rows = new ArrayList<>(admin.rows("listings", "vendor_id = CAST(:p AS uuid)", vendorId));
        rows.addAll(admin.rows("listing_vendors", "vendor_id = CAST(:p AS uuid)", vendorId));
        assertThat(rows).hasSize(listings.size() + 1);
        return rows;
    }

    private String draftAndPublish(String vendorId, String staff, int i) {
        Api.Reply drafted = api.post("/api/v1/vendors/" + vendorId + "/listings", staff, Map.of(
                        "category", "spare-parts",
                        "title", Map.of("en", "Brake pads " + i, "ar", "تيل فرامل " + i),
                        "description", Map.of("en", "Front axle"),
                        "attributes", Map.of("make", "Toyota", "model", "Corolla", "year", 2019, "condition", "NEW",
                                "city", "Cairo", "oemNumbers", List.of(), "extra", Map.of()),
                        "price", Map.of("minorUnits", 150_000, "currency", "EGP"),
                        "stock", 10),
                Map.of("Idempotency-Key", UUID.randomUUID().toString()));
        assertThat(drafted.status()).as(drafted.toString()).isEqualTo(201);
        String listingId = drafted.json().get("listingId").asString();
        assertThat(api.post("/api/v1/listings/" + listingId + "/publication", staff, null).status()).isEqualTo(202);
        return listingId;
    }

    private void awaitQuietStore() {
        long[] last = {admin.head(), System.nanoTime()};
        await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(200)).until(() -> {
            long head = admin.head();
            if (head != last[0]) {
                last[0] = head;
                last[1] = System.nanoTime();
            }
            return System.nanoTime() - last[1] > Duration.ofMillis(1500).toNanos();
        });
    }
}
