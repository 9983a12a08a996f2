package com.souq.commerce.engine.listing;

import static com.souq.commerce.engine.support.Problems.assertInvalidField;
import static com.souq.commerce.engine.support.Problems.assertProblem;
import static org.assertj.core.api.Assertions.assertThat;

import com.souq.commerce.engine.support.Api;
import com.souq.commerce.engine.support.Api.Reply;
import com.souq.commerce.engine.support.EngineIntegrationTest;
import com.souq.commerce.engine.support.Problems;
import com.souq.commerce.engine.support.Vendors;
import com.souq.commerce.listing.api.ListingId;
import com.souq.commerce.listing.api.ReserveStockCommand;
import com.souq.commerce.order.api.OrderId;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

/** A vendor's listings driven over HTTP, checked where an auditor would: in the event store. */
@EngineIntegrationTest
class ListingCommandFlowTest {

    @LocalServerPort
    int port;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    CommandGateway commands;

    Api api;
    Vendors vendors;
    Problems problems;

    @BeforeEach
    void setUp() {
        api = new Api(port);
        vendors = new Vendors(api);
        problems = new Problems(jdbc);
    }

    @Test
    void approvedVendorDraftsPublishesRepricesRestocksAndSellsAListing() {
        String vendorId = vendors.approved("Cairo Cars", "EG", "EGP");
        String staff = vendors.staffOf(vendorId);

        Reply drafted = api.post("/api/v1/vendors/" + vendorId + "/listings", staff, camry(),
                Map.of("Idempotency-Key", UUID.randomUUID().toString()));
        assertThat(drafted.status()).as(drafted.toString()).isEqualTo(201);
        String listingId = drafted.json().get("listingId").asString();
        assertThat(drafted.header("Location")).isEqualTo("/api/v1/listings/" + listingId);

        assertThat(api.post("/api/v1/listings/" + listingId + "/publication", staff, null).status()).isEqualTo(202);
        assertThat(api.put("/api/v1/listings/" + listingId + "/price", staff,
                Map.of("minorUnits", 43_500_00, "currency", "EGP"), Map.of()).status()).isEqualTo(202);
        assertThat(api.put("/api/v1/listings/" + listingId + "/stock", staff, Map.of("quantityOnHand", 2), Map.of())
                .status()).isEqualTo(202);
        assertThat(api.send("DELETE", "/api/v1/listings/" + listingId + "/publication", staff, null, Map.of())
                .status()).isEqualTo(202);
        assertThat(api.post("/api/v1/listings/" + listingId + "/sale", staff, null).status()).isEqualTo(202);

        assertThat(eventTypes(listingId)).containsExactly("ListingCreatedEvent", "ListingPublishedEvent",
                "ListingPriceChangedEvent", "ListingStockAdjustedEvent", "ListingUnpublishedEvent", "ListingSoldEvent");
        Map<String, Object> created = jdbc.sql("""
                        SELECT payload->'title'->>'ar' AS title_ar, payload->'price'->>'minorUnits' AS price,
                               payload->'price'->>'currency' AS currency, payload->'attributes'->>'make' AS make,
                               payload->>'category' AS category, metadata->>'subject' AS subject
                          FROM event_journal WHERE aggregate_id = :id AND sequence_number = 0""")
                .param("id", listingId).query().singleRow();
        assertThat(created).containsEntry("title_ar", "تويوتا كامري ٢٠١٩").containsEntry("price", "4500000")
                .containsEntry("currency", "EGP").containsEntry("make", "Toyota").containsEntry("category", "cars")
                .containsEntry("subject", "staff-" + vendorId);
    }

    @Test
    void vendorUnderReviewDraftsButCannotPublish() {
        String vendorId = vendors.underReview("Pending Parts", "EG", "EGP");
        String staff = vendors.staffOf(vendorId);
        String listingId = draft(vendorId, staff, camry());

        Reply publish = problems.writesNothing(() ->
                api.post("/api/v1/listings/" + listingId + "/publication", staff, null));
        assertProblem(publish, 409, "VENDOR_NOT_APPROVED");
    }

    @Test
    void staffOfAnotherVendorCannotTouchTheListing() {
        String vendorId = vendors.approved("Owner Motors", "EG", "EGP");
        String listingId = draft(vendorId, vendors.staffOf(vendorId), camry());
        String intruder = vendors.staffOf(vendors.approved("Intruder Motors", "EG", "EGP"));

        assertProblem(problems.writesNothing(() ->
                api.post("/api/v1/listings/" + listingId + "/publication", intruder, null)), 403, "NOT_YOUR_LISTING");
        assertProblem(problems.writesNothing(() -> api.post("/api/v1/vendors/" + vendorId + "/listings", intruder,
                camry(), Map.of("Idempotency-Key", UUID.randomUUID().toString()))), 403, "NOT_YOUR_VENDOR");
        assertProblem(problems.writesNothing(() -> api.post("/api/v1/listings/" + listingId + "/publication",
                api.token("vendor-without-claim", "VENDOR"), null)), 403, "NO_VENDOR_IN_TOKEN");
        assertProblem(problems.writesNothing(() -> api.post("/api/v1/listings/" + listingId + "/publication",
                api.token("shopper", "CUSTOMER"), null)), 403, "FORBIDDEN");
    }

    @Test
    void badListingInputIsRefusedFieldByField() {
        String vendorId = vendors.approved("Strict Parts", "EG", "EGP");
        String staff = vendors.staffOf(vendorId);

        assertInvalidField(draftRefused(vendorId, staff, with(camry(), "category", "spaceships")), "category");
        assertInvalidField(draftRefused(vendorId, staff,
                with(camry(), "price", Map.of("minorUnits", -1, "currency", "EGP"))), "price.minorUnits");
        assertInvalidField(draftRefused(vendorId, staff, with(camry(), "stock", -3)), "stock");
        assertInvalidField(draftRefused(vendorId, staff, with(camry(), "title", Map.of("en", "x".repeat(201)))),
                "title.en");
        assertInvalidField(draftRefused(vendorId, staff,
                with(camry(), "attributes", Map.of("make", "Toyota", "colour", "red"))), "attributes.colour");
        assertInvalidField(draftRefused(vendorId, staff,
                with(camry(), "attributes", Map.of("make", "Toyota", "year", 1700))), "attributes");
        assertProblem(draftRefused(vendorId, staff,
                with(camry(), "price", Map.of("minorUnits", 100, "currency", "SAR"))), 422, "CURRENCY_NOT_SOLD");
    }

    @Test
    void listingWithoutTitleIsNotPublishedAndDeletedListingIsNotEdited() {
        String vendorId = vendors.approved("Untitled Parts", "EG", "EGP");
        String staff = vendors.staffOf(vendorId);
        String untitled = draft(vendorId, staff, with(camry(), "title", Map.of()));
        assertProblem(problems.writesNothing(() ->
                api.post("/api/v1/listings/" + untitled + "/publication", staff, null)), 422, "TITLE_REQUIRED");

        String listingId = draft(vendorId, staff, camry());
        assertThat(api.send("DELETE", "/api/v1/listings/" + listingId, staff, null, Map.of()).status()).isEqualTo(202);
        Map<String, Object> edit = new HashMap<>(camry());
        edit.remove("price");
        edit.remove("stock");
        assertProblem(problems.writesNothing(() -> api.put("/api/v1/listings/" + listingId, staff, edit, Map.of())),
                409, "ILLEGAL_STATE_TRANSITION");
    }

    @Test
    void concurrentOrdersNeverReserveMoreThanTheStock() throws Exception {
        String vendorId = vendors.approved("Last Item Tyres", "EG", "EGP");
        String staff = vendors.staffOf(vendorId);
        String listingId = draft(vendorId, staff, with(camry(), "stock", 3));
        api.post("/api/v1/listings/" + listingId + "/publication", staff, null);

        ExecutorService pool = Executors.newFixedThreadPool(8);
        List<Callable<Object>> orders = new ArrayList<>();
        for (int i = 0; i < 12; i++) {
            orders.add(() -> commands.sendAndWait(new ReserveStockCommand(ListingId.of(listingId), OrderId.random(), 1),
                    10, TimeUnit.SECONDS));
        }
        pool.invokeAll(orders).forEach(result -> assertThat(result).succeedsWithin(java.time.Duration.ofSeconds(20)));
        pool.shutdown();

        assertThat(eventTypes(listingId).stream().filter("StockReservedEvent"::equals)).hasSize(3);
        assertThat(eventTypes(listingId).stream().filter("StockReservationRejectedEvent"::equals)).hasSize(9);
        assertThat(jdbc.sql("""
                        SELECT min(CAST(payload->>'available' AS int)) FROM event_journal
                         WHERE aggregate_id = :id AND event_type LIKE '%StockReservedEvent'""")
                .param("id", listingId).query(Integer.class).single()).isZero();
    }

    private String draft(String vendorId, String staff, Map<String, Object> body) {
        Reply drafted = api.post("/api/v1/vendors/" + vendorId + "/listings", staff, body,
                Map.of("Idempotency-Key", UUID.randomUUID().toString()));
        assertThat(drafted.status()).as(drafted.toString()).isEqualTo(201);
        return drafted.json().get("listingId").asString();
    }

    private Reply draftRefused(String vendorId, String staff, Map<String, Object> body) {
        return problems.writesNothing(() -> api.post("/api/v1/vendors/" + vendorId + "/listings", staff, body,
                Map.of("Idempotency-Key", UUID.randomUUID().toString())));
    }

    private List<String> eventTypes(String listingId) {
        return jdbc.sql("""
                        SELECT substring(event_type from '[^.]+$') FROM event_journal
                         WHERE aggregate_id = :id ORDER BY sequence_number""")
                .param("id", listingId).query(String.class).list();
    }

    private static Map<String, Object> camry() {
        return Map.of(
                "category", "cars",
                "title", Map.of("en", "Toyota Camry 2019", "ar", "تويوتا كامري ٢٠١٩"),
                "description", Map.of("en", "One owner, agency maintained", "ar", "مالك واحد، صيانة وكالة"),
                "attributes", Map.of("make", "Toyota", "model", "Camry", "year", 2019, "mileageKm", 85_000,
                        "condition", "USED", "city", "Cairo", "extra", Map.of("engine-size", "2.5L")),
                "price", Map.of("minorUnits", 45_000_00, "currency", "EGP"),
                "stock", 1);
    }

    private static Map<String, Object> with(Map<String, Object> body, String field, Object value) {
        Map<String, Object> changed = new HashMap<>(body);
        changed.put(field, value);
        return changed;
    }
}
