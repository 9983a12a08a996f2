package com.souq.commerce.engine.listing;

import static org.assertj.core.api.Assertions.assertThat;

import com.souq.commerce.engine.support.Api.Reply;
import com.souq.commerce.engine.support.EngineIntegrationTest;
import com.souq.commerce.listing.api.Category;
import com.souq.commerce.listing.api.Condition;
import com.souq.commerce.listing.api.ListingAttributes;
import com.souq.commerce.listing.api.LocalizedText;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import tools.jackson.databind.JsonNode;

@EngineIntegrationTest
class ListingCatalogReadTest {

    @LocalServerPort
    int port;

    @Autowired
    EventStore store;

    Catalog catalog;

    @BeforeEach
    void setUp() {
        catalog = new Catalog(port, store);
    }

    @Test
    void draftIsHiddenFromThePublicButShownToItsVendorAndStaff() {
        ListingHistory draft = ListingHistory.draftBrakePads(store, catalog.vendor);
        catalog.awaitVersion(draft, 0);

        Reply own = catalog.get(draft, catalog.seller);
        assertThat(own.status()).as(own.toString()).isEqualTo(200);
        assertThat(own.json().get("status").asString()).isEqualTo("DRAFT");
        for (String staff : List.of("ADMIN", "SUPPORT", "AUDITOR", "ANALYST")) {
            String token = catalog.api.token("staff-" + staff, staff);
            assertThat(catalog.get(draft, token).status()).as(staff).isEqualTo(200);
        }

        String otherSeller = catalog.api.token("other-seller", List.of("VENDOR"), UUID.randomUUID().toString());
        for (String stranger : new String[] {null, otherSeller, catalog.api.token("shopper", "CUSTOMER")}) {
            Reply hidden = catalog.get(draft, stranger);
            assertThat(hidden.status()).as(hidden.toString()).isEqualTo(404);
            assertThat(hidden.json().get("code").asString()).isEqualTo("NOT_FOUND");
            assertThat(hidden.raw().body()).doesNotContain("DRAFT", "Toyota");
        }
    }

    @Test
    void publishedListingOfAnApprovedVendorIsReadByAnyoneWithItsVersionAsETag() {
        ListingHistory listing = ListingHistory.publishedBrakePads(store, catalog.vendor);
        catalog.awaitVersion(listing, 1);

        Reply read = catalog.get(listing, null);
        assertThat(read.status()).as(read.toString()).isEqualTo(200);
        assertThat(read.header("ETag")).isEqualTo("\"1\"");
        JsonNode body = read.json();
        assertThat(body.get("listingId").asString()).isEqualTo(listing.id());
        assertThat(body.get("vendorId").asString()).isEqualTo(catalog.vendor.id());
        assertThat(body.get("vendorStatus").asString()).isEqualTo("APPROVED");
        assertThat(body.get("status").asString()).isEqualTo("PUBLISHED");
        assertThat(body.get("category").asString()).isEqualTo("spare-parts");
        assertThat(body.get("title").get("ar").asString()).isEqualTo("تيل فرامل أمامي تويوتا كورولا");
        assertThat(body.get("attributes").get("make").asString()).isEqualTo("Toyota");
        assertThat(body.get("attributes").get("condition").asString()).isEqualTo("NEW");
        assertThat(body.get("attributes").get("oemNumbers").get(0).asString()).isEqualTo("04465-02220");
        assertThat(body.get("attributes").get("extra").get("position").asString()).isEqualTo("front");
        assertThat(body.get("price").get("minorUnits").asLong()).isEqualTo(150_000);
        assertThat(body.get("price").get("currency").asString()).isEqualTo("EGP");
        assertThat(body.get("stock").get("onHand").asInt()).isEqualTo(10);
        assertThat(body.get("stock").get("reserved").asInt()).isEqualTo(0);
        assertThat(body.get("stock").get("available").asInt()).isEqualTo(10);
        assertThat(body.get("publishedAt").isNull()).isFalse();
        assertThat(body.get("version").asLong()).isEqualTo(1);
    }

    @Test
    void suspendingTheVendorHidesItsListingsAndReinstatingShowsThemAgain() {
        ListingHistory listing = ListingHistory.publishedBrakePads(store, catalog.vendor);
        catalog.awaitVersion(listing, 1);
        assertThat(catalog.get(listing, null).status()).isEqualTo(200);

        catalog.vendor.suspend();
        catalog.awaitVendorStatus(listing, "SUSPENDED");
        assertThat(catalog.get(listing, null).status()).isEqualTo(404);
        assertThat(catalog.get(listing, catalog.seller).status()).isEqualTo(200);

        catalog.vendor.reinstate();
        catalog.awaitVendorStatus(listing, "APPROVED");
        assertThat(catalog.get(listing, null).status()).isEqualTo(200);
        assertThat(catalog.get(listing, null).header("ETag")).as("vendor events are not listing versions")
                .isEqualTo("\"1\"");
    }

    @Test
    void listingOfAVendorNotYetApprovedIsPublicOnlyOnceTheVendorIsApproved() {
        VendorHistory applicant = VendorHistory.applied(store);
        ListingHistory listing = ListingHistory.publishedBrakePads(store, applicant);
        assertThat(catalog.awaitVersion(listing, 1).get("vendorStatus").asString()).isEqualTo("UNDER_REVIEW");
        assertThat(catalog.get(listing, null).status()).isEqualTo(404);

        applicant.approve();
        catalog.awaitVendorStatus(listing, "APPROVED");
        assertThat(catalog.get(listing, null).status()).isEqualTo(200);
    }

    @Test
    void unpublishedSoldAndDeletedListingsLeaveTheStorefrontButNotTheirVendor() {
        ListingHistory unpublished = ListingHistory.publishedBrakePads(store, catalog.vendor);
        ListingHistory sold = ListingHistory.publishedBrakePads(store, catalog.vendor);
        ListingHistory deleted = ListingHistory.publishedBrakePads(store, catalog.vendor);
        unpublished.unpublish();
        sold.markSold();
        deleted.delete();

        for (ListingHistory listing : List.of(unpublished, sold, deleted)) {
            String status = catalog.awaitVersion(listing, 2).get("status").asString();
            assertThat(catalog.get(listing, null).status()).as(status).isEqualTo(404);
            assertThat(catalog.get(listing, catalog.seller).json().get("status").asString()).isEqualTo(status);
        }
        assertThat(catalog.get(unpublished, catalog.seller).json().get("status").asString()).isEqualTo("UNPUBLISHED");
        assertThat(catalog.get(sold, catalog.seller).json().get("status").asString()).isEqualTo("SOLD");
        assertThat(catalog.get(deleted, catalog.seller).json().get("status").asString()).isEqualTo("DELETED");
    }

    @Test
    void priceStockAndEditsAreReflected() {
        ListingHistory listing = ListingHistory.publishedBrakePads(store, catalog.vendor);
        listing.changePrice(139_950);
        listing.adjustStock(4);
        long version = listing.edit(Category.CAR_ACCESSORIES,
                LocalizedText.of(Map.of("en", "Brake pad set", "ar", "طقم تيل فرامل")),
                new ListingAttributes("Toyota", "Yaris", 2021, 12_000, Condition.USED, List.of("A1", "B2"), "Giza",
                        Map.of()));

        JsonNode body = catalog.awaitVersion(listing, version);
        assertThat(version).isEqualTo(4);
        assertThat(body.get("price").get("minorUnits").asLong()).isEqualTo(139_950);
        assertThat(body.get("stock").get("onHand").asInt()).isEqualTo(4);
        assertThat(body.get("stock").get("available").asInt()).isEqualTo(4);
        assertThat(body.get("category").asString()).isEqualTo("car-accessories");
        assertThat(body.get("title").get("en").asString()).isEqualTo("Brake pad set");
        assertThat(body.get("description").get("en").asString()).isEqualTo("Edited");
        assertThat(body.get("attributes").get("model").asString()).isEqualTo("Yaris");
        assertThat(body.get("attributes").get("mileageKm").asInt()).isEqualTo(12_000);
        assertThat(body.get("attributes").get("condition").asString()).isEqualTo("USED");
        assertThat(body.get("attributes").get("oemNumbers").size()).isEqualTo(2);
        assertThat(body.get("attributes").get("city").asString()).isEqualTo("Giza");
        assertThat(body.get("attributes").get("extra").isEmpty()).isTrue();
        assertThat(body.get("status").asString()).isEqualTo("PUBLISHED");
    }

    @Test
    void unknownListingIsNotFoundAndMalformedIdIsBadRequest() {
        Reply unknown = catalog.api.get("/api/v1/listings/" + UUID.randomUUID(), null);
        assertThat(unknown.status()).isEqualTo(404);
        assertThat(unknown.contentType()).startsWith("application/problem+json");

        Reply malformed = catalog.api.get("/api/v1/listings/not-a-uuid", null);
        assertThat(malformed.status()).isEqualTo(400);
        assertThat(malformed.json().get("code").asString()).isEqualTo("INVALID_IDENTIFIER");
    }

    @Test
    void vendorListsItsOwnListingsInEveryStatusNewestFirstFilteredByStatus() {
        ListingHistory draft = ListingHistory.draftBrakePads(store, catalog.vendor);
        ListingHistory published = ListingHistory.publishedBrakePads(store, catalog.vendor);
        ListingHistory sold = ListingHistory.publishedBrakePads(store, catalog.vendor);
        sold.markSold();
        catalog.awaitVersion(draft, 0);
        catalog.awaitVersion(published, 1);
        catalog.awaitVersion(sold, 2);
        String path = "/api/v1/vendors/" + catalog.vendor.id() + "/listings";

        Reply all = catalog.api.get(path, catalog.seller);
        assertThat(all.status()).as(all.toString()).isEqualTo(200);
        assertThat(all.json().get("totalItems").asLong()).isEqualTo(3);
        assertThat(all.json().get("items").valueStream().map(item -> item.get("listingId").asString()))
                .containsExactly(sold.id(), published.id(), draft.id());
        assertThat(all.json().get("items").get(0).get("stock").get("available").asInt()).isEqualTo(10);

        Reply onlyPublished = catalog.api.get(path + "?status=PUBLISHED&page=0&size=1", catalog.seller);
        assertThat(onlyPublished.json().get("totalItems").asLong()).isEqualTo(1);
        assertThat(onlyPublished.json().get("items").get(0).get("listingId").asString()).isEqualTo(published.id());

        Reply secondPage = catalog.api.get(path + "?page=1&size=2", catalog.api.token("analyst-1", "ANALYST"));
        assertThat(secondPage.json().get("totalPages").asInt()).isEqualTo(2);
        assertThat(secondPage.json().get("items").get(0).get("listingId").asString()).isEqualTo(draft.id());
    }

    @Test
    void anotherVendorMayNotListAVendorsListings() {
        String path = "/api/v1/vendors/" + catalog.vendor.id() + "/listings";
        String otherSeller = catalog.api.token("other-seller", List.of("VENDOR"), UUID.randomUUID().toString());
        for (String stranger : List.of(otherSeller, catalog.api.token("seller-without-vendor", "VENDOR"),
                catalog.api.token("shopper", "CUSTOMER"))) {
            Reply refused = catalog.api.get(path, stranger);
            assertThat(refused.status()).as(refused.toString()).isEqualTo(403);
            assertThat(refused.json().get("code").asString()).isEqualTo("FORBIDDEN");
        }
        assertThat(catalog.api.get(path, null).status()).isEqualTo(401);
    }

    @Test
    void pageSizeAboveOneHundredIsRefused() {
        String path = "/api/v1/vendors/" + catalog.vendor.id() + "/listings?size=1000";

        Reply refused = catalog.api.get(path, catalog.seller);

        assertThat(refused.status()).isEqualTo(400);
        assertThat(refused.json().get("code").asString()).isEqualTo("VALIDATION_FAILED");
        assertThat(refused.json().get("errors").get(0).get("field").asString()).isEqualTo("size");
    }
}
